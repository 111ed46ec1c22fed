using SourceRecords.Fields;
using SourceRecords.Reference;

namespace SourceRecords.Tests.Fields;

/// <summary>The catalogue's pure rules, without a database.</summary>
public sealed class FieldRulesTests
{
    private static readonly DateOnly Today = new(2026, 3, 1);

    [Theory]
    [InlineData("11010519491231002", 'X')] // the standard's own example
    [InlineData("44052418800101001", '4')]
    public void The_GB_11643_check_character_is_computed_from_the_weights(string first17, char check) =>
        IdNumber.CheckCharacter(first17).ShouldBe(check);

    [Theory]
    [InlineData("11010519491231002X", null)]
    [InlineData("11010519491231002x", "身份证号第 18 位必须是数字或大写 X")]
    [InlineData("110105194912310021", "身份证号校验位不正确")]
    [InlineData("110105194913310020", "身份证号中的出生日期无效")]
    [InlineData("11010520300101002X", "身份证号中的出生日期无效")] // born in the future
    [InlineData("1101051949123100", "身份证号必须是 18 位")]
    public void An_ID_number_is_checked_for_length_birth_date_and_check_character(string value, string? problem) =>
        IdNumber.Problem(value, Today).ShouldBe(problem);

    [Fact]
    public void The_17th_digit_gives_the_gender_and_the_mask_keeps_region_and_tail()
    {
        IdNumber.GenderCode("11010519491231002X").ShouldBe("2");
        IdNumber.GenderCode("440524188001010014").ShouldBe("1");
        IdNumber.Mask("43010420030101001X").ShouldBe("4301**********001X");
    }

    [Theory]
    [InlineData("430104", true)] // 长沙市岳麓区
    [InlineData("110101", true)] // 北京市东城区: a municipality's district
    [InlineData("441900", true)] // 东莞市: a prefecture-level city without counties
    [InlineData("429004", true)] // 仙桃市: a county-level city under the province
    [InlineData("430100", false)] // 长沙市: a prefecture
    [InlineData("430000", false)] // 湖南省
    [InlineData("430199", false)] // not in GB/T 2260
    public void County_level_regions_come_from_the_shipped_data_set(string code, bool county) =>
        Regions.IsCountyLevel(code).ShouldBe(county);

    [Theory]
    [InlineData("trainingMode", "定向", "2")]
    [InlineData("trainingMode", " 4 ", "4")]
    [InlineData("ethnicity", "1", "01")]
    [InlineData("ethnicity", "回族", "03")]
    [InlineData("politicalStatus", "共青团员", "03")]
    [InlineData("gender", "女", "2")]
    [InlineData("enrollmentDate", "2022年9月", "2022-09")]
    [InlineData("enrollmentDate", "2022.09", "2022-09")]
    [InlineData("enrollmentDate", "2022-09-01", "2022-09")]
    [InlineData("enrollmentDate", "202209", "2022-09")]
    [InlineData("enrollmentDate", "44805", "2022-09")] // an Excel serial date
    [InlineData("lengthOfSchooling", "4.0", "4")]
    [InlineData("lengthOfSchooling", "2.5", "2.5")]
    [InlineData("idNumber", "11010519491231002x", "11010519491231002X")]
    [InlineData("ethnicity", "火星族", "火星族")] // kept as typed, reported by validation
    [InlineData("name", "  ", null)]
    public void An_imported_value_is_normalized_to_what_the_API_speaks(string field, string raw, string? expected) =>
        FieldCatalogue.Normalize(FieldCatalogue.Find(field)!, raw).ShouldBe(expected);

    [Fact]
    public void Every_field_of_DOMAIN_md_is_in_the_catalogue_with_a_national_column()
    {
        FieldCatalogue.Fields.Select(f => f.Field).ShouldBe([
            "studentNumber", "name", "gender", "idNumber", "examineeNumber", "ethnicity", "politicalStatus", "educationLevel",
            "collegeCode", "majorCode", "majorName", "className", "lengthOfSchooling", "trainingMode", "sponsorUnit",
            "sponsorUnitRegionCode", "enrollmentDate", "graduationDate", "originRegionCode", "urbanRural", "hardshipCategory",
            "normalStudentCategory", "householdAddress", "homeAddress", "mobile", "email"]);
        FieldCatalogue.Fields.ShouldAllBe(f => f.NationalKey != null);
        FieldCatalogue.Fields.Select(f => f.Label).Distinct().Count().ShouldBe(FieldCatalogue.Fields.Count);
    }
}
