using System.Net;
using System.Text.Json.Nodes;
using BuildingBlocks.Actors;
using Testing;

namespace Review.Tests.Flow;

/// <summary>A college, a cohort with open deadlines and real records, created over HTTP as the office would.</summary>
internal static class FlowData
{
    public const string College = "501";
    public const string OtherCollege = "502";
    public const string Cohort = "2031";
    public static readonly Actor Office = new("office-flow", Roles.School, null, null);
    public static readonly Actor Counsellor = new("fdy501", Roles.College, College, null);
    public static readonly Actor OtherCounsellor = new("fdy502", Roles.College, OtherCollege, null);

    public static readonly DateTimeOffset StudentDeadline = new(2031, 4, 30, 23, 59, 0, TimeSpan.FromHours(8));
    public static readonly DateTimeOffset ReviewDeadline = new(2031, 5, 15, 23, 59, 0, TimeSpan.FromHours(8));

    public static async Task EnsureBasicsAsync(ApiFactory api)
    {
        var office = await api.ClientForAsync(Office);
        // Wait until Identity and Review have heard of the colleges and the cohort.
        await api.TrackAsync(async () =>
        {
            foreach (var (code, name) in new[] { (College, "软件学院"), (OtherCollege, "外国语学院") })
                (await office.PostJsonAsync("/api/colleges", new { code, name })).StatusCode.ShouldBeOneOf(HttpStatusCode.Created, HttpStatusCode.Conflict);
            var cohort = await office.PostJsonAsync("/api/cohorts", new
            {
                code = Cohort, name = "2031届毕业生", graduationYear = 2031,
                studentDeadline = StudentDeadline,
                reviewDeadline = ReviewDeadline,
                requireSchoolReview = true,
            });
            cohort.StatusCode.ShouldBeOneOf(HttpStatusCode.Created, HttpStatusCode.OK);
        });
    }

    public static Dictionary<string, string?> Fields(string studentNumber, string idNumber, string college = College) => new()
    {
        ["studentNumber"] = studentNumber,
        ["name"] = "王" + studentNumber[^2..],
        ["gender"] = "1",
        ["idNumber"] = idNumber,
        ["examineeNumber"] = "27430104151234",
        ["ethnicity"] = "01",
        ["politicalStatus"] = "03",
        ["educationLevel"] = "31",
        ["collegeCode"] = college,
        ["majorCode"] = "080902",
        ["majorName"] = "软件工程",
        ["className"] = "软件2701",
        ["lengthOfSchooling"] = "4",
        ["trainingMode"] = "1",
        ["enrollmentDate"] = "2027-09",
        ["graduationDate"] = "2031-06",
        ["originRegionCode"] = "430104",
        ["urbanRural"] = "城镇",
        ["hardshipCategory"] = "0",
        ["normalStudentCategory"] = "2",
        ["householdAddress"] = "湖南省长沙市岳麓区麓山南路 2 号",
        ["homeAddress"] = "湖南省长沙市岳麓区麓山南路 2 号",
        ["mobile"] = "13812345678",
        ["email"] = "s" + studentNumber + "@example.com",
    };

    /// <summary>
    /// Adds a record (补充生源) over HTTP as the office and waits until Identity and Review have heard of it;
    /// returns the student's client, logged in with the default password.
    /// </summary>
    public static async Task<HttpClient> StudentAsync(ApiFactory api, string studentNumber, string college = College, string cohort = Cohort)
    {
        var idNumber = ApiFactory.MakeIdNumber(studentNumber);
        var office = await api.ClientForAsync(Office);
        HttpResponseMessage? response = null;
        await api.TrackAsync(async () =>
            response = await office.PostJsonAsync("/api/source-records", new { cohort, fields = Fields(studentNumber, idNumber, college) }));
        await response!.ShouldBeAsync(HttpStatusCode.Created);
        return await api.StudentClientAsync(studentNumber, idNumber);
    }

    /// <summary>start → draft → submit, as the student; returns the verification after submit.</summary>
    public static async Task<JsonNode> SubmitAsync(HttpClient student, Dictionary<string, string?> changes)
    {
        await (await student.PostAsync("/api/verification/start", null)).ShouldBeAsync(HttpStatusCode.OK);
        await (await student.PutAsJsonAsync("/api/verification/draft", new { fields = changes })).ShouldBeAsync(HttpStatusCode.OK);
        return await (await student.PostAsync("/api/verification/submit", null)).ShouldBeAsync(HttpStatusCode.OK);
    }

    public static Task<HttpResponseMessage> PutAsJsonAsync<T>(this HttpClient client, string url, T body) =>
        System.Net.Http.Json.HttpClientJsonExtensions.PutAsJsonAsync(client, url, body, HttpExtensions.Json);

    public static async Task<long> VersionAsync(HttpClient staff, string studentNumber) =>
        (await (await staff.GetAsync($"/api/reviews/{studentNumber}")).ShouldBeAsync(HttpStatusCode.OK))["version"]!.GetValue<long>();
}
