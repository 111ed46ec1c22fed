using System.Net;
using System.Text.Json.Nodes;
using BuildingBlocks.Actors;
using SourceRecords.Contracts;
using Testing;

namespace Identity.Tests;

/// <summary>What SourceRecords will publish, published by the tests themselves.</summary>
internal static class TestData
{
    public static readonly Actor Office = new("office1", Roles.School, null, null);

    public static StudentRecordRegistered Registered(string studentNumber, string idNumber, string cohort = "2026", string college = "101",
        string? className = "计科2201", string name = "张三") =>
        new(studentNumber, cohort, college, name, idNumber, "计算机科学与技术", className,
            new Dictionary<string, string?> { ["studentNumber"] = studentNumber, ["name"] = name, ["idNumber"] = idNumber, ["collegeCode"] = college, ["className"] = className });

    /// <summary>Creates a student account the way SourceRecords does (a StudentRecordRegistered), sent by the office.</summary>
    public static async Task<string> StudentAsync(this ApiFactory api, string studentNumber, string cohort = "2026", string college = "101",
        string? className = "计科2201")
    {
        var idNumber = ApiFactory.MakeIdNumber(studentNumber);
        await api.PublishAsync(Registered(studentNumber, idNumber, cohort, college, className), Office);
        return idNumber;
    }

    public static Task<HttpResponseMessage> LoginAsync(this HttpClient client, string username, string password) =>
        client.PostJsonAsync("/api/auth/login", new { username, password });

    public static async Task<string> TokenAsync(this ApiFactory api, string username, string password)
    {
        var body = await (await api.Anonymous().LoginAsync(username, password)).ShouldBeAsync(HttpStatusCode.OK);
        return body["accessToken"]!.GetValue<string>();
    }

    public static async Task<JsonNode> MeAsync(this HttpClient client) =>
        await (await client.GetAsync("/api/auth/me")).ShouldBeAsync(HttpStatusCode.OK);
}
