using System.Net;
using System.Net.Http.Json;
using Testing;
using static SourceRecords.Tests.TestData;

namespace SourceRecords.Tests.Records;

/// <summary>
/// While a student's submission waits for review (学生已核), staff edits of the school record are refused: the real
/// Review module answers SourceRecords' question, the student submits over HTTP.
/// </summary>
public sealed class ReviewPendingTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    public async ValueTask InitializeAsync() => await EnsureBasicsAsync(api);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Given_a_submitted_verification_Then_staff_edits_answer_409_review_pending_and_nothing_changes()
    {
        var fields = ValidFields("P0001");
        var version = await AddAsync(api, fields, cohort: "2027");
        var student = await SubmitAsync("P0001", fields["idNumber"]!);

        await (await api.ClientFor(College101).PatchAsJsonAsync("/api/source-records/P0001",
            new { expectedVersion = version, reason = "改名", fields = new { name = "王五" } }, HttpExtensions.Json))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "record.review-pending");
        await (await api.ClientFor(Office).PatchAsJsonAsync("/api/source-records/P0001",
            new { expectedVersion = version, reason = "改名", fields = new { name = "王五" } }, HttpExtensions.Json))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "record.review-pending");
        // Scope is decided before Review's state: another college is refused as such.
        await (await api.ClientFor(College102).PatchAsJsonAsync("/api/source-records/P0001",
            new { expectedVersion = version, reason = "改名", fields = new { name = "王五" } }, HttpExtensions.Json))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.forbidden");

        var detail = await (await api.ClientFor(Office).GetAsync("/api/source-records/P0001")).ShouldBeAsync(HttpStatusCode.OK);
        detail["version"]!.GetValue<long>().ShouldBe(version);
        detail["fields"]!["name"]!.GetValue<string>().ShouldBe("张三");

        // Withdrawn by the student (as after a review): editing is allowed again.
        await (await student.PostAsync("/api/verification/withdraw", null)).ShouldBeAsync(HttpStatusCode.OK);
        await (await api.ClientFor(College101).PatchAsJsonAsync("/api/source-records/P0001",
            new { expectedVersion = version, reason = "改名", fields = new { name = "王五" } }, HttpExtensions.Json))
            .ShouldBeAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Given_a_submitted_verification_Then_a_reimport_that_would_change_the_record_is_refused_and_an_unchanged_row_passes()
    {
        var fields = ValidFields("P0002", sequence: 2);
        await AddAsync(api, fields, cohort: "2027");
        await SubmitAsync("P0002", fields["idNumber"]!);

        var unchanged = Import.ImportFiles.Utf8(Import.ImportFiles.Csv([Import.ImportFiles.Labels, Import.ImportFiles.Row(fields)]), bom: true);
        var ok = await (await api.ClientFor(Office).PostAsync("/api/source-records/import?cohort=2027", Import.ImportFiles.Upload("p.csv", unchanged)))
            .ShouldBeAsync(HttpStatusCode.OK);
        ok["unchanged"]!.GetValue<int>().ShouldBe(1);

        fields["className"] = "计科2209";
        var changed = Import.ImportFiles.Utf8(Import.ImportFiles.Csv([Import.ImportFiles.Labels, Import.ImportFiles.Row(fields)]), bom: true);
        var refused = await (await api.ClientFor(Office).PostAsync("/api/source-records/import?cohort=2027", Import.ImportFiles.Upload("p.csv", changed)))
            .ShouldBeAsync(HttpStatusCode.OK);
        refused["rejected"]!.GetValue<int>().ShouldBe(1);
        refused["dryRun"]!.GetValue<bool>().ShouldBeFalse();
        var error = refused["errors"]!.AsArray().ShouldHaveSingleItem()!;
        error["row"]!.GetValue<int>().ShouldBe(2);
        error["message"]!.GetValue<string>().ShouldContain("学生已核");
        (await (await api.ClientFor(Office).GetAsync("/api/source-records/P0002")).ShouldBeAsync(HttpStatusCode.OK))["fields"]!["className"]!
            .GetValue<string>().ShouldBe("计科2201");
    }

    private async Task<HttpClient> SubmitAsync(string studentNumber, string idNumber)
    {
        var student = await api.StudentClientAsync(studentNumber, idNumber);
        await (await student.PostAsync("/api/verification/start", null)).ShouldBeAsync(HttpStatusCode.OK);
        (await (await student.PostAsync("/api/verification/submit", null)).ShouldBeAsync(HttpStatusCode.OK))["status"]!
            .GetValue<string>().ShouldBe("Submitted");
        return student;
    }
}
