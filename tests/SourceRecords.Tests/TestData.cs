using System.Globalization;
using System.Net;
using BuildingBlocks.Actors;
using Testing;

namespace SourceRecords.Tests;

/// <summary>Valid test students: ID numbers with the right check character, birth date and gender digit.</summary>
public static class TestData
{
    public static readonly Actor Office = new("office1", Roles.School, null, null);
    public static readonly Actor College101 = new("t101", Roles.College, "101", null);
    public static readonly Actor College102 = new("t102", Roles.College, "102", null);

    public static Actor Student(string studentNumber) => new(studentNumber, Roles.Student, null, studentNumber);

    /// <summary>A valid 18-character ID number; <paramref name="sequence"/> varies it.</summary>
    public static string IdNumber(int sequence, bool male = true, string region = "430104", int birthYear = 2003)
    {
        var birth = new DateOnly(birthYear, 1 + sequence % 12, 1 + sequence % 28);
        var order = (sequence % 500) * 2 + (male ? 1 : 0); // the 17th digit: odd for male, even for female
        var first17 = region + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + order.ToString("000", CultureInfo.InvariantCulture);
        return first17 + global::SourceRecords.Fields.IdNumber.CheckCharacter(first17);
    }

    /// <summary>Every required field, valid: a male 本科 student of college 101 from 长沙市岳麓区.</summary>
    public static Dictionary<string, string?> ValidFields(string studentNumber, string college = "101", int sequence = 1, bool male = true) => new()
    {
        ["studentNumber"] = studentNumber,
        ["name"] = male ? "张三" : "李四",
        ["gender"] = male ? "1" : "2",
        ["idNumber"] = IdNumber(sequence, male),
        ["examineeNumber"] = "22430104151234",
        ["ethnicity"] = "01",
        ["politicalStatus"] = "03",
        ["educationLevel"] = "31",
        ["collegeCode"] = college,
        ["majorCode"] = "080901",
        ["majorName"] = "计算机科学与技术",
        ["className"] = "计科2201",
        ["lengthOfSchooling"] = "4",
        ["trainingMode"] = "1",
        ["enrollmentDate"] = "2022-09",
        ["graduationDate"] = "2026-06",
        ["originRegionCode"] = "430104",
        ["urbanRural"] = "城镇",
        ["hardshipCategory"] = "0",
        ["normalStudentCategory"] = "2",
        ["householdAddress"] = "湖南省长沙市岳麓区麓山南路 1 号",
        ["homeAddress"] = "湖南省长沙市岳麓区麓山南路 1 号",
        ["mobile"] = "13812345678",
        ["email"] = "student@example.com",
    };

    /// <summary>Colleges 101 and 102 and cohorts 2026 and 2027, once per test class.</summary>
    public static async Task EnsureBasicsAsync(ApiFactory api)
    {
        var office = api.ClientFor(Office);
        foreach (var (code, name) in new[] { ("101", "计算机学院"), ("102", "土木工程学院") })
        {
            var r = await office.PostJsonAsync("/api/colleges", new { code, name });
            r.StatusCode.ShouldBeOneOf(HttpStatusCode.Created, HttpStatusCode.Conflict);
        }
        foreach (var (code, year) in new[] { ("2026", 2026), ("2027", 2027) })
        {
            var r = await office.PostJsonAsync("/api/cohorts", new
            {
                code, name = $"{year}届毕业生", graduationYear = year,
                studentDeadline = new DateTimeOffset(year, 4, 30, 23, 59, 0, TimeSpan.FromHours(8)),
                reviewDeadline = new DateTimeOffset(year, 5, 15, 23, 59, 0, TimeSpan.FromHours(8)),
                requireSchoolReview = true,
            });
            r.StatusCode.ShouldBeOneOf(HttpStatusCode.Created, HttpStatusCode.OK);
        }
    }

    /// <summary>Adds a record through POST /api/source-records as the office and returns its version.</summary>
    public static async Task<long> AddAsync(ApiFactory api, Dictionary<string, string?> fields, string cohort = "2026")
    {
        // Waits until Identity and Review have heard of the record too (its account exists when this returns).
        var office = api.ClientFor(Office);
        HttpResponseMessage? response = null;
        await api.TrackAsync(async () => response = await office.PostJsonAsync("/api/source-records", new { cohort, fields }));
        var body = await response!.ShouldBeAsync(HttpStatusCode.Created);
        return body["version"]!.GetValue<long>();
    }
}
