using System.Net;
using BuildingBlocks.Actors;
using Microsoft.Extensions.DependencyInjection;
using Review.Contracts;
using SourceRecords.Contracts;
using Testing;
using Wolverine;

namespace Review.Tests.Staff;

/// <summary>Review follows SourceRecords' facts: a verification opens with each record, is archived and restored with it.</summary>
public sealed class RecordFactsTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static readonly Actor Office = new("office-review", Roles.School, null, null);

    private static StudentRecordRegistered Registered(string number, string college) => new(number, "2026", college, "学生" + number,
        "430102200001011234", "软件工程", "软件1班", new Dictionary<string, string?> { ["studentNumber"] = number, ["collegeCode"] = college });

    private async Task PublishAsync(params object[] messages)
    {
        var bus = api.AppHost.Services.GetRequiredService<IMessageBus>();
        var tracked = await api.TrackAsync(async () =>
        {
            foreach (var m in messages) await bus.PublishAsync(m);
        });
        tracked.AllExceptions().ShouldBeEmpty();
        tracked.NoRoutes.Envelopes().ShouldBeEmpty();
    }

    [Fact]
    public async Task Given_registered_records_Then_each_has_a_NotStarted_verification_in_its_colleges_queue()
    {
        await PublishAsync(Registered("R1001", "301"), Registered("R1002", "301"), Registered("R1003", "302"));

        var office = await (await api.ClientFor(Office).GetAsync("/api/reviews?cohort=2026")).ShouldBeAsync(HttpStatusCode.OK);
        var numbers = office["items"]!.AsArray().Select(i => i!["studentNumber"]!.GetValue<string>()).ToList();
        numbers.ShouldContain("R1001");
        numbers.ShouldContain("R1002");
        numbers.ShouldContain("R1003");
        office["items"]!.AsArray().ShouldAllBe(i => i!["status"]!.GetValue<string>() == "NotStarted");

        var counsellor = api.ClientFor(new Actor("t301", Roles.College, "301", null));
        var own = await (await counsellor.GetAsync("/api/reviews")).ShouldBeAsync(HttpStatusCode.OK);
        own["items"]!.AsArray().Select(i => i!["studentNumber"]!.GetValue<string>()).ShouldBe(["R1001", "R1002"], ignoreOrder: true);
        own["total"]!.GetValue<int>().ShouldBe(2);

        await (await counsellor.GetAsync("/api/reviews?collegeCode=302")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.forbidden");
        await (await counsellor.GetAsync("/api/reviews/R1003/history")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.forbidden");

        var progress = await (await counsellor.GetAsync("/api/reviews/progress?cohort=2026")).ShouldBeAsync(HttpStatusCode.OK);
        progress["colleges"]!.AsArray().ShouldHaveSingleItem()!["byStatus"]!["NotStarted"]!.GetValue<int>().ShouldBe(2);
    }

    [Fact]
    public async Task A_redelivered_registration_opens_no_second_verification()
    {
        await PublishAsync(Registered("R2001", "303"));
        await PublishAsync(Registered("R2001", "303"));
        var history = await (await api.ClientFor(Office).GetAsync("/api/reviews/R2001/history")).ShouldBeAsync(HttpStatusCode.OK);
        history.AsArray().Count(e => e!["type"]!.GetValue<string>() == "verification_opened").ShouldBe(1);
    }

    [Fact]
    public async Task Given_a_deleted_record_Then_its_verification_is_archived_and_restored_in_the_state_it_had()
    {
        await PublishAsync(Registered("R3001", "304"));
        await PublishAsync(new StudentRecordDeleted("R3001", "2026", "304", "withdrawal", "退学"));

        var office = api.ClientFor(Office);
        var queue = await (await office.GetAsync("/api/reviews?collegeCode=304")).ShouldBeAsync(HttpStatusCode.OK);
        queue["total"]!.GetValue<int>().ShouldBe(0);

        await PublishAsync(new StudentRecordRestored("R3001", "2026", "304"));
        queue = await (await office.GetAsync("/api/reviews?collegeCode=304")).ShouldBeAsync(HttpStatusCode.OK);
        queue["items"]!.AsArray().ShouldHaveSingleItem()!["status"]!.GetValue<string>().ShouldBe("NotStarted");

        var history = await (await office.GetAsync("/api/reviews/R3001/history")).ShouldBeAsync(HttpStatusCode.OK);
        history.AsArray().Select(e => e!["type"]!.GetValue<string>())
            .ShouldBe(["verification_opened", "verification_archived", "verification_restored"]);
    }

    [Fact]
    public async Task SourceRecords_can_ask_for_the_verification_status()
    {
        await PublishAsync(Registered("R4001", "305"));
        var bus = api.AppHost.Services.GetRequiredService<IMessageBus>();
        (await bus.InvokeAsync<VerificationStatusReply>(new GetVerificationStatus("R4001"))).Status.ShouldBe("NotStarted");
        (await bus.InvokeAsync<VerificationStatusReply>(new GetVerificationStatus("nobody"))).Status.ShouldBe("NotStarted");
    }

    [Fact]
    public async Task Students_cannot_reach_the_staff_queue()
    {
        var student = api.ClientFor(new Actor("R5001", Roles.Student, "305", "R5001"));
        await (await student.GetAsync("/api/reviews")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.forbidden");
    }
}
