using System.Net;
using BuildingBlocks.Actors;
using BuildingBlocks.Audit;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using SourceRecords.Contracts;
using Testing;

namespace SourceRecords.Tests.Colleges;

public sealed class CollegesTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static readonly Actor Office = new("office1", Roles.School, null, null);

    [Fact]
    public async Task Given_the_school_office_When_it_adds_a_college_Then_the_college_is_listed_for_every_role()
    {
        var office = api.ClientFor(Office);
        var created = await (await office.PostJsonAsync("/api/colleges", new { code = "101", name = "计算机科学与工程学院" }))
            .ShouldBeAsync(HttpStatusCode.Created);
        created["code"]!.GetValue<string>().ShouldBe("101");

        var student = api.ClientFor(new Actor("2022000001", Roles.Student, "101", "2022000001"));
        var list = await (await student.GetAsync("/api/colleges")).ShouldBeAsync(HttpStatusCode.OK);
        list.AsArray().Select(c => c!["code"]!.GetValue<string>()).ShouldContain("101");
        list.AsArray().Single(c => c!["code"]!.GetValue<string>() == "101")!["name"]!.GetValue<string>().ShouldBe("计算机科学与工程学院");
    }

    [Fact]
    public async Task Given_a_new_college_Then_Identity_handles_the_CollegeRegistered_message_and_is_not_silently_dropped()
    {
        var office = api.ClientFor(Office);
        HttpResponseMessage? response = null;
        var tracked = await api.TrackAsync(async () =>
            response = await office.PostJsonAsync("/api/colleges", new { code = "102", name = "土木工程学院" }));

        await response!.ShouldBeAsync(HttpStatusCode.Created);
        // Discovery that misses Identity's assembly records "no routes" instead of an execution.
        tracked.Executed.MessagesOf<CollegeRegistered>().Where(m => m.Code == "102").ShouldHaveSingleItem();
        tracked.NoRoutes.MessagesOf<CollegeRegistered>().ShouldBeEmpty();
    }

    [Fact]
    public async Task Given_an_existing_code_When_added_again_Then_409_and_nothing_is_written()
    {
        var office = api.ClientFor(Office);
        await (await office.PostJsonAsync("/api/colleges", new { code = "103", name = "数学学院" })).ShouldBeAsync(HttpStatusCode.Created);

        await (await office.PostJsonAsync("/api/colleges", new { code = "103", name = "另一个学院" }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "college.duplicate");

        var list = await (await office.GetAsync("/api/colleges")).ShouldBeAsync(HttpStatusCode.OK);
        list.AsArray().Single(c => c!["code"]!.GetValue<string>() == "103")!["name"]!.GetValue<string>().ShouldBe("数学学院");
    }

    [Fact]
    public async Task Given_bad_input_Then_400_problem_names_each_field_in_Chinese()
    {
        var body = await (await api.ClientFor(Office).PostJsonAsync("/api/colleges", new { code = "", name = "" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        body["errors"]!["code"]![0]!.GetValue<string>().ShouldBe("学院代码不能为空");
        body["errors"]!["name"]![0]!.GetValue<string>().ShouldBe("学院名称不能为空");
    }

    [Fact]
    public async Task Given_college_staff_or_nobody_Then_adding_a_college_is_refused()
    {
        var staff = api.ClientFor(new Actor("t101", Roles.College, "101", null));
        await (await staff.PostJsonAsync("/api/colleges", new { code = "199", name = "X" }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.forbidden");
        await (await api.Anonymous().PostJsonAsync("/api/colleges", new { code = "199", name = "X" }))
            .ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.unauthenticated");
        await (await api.Anonymous().GetAsync("/api/colleges"))
            .ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.unauthenticated");
    }

    [Fact]
    public async Task Given_a_college_added_over_HTTP_Then_its_event_and_audit_row_carry_the_actor()
    {
        var office = api.ClientFor(Office);
        await (await office.PostJsonAsync("/api/colleges", new { code = "104", name = "物理学院" })).ShouldBeAsync(HttpStatusCode.Created);

        await using var session = api.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var e = (await session.Events.FetchStreamAsync("college:104")).ShouldHaveSingleItem();
        e.UserName.ShouldBe("office1");
        e.GetHeader(ActorHeaders.Role)?.ToString().ShouldBe(Roles.School);

        var audit = await session.Query<AuditEntry>().Where(a => a.Stream == "college:104").ToListAsync();
        var row = audit.ShouldHaveSingleItem();
        row.Actor.ShouldBe("office1");
        row.ActorRole.ShouldBe(Roles.School);
        row.CollegeCode.ShouldBe("104");
        row.Module.ShouldBe("sourcerecords");
        row.Summary.ShouldContain("物理学院");
        row.Sequence.ShouldBeGreaterThan(0);
        row.At.ShouldBeGreaterThan(DateTimeOffset.UtcNow.AddMinutes(-5));
    }
}
