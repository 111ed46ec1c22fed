using System.Net;
using Testing;
using static SourceRecords.Tests.TestData;

namespace SourceRecords.Tests.Reference;

public sealed class ReferenceTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task The_code_tables_hold_the_national_standards()
    {
        var codes = await (await api.ClientFor(Student("S1")).GetAsync("/api/reference/codes")).ShouldBeAsync(HttpStatusCode.OK);
        var ethnicity = codes["ethnicity"]!.AsArray();
        ethnicity.Count.ShouldBe(58); // GB 3304: 56 nationalities, 97 其他, 98 外国血统中国籍人士
        ethnicity[0]!["code"]!.GetValue<string>().ShouldBe("01");
        ethnicity[0]!["label"]!.GetValue<string>().ShouldBe("汉族");
        ethnicity.Select(e => e!["code"]!.GetValue<string>()).ShouldContain("98");
        codes["politicalStatus"]!.AsArray().Count.ShouldBe(13); // GB/T 4762 01–13
        codes["politicalStatus"]![2]!["label"]!.GetValue<string>().ShouldBe("共青团员");
        foreach (var table in new[] { "gender", "educationLevel", "trainingMode", "urbanRural", "hardshipCategory", "normalStudentCategory" })
            codes[table]!.AsArray().Count.ShouldBeGreaterThan(1, table);
        codes["trainingMode"]!.AsArray().Single(e => e!["code"]!.GetValue<string>() == "2")!["label"]!.GetValue<string>().ShouldBe("定向");
    }

    [Fact]
    public async Task The_regions_come_from_GB_T_2260_as_provinces_then_children()
    {
        var client = api.ClientFor(Student("S1"));
        var provinces = (await (await client.GetAsync("/api/reference/regions")).ShouldBeAsync(HttpStatusCode.OK)).AsArray();
        provinces.Count.ShouldBeGreaterThanOrEqualTo(31);
        provinces.Select(p => p!["name"]!.GetValue<string>()).ShouldContain("湖南省");

        var hunan = (await (await client.GetAsync("/api/reference/regions?parent=430000")).ShouldBeAsync(HttpStatusCode.OK)).AsArray();
        hunan.Select(p => p!["code"]!.GetValue<string>()).ShouldContain("430100");
        var changsha = (await (await client.GetAsync("/api/reference/regions?parent=430100")).ShouldBeAsync(HttpStatusCode.OK)).AsArray();
        var yuelu = changsha.Single(c => c!["code"]!.GetValue<string>() == "430104")!;
        yuelu["name"]!.GetValue<string>().ShouldBe("岳麓区");
        yuelu["countyLevel"]!.GetValue<bool>().ShouldBeTrue();

        // Municipalities: districts hang directly under the province.
        var beijing = (await (await client.GetAsync("/api/reference/regions?parent=110000")).ShouldBeAsync(HttpStatusCode.OK)).AsArray();
        beijing.Select(p => p!["name"]!.GetValue<string>()).ShouldContain("东城区");

        (await client.GetAsync("/api/reference/regions?parent=999999")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await (await api.Anonymous().GetAsync("/api/reference/regions")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.unauthenticated");
    }

    [Fact]
    public async Task The_field_catalogue_lists_every_field_with_label_type_code_table_and_editors()
    {
        var fields = (await (await api.ClientFor(College101).GetAsync("/api/source-records/fields")).ShouldBeAsync(HttpStatusCode.OK)).AsArray();
        fields.Count.ShouldBe(26);
        var college = fields.Single(f => f!["field"]!.GetValue<string>() == "collegeCode")!;
        college["label"]!.GetValue<string>().ShouldBe("所在院系");
        college["editableBy"]!.AsArray().Select(r => r!.GetValue<string>()).ShouldBe(["school"]);
        var ethnicity = fields.Single(f => f!["field"]!.GetValue<string>() == "ethnicity")!;
        ethnicity["codeTable"]!.GetValue<string>().ShouldBe("ethnicity");
        ethnicity["editableBy"]!.AsArray().Select(r => r!.GetValue<string>()).ShouldBe(["college", "school"]);
        var mobile = fields.Single(f => f!["field"]!.GetValue<string>() == "mobile")!;
        mobile["editableBy"]!.AsArray().Select(r => r!.GetValue<string>()).ShouldContain("student");
        fields.Single(f => f!["field"]!.GetValue<string>() == "studentNumber")!["editableBy"]!.AsArray().ShouldBeEmpty();
        fields.Single(f => f!["field"]!.GetValue<string>() == "sponsorUnit")!["required"]!.GetValue<bool>().ShouldBeFalse();
    }
}
