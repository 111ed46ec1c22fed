using System.Net;
using Testing;
using static Review.Tests.Flow.FlowData;

namespace Review.Tests.Flow;

/// <summary>Replay to resolve disputes ("I submitted the right 生源地, who changed it?"), deadlines, and one student's whole audit trail.</summary>
public sealed class DisputeTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    public async ValueTask InitializeAsync() => await EnsureBasicsAsync(api);

    public ValueTask DisposeAsync()
    {
        api.Clock.Reset();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task As_of_a_version_or_a_moment_shows_what_the_student_had_submitted_then()
    {
        var student = await StudentAsync(api, "D1001");
        var submitted = await SubmitAsync(student, new() { ["originRegionCode"] = "430102" });
        var submittedVersion = submitted["version"]!.GetValue<long>();
        await Task.Yield();
        var afterSubmit = DateTimeOffset.UtcNow;

        // Later the student withdraws and proposes another region.
        await (await student.PostAsync("/api/verification/withdraw", null)).ShouldBeAsync(HttpStatusCode.OK);
        await (await student.PutAsJsonAsync("/api/verification/draft",
            new { fields = new Dictionary<string, string?> { ["originRegionCode"] = "430111" } })).ShouldBeAsync(HttpStatusCode.OK);

        var office = await api.ClientForAsync(Office);
        var byVersion = await (await office.GetAsync($"/api/reviews/D1001/as-of?version={submittedVersion}")).ShouldBeAsync(HttpStatusCode.OK);
        byVersion["status"]!.GetValue<string>().ShouldBe("Submitted");
        byVersion["proposedValues"]!["originRegionCode"]!.GetValue<string>().ShouldBe("430102");
        byVersion["version"]!.GetValue<long>().ShouldBe(submittedVersion);

        var byTime = await (await office.GetAsync($"/api/reviews/D1001/as-of?at={Uri.EscapeDataString(afterSubmit.ToString("O"))}"))
            .ShouldBeAsync(HttpStatusCode.OK);
        byTime["status"]!.GetValue<string>().ShouldBe("Submitted");
        byTime["proposedValues"]!["originRegionCode"]!.GetValue<string>().ShouldBe("430102");

        var now = await (await office.GetAsync("/api/reviews/D1001")).ShouldBeAsync(HttpStatusCode.OK);
        now["status"]!.GetValue<string>().ShouldBe("InProgress");
        now["fields"]!.AsArray().Single(f => f!["field"]!.GetValue<string>() == "originRegionCode")!["proposedValue"]!
            .GetValue<string>().ShouldBe("430111");

        var before = await office.GetAsync($"/api/reviews/D1001/as-of?at={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddYears(-1).ToString("O"))}");
        await before.ShouldBeProblemAsync(HttpStatusCode.NotFound, "verification.not-yet");
        await (await office.GetAsync("/api/reviews/D1001/as-of")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
    }

    [Fact]
    public async Task One_students_audit_trail_answers_who_changed_what_across_every_module()
    {
        var student = await StudentAsync(api, "D2001");
        await SubmitAsync(student, new() { ["originRegionCode"] = "430102" });
        var counsellor = await api.ClientForAsync(Counsellor);
        var version = await VersionAsync(counsellor, "D2001");
        await (await counsellor.PostJsonAsync("/api/reviews/D2001/copy-to-school-record", new { expectedVersion = version }))
            .ShouldBeAsync(HttpStatusCode.OK);

        var office = await api.ClientForAsync(Office);
        var audit = await (await office.GetAsync("/api/audit/events?studentNumber=D2001&pageSize=100")).ShouldBeAsync(HttpStatusCode.OK);
        var rows = audit["items"]!.AsArray().Select(i => i!).ToList();
        rows.Select(r => r["module"]!.GetValue<string>()).Distinct().ShouldBe(["identity", "review", "sourcerecords"], ignoreOrder: true);

        // Who changed 生源所在地 in the school record: the counsellor, by copying what the student submitted.
        var change = rows.Where(r => r["module"]!.GetValue<string>() == "sourcerecords")
            .Single(r => r["changes"]!.AsArray().Any(c => c!["field"]!.GetValue<string>() == "originRegionCode"
                && c["to"]?.GetValue<string>() == "430102"));
        change["actor"]!.GetValue<string>().ShouldBe(Counsellor.UserName);
        change["actorRole"]!.GetValue<string>().ShouldBe("college");
        var fieldChange = change["changes"]!.AsArray().Single(c => c!["field"]!.GetValue<string>() == "originRegionCode")!;
        (fieldChange["from"]!.GetValue<string>(), fieldChange["to"]!.GetValue<string>()).ShouldBe(("430104", "430102"));

        // What the student submitted, and when.
        var submit = rows.Single(r => r["type"]!.GetValue<string>() == "verification_submitted");
        submit["actor"]!.GetValue<string>().ShouldBe("D2001");
        submit["actorRole"]!.GetValue<string>().ShouldBe("student");
        submit["collegeCode"]!.GetValue<string>().ShouldBe(College);

        // Newest first, and the audit list never shows an ID number in full.
        var sequences = rows.Select(r => r["sequence"]!.GetValue<long>()).ToList();
        sequences.ShouldBe(sequences.OrderByDescending(s => s).ToList());
        audit.ToJsonString().ShouldNotContain(ApiFactory.MakeIdNumber("D2001"));
    }

    [Fact]
    public async Task Deadlines_close_the_student_side_then_the_college_side_but_not_the_office()
    {
        var student = await StudentAsync(api, "D3001");
        await (await student.PostAsync("/api/verification/start", null)).ShouldBeAsync(HttpStatusCode.OK);
        var other = await StudentAsync(api, "D3002");
        await SubmitAsync(other, new() { ["politicalStatus"] = "13" });
        var counsellor = await api.ClientForAsync(Counsellor);
        var office = await api.ClientForAsync(Office);
        var version = await VersionAsync(counsellor, "D3002");
        var copied = await (await counsellor.PostJsonAsync("/api/reviews/D3002/copy-to-school-record", new { expectedVersion = version }))
            .ShouldBeAsync(HttpStatusCode.OK);
        var v = copied["version"]!.GetValue<long>();

        try
        {
            api.Clock.Advance(StudentDeadline - DateTimeOffset.UtcNow + TimeSpan.FromHours(1));
            await (await student.PostAsync("/api/verification/submit", null))
                .ShouldBeProblemAsync(HttpStatusCode.Conflict, "verification.deadline-passed");
            await (await other.PostAsync("/api/verification/withdraw", null))
                .ShouldBeProblemAsync(HttpStatusCode.Conflict, "verification.deadline-passed");

            api.Clock.Advance(ReviewDeadline - StudentDeadline);
            await (await counsellor.PostJsonAsync("/api/reviews/D3002/college-review", new { expectedVersion = v, decision = "approve" }))
                .ShouldBeProblemAsync(HttpStatusCode.Conflict, "verification.deadline-passed");
            (await (await office.PostJsonAsync("/api/reviews/D3002/college-review", new { expectedVersion = v, decision = "approve" }))
                .ShouldBeAsync(HttpStatusCode.OK))["status"]!.GetValue<string>().ShouldBe("CollegeApproved");
        }
        finally
        {
            api.Clock.Reset();
        }
    }
}
