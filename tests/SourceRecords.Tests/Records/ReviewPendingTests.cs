using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using SourceRecords.Records;
using Testing;
using static SourceRecords.Tests.TestData;

namespace SourceRecords.Tests.Records;

/// <summary>
/// The Review module decides when a verification is Submitted; until it is merged, this factory stands in for it
/// behind the <see cref="IReviewLock"/> seam (the lead replaces this with the end-to-end test).
/// </summary>
public sealed class ReviewPendingApiFactory(PostgresServer server) : ApiFactory(server)
{
    internal FakeReviewLock Lock { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<IReviewLock>(Lock));
    }
}

internal sealed class FakeReviewLock : IReviewLock
{
    public HashSet<string> Submitted { get; } = [];

    public Task<bool> IsPendingAsync(string studentNumber, CancellationToken ct) => Task.FromResult(Submitted.Contains(studentNumber));
}

public sealed class ReviewPendingTests(ReviewPendingApiFactory api) : IClassFixture<ReviewPendingApiFactory>, IAsyncLifetime
{
    public async ValueTask InitializeAsync() => await EnsureBasicsAsync(api);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Given_a_submitted_verification_Then_staff_edits_answer_409_review_pending_and_nothing_changes()
    {
        var version = await AddAsync(api, ValidFields("P0001"));
        api.Lock.Submitted.Add("P0001");

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

        api.Lock.Submitted.Remove("P0001"); // reviewed: editing is allowed again
        await (await api.ClientFor(College101).PatchAsJsonAsync("/api/source-records/P0001",
            new { expectedVersion = version, reason = "改名", fields = new { name = "王五" } }, HttpExtensions.Json))
            .ShouldBeAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Given_a_submitted_verification_Then_a_reimport_that_would_change_the_record_is_refused_and_an_unchanged_row_passes()
    {
        var fields = ValidFields("P0002", sequence: 2);
        await AddAsync(api, fields);
        api.Lock.Submitted.Add("P0002");

        var unchanged = Import.ImportFiles.Utf8(Import.ImportFiles.Csv([Import.ImportFiles.Labels, Import.ImportFiles.Row(fields)]), bom: true);
        var ok = await (await api.ClientFor(Office).PostAsync("/api/source-records/import?cohort=2026", Import.ImportFiles.Upload("p.csv", unchanged)))
            .ShouldBeAsync(HttpStatusCode.OK);
        ok["unchanged"]!.GetValue<int>().ShouldBe(1);

        fields["className"] = "计科2209";
        var changed = Import.ImportFiles.Utf8(Import.ImportFiles.Csv([Import.ImportFiles.Labels, Import.ImportFiles.Row(fields)]), bom: true);
        var refused = await (await api.ClientFor(Office).PostAsync("/api/source-records/import?cohort=2026", Import.ImportFiles.Upload("p.csv", changed)))
            .ShouldBeAsync(HttpStatusCode.OK);
        refused["rejected"]!.GetValue<int>().ShouldBe(1);
        refused["dryRun"]!.GetValue<bool>().ShouldBeFalse();
        var error = refused["errors"]!.AsArray().ShouldHaveSingleItem()!;
        error["row"]!.GetValue<int>().ShouldBe(2);
        error["message"]!.GetValue<string>().ShouldContain("学生已核");
        (await (await api.ClientFor(Office).GetAsync("/api/source-records/P0002")).ShouldBeAsync(HttpStatusCode.OK))["fields"]!["className"]!
            .GetValue<string>().ShouldBe("计科2201");
    }
}
