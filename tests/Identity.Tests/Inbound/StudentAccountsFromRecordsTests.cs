using System.Net;
using BuildingBlocks.Actors;
using BuildingBlocks.Audit;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using SourceRecords.Contracts;
using Testing;
using Wolverine.Tracking;

namespace Identity.Tests.Inbound;

public sealed class StudentAccountsFromRecordsTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static readonly Actor Counsellor = new("t101", Roles.College, "101", null);

    [Fact]
    public async Task A_registered_record_creates_the_account_stamped_with_the_actor_who_published_it_and_nothing_secret_is_audited()
    {
        var idNumber = ApiFactory.MakeIdNumber("2026600001");
        var tracked = await api.PublishAsync(TestData.Registered("2026600001", idNumber), Counsellor);
        // Every subscribing module (Identity, Review) handled it on its own queue; none was dropped.
        tracked.Executed.MessagesOf<StudentRecordRegistered>().ShouldNotBeEmpty();
        tracked.NoRoutes.MessagesOf<StudentRecordRegistered>().ShouldBeEmpty();

        await using var session = api.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var created = (await session.Events.FetchStreamAsync("account:2026600001")).ShouldHaveSingleItem();
        created.EventTypeName.ShouldBe("student_account_created");
        created.UserName.ShouldBe("t101");
        created.GetHeader(ActorHeaders.Role)?.ToString().ShouldBe(Roles.College);

        var row = (await session.Query<AuditEntry>().Where(a => a.Stream == "account:2026600001").ToListAsync()).ShouldHaveSingleItem();
        row.Actor.ShouldBe("t101");
        row.StudentNumber.ShouldBe("2026600001");
        row.CollegeCode.ShouldBe("101");
        row.Module.ShouldBe("identity");
        row.Summary.ShouldNotContain(idNumber[^6..]);
        row.Summary.ShouldNotContain("hmac");
        row.Changes.ShouldBeEmpty();

        await (await api.Anonymous().LoginAsync("2026600001", idNumber[^6..])).ShouldBeAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_replayed_registration_neither_fails_nor_duplicates()
    {
        var idNumber = ApiFactory.MakeIdNumber("2026600002");
        await api.PublishAsync(TestData.Registered("2026600002", idNumber));
        await api.PublishAsync(TestData.Registered("2026600002", idNumber));
        var tracked = await api.PublishAsync(TestData.Registered("2026600002", idNumber));
        tracked.Status.ShouldBe(TrackingStatus.Completed);

        await using var session = api.Services.GetRequiredService<IDocumentStore>().QuerySession();
        (await session.Events.FetchStreamAsync("account:2026600002")).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Changes_and_moves_follow_the_record_and_a_new_ID_number_moves_the_default_password()
    {
        var idNumber = await api.StudentAsync("2026600003", cohort: "2026", college: "101", className: "A1");
        var newId = ApiFactory.MakeIdNumber("another-seed-2026600003", female: true);
        newId.ShouldNotBe(idNumber);
        await api.PublishAsync(new StudentRecordChanged("2026600003", "2026", "102", "张三丰", "软件工程", "B2", ["collegeCode", "className", "idNumber", "name"],
            new Dictionary<string, string?> { ["idNumber"] = newId, ["collegeCode"] = "102", ["className"] = "B2", ["name"] = "张三丰" }), TestData.Office);
        await api.PublishAsync(new StudentRecordMoved("2026600003", "2026", "2027", "102", "延期毕业"), TestData.Office);
        await api.PublishAsync(new StudentRecordMoved("2026600003", "2026", "2027", "102", "延期毕业"), TestData.Office);

        await (await api.Anonymous().LoginAsync("2026600003", idNumber[^6..])).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.invalid-credentials");
        var login = await (await api.Anonymous().LoginAsync("2026600003", newId[^6..])).ShouldBeAsync(HttpStatusCode.OK);
        login["user"]!["collegeCode"]!.GetValue<string>().ShouldBe("102");
        login["user"]!["displayName"]!.GetValue<string>().ShouldBe("张三丰");

        var admin = await api.AdminClientAsync();
        var item = (await (await admin.GetAsync("/api/accounts?q=2026600003")).ShouldBeAsync(HttpStatusCode.OK))["items"]![0]!;
        item["cohort"]!.GetValue<string>().ShouldBe("2027");
        item["className"]!.GetValue<string>().ShouldBe("B2");

        await using var session = api.Services.GetRequiredService<IDocumentStore>().QuerySession();
        (await session.Events.FetchStreamAsync("account:2026600003")).Count(e => e.EventTypeName == "student_cohort_moved").ShouldBe(1);
    }

    [Fact]
    public async Task A_deleted_record_disables_the_account_and_its_tokens_and_a_restored_one_enables_it()
    {
        var idNumber = await api.StudentAsync("2026600004");
        var token = await api.TokenAsync("2026600004", idNumber[^6..]);

        await api.PublishAsync(new StudentRecordDeleted("2026600004", "2026", "101", "withdrawal", "退学"), Counsellor);
        await (await api.WithToken(token).GetAsync("/api/auth/me")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.unauthenticated");
        await (await api.Anonymous().LoginAsync("2026600004", idNumber[^6..])).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.invalid-credentials");
        var listed = (await (await (await api.AdminClientAsync()).GetAsync("/api/accounts?q=2026600004")).ShouldBeAsync(HttpStatusCode.OK))["items"]![0]!;
        listed["disabled"]!.GetValue<bool>().ShouldBeTrue();

        // Replays are harmless.
        await api.PublishAsync(new StudentRecordDeleted("2026600004", "2026", "101", "withdrawal", "退学"), Counsellor);
        await api.PublishAsync(new StudentRecordRestored("2026600004", "2026", "101"), TestData.Office);
        await api.PublishAsync(new StudentRecordRestored("2026600004", "2026", "101"), TestData.Office);
        await (await api.Anonymous().LoginAsync("2026600004", idNumber[^6..])).ShouldBeAsync(HttpStatusCode.OK);

        await using var session = api.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var types = (await session.Events.FetchStreamAsync("account:2026600004")).Select(e => e.EventTypeName).ToList();
        types.ShouldBe(["student_account_created", "account_disabled", "account_enabled"]);
        var audit = await session.Query<AuditEntry>().Where(a => a.Stream == "account:2026600004" && a.Type == "account_disabled").ToListAsync();
        audit.ShouldHaveSingleItem().Actor.ShouldBe("t101");
    }
}
