using System.Net;
using System.Text;
using Testing;
using static SourceRecords.Tests.TestData;

namespace SourceRecords.Tests.Records;

/// <summary>Bad input is a 4xx problem, never a server error.</summary>
public sealed class MalformedInputTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    public async ValueTask InitializeAsync()
    {
        await EnsureBasicsAsync(api);
        if ((await api.ClientFor(Office).GetAsync("/api/source-records/M0001")).StatusCode != HttpStatusCode.OK)
            await AddAsync(api, ValidFields("M0001"));
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    public static TheoryData<string, string, string?> Requests => new()
    {
        { "GET", "/api/source-records?page=abc&pageSize=-5", null },
        { "GET", "/api/source-records/M0001/as-of?at=not-a-date", null },
        { "GET", "/api/source-records/M0001/as-of?version=0", null },
        { "GET", "/api/source-records/M0001/as-of?version=x", null },
        { "GET", "/api/source-records/export?format=csv&layout=moon", null },
        { "GET", "/api/source-records/template?format=doc", null },
        { "PATCH", "/api/source-records/M0001", "{not json" },
        { "PATCH", "/api/source-records/M0001", "{\"expectedVersion\":1,\"reason\":\"x\",\"fields\":{\"nosuch\":\"1\"}}" },
        { "PATCH", "/api/source-records/M0001", "{\"expectedVersion\":1,\"reason\":\"x\",\"fields\":{\"name\":null}}" },
        { "PATCH", "/api/source-records/M0001", "{\"expectedVersion\":\"one\",\"reason\":\"x\",\"fields\":{}}" },
        { "PATCH", "/api/source-records/NOSUCH", "{\"expectedVersion\":1,\"reason\":\"x\",\"fields\":{\"name\":\"a\"}}" },
        { "POST", "/api/source-records", "{\"cohort\":\"2026\",\"fields\":{\"studentNumber\":\"../../etc\",\"name\":\"" + new string('x', 5000) + "\"}}" },
        { "POST", "/api/source-records", "{\"cohort\":\"2026\",\"fields\":null}" },
        { "POST", "/api/source-records", "[]" },
        { "POST", "/api/source-records/M0001/move", "{\"toCohort\":null,\"reason\":null}" },
        { "DELETE", "/api/source-records/M0001?reason=", null },
        { "POST", "/api/cohorts", "{\"code\":\"x\",\"name\":\"x\",\"graduationYear\":\"abc\"}" },
        { "POST", "/api/source-records/import?cohort=2026", "{\"file\":\"x\"}" },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task A_malformed_request_is_a_4xx_problem(string method, string url, string? body)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        var response = await api.ClientFor(Office).SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        ((int)response.StatusCode).ShouldBeInRange(400, 499, text);
    }
}
