using System.Net;
using BuildingBlocks.Actors;
using Microsoft.Extensions.DependencyInjection;
using SourceRecords.Contracts;
using Testing;
using Wolverine;

namespace Review.Tests.Audit;

public sealed class AuditQueryTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static readonly Actor Office = new("office-audit", Roles.School, null, null);

    [Fact]
    public async Task The_office_sees_every_modules_events_newest_first_filtered_and_paged()
    {
        var office = api.ClientFor(Office);
        await (await office.PostJsonAsync("/api/colleges", new { code = "401", name = "审计学院" })).ShouldBeAsync(HttpStatusCode.Created);
        var bus = api.AppHost.Services.GetRequiredService<IMessageBus>();
        await api.TrackAsync(() => bus.PublishAsync(new StudentRecordRegistered("A1001", "2026", "401", "甲", "430102200001011234",
            null, null, new Dictionary<string, string?>())).AsTask());

        var all = await (await office.GetAsync("/api/audit/events?pageSize=10")).ShouldBeAsync(HttpStatusCode.OK);
        var items = all["items"]!.AsArray();
        items.Select(i => i!["module"]!.GetValue<string>()).ShouldContain("sourcerecords");
        items.Select(i => i!["module"]!.GetValue<string>()).ShouldContain("review");
        var sequences = items.Select(i => i!["sequence"]!.GetValue<long>()).ToList();
        sequences.ShouldBe(sequences.OrderByDescending(s => s).ToList());

        var forStudent = await (await office.GetAsync("/api/audit/events?studentNumber=A1001")).ShouldBeAsync(HttpStatusCode.OK);
        // Both modules that heard of the record wrote their own audit rows about the student.
        var types = forStudent["items"]!.AsArray().Select(i => i!["type"]!.GetValue<string>()).ToList();
        types.ShouldContain("verification_opened");
        forStudent["items"]!.AsArray().Select(i => i!["module"]!.GetValue<string>()).Distinct().Count().ShouldBeGreaterThanOrEqualTo(2);

        var byActor = await (await office.GetAsync("/api/audit/events?actor=office-audit&collegeCode=401")).ShouldBeAsync(HttpStatusCode.OK);
        byActor["items"]!.AsArray().ShouldHaveSingleItem()!["type"]!.GetValue<string>().ShouldBe("college_added");

        var paged = await (await office.GetAsync("/api/audit/events?pageSize=1&page=2")).ShouldBeAsync(HttpStatusCode.OK);
        paged["items"]!.AsArray().Count.ShouldBe(1);
        paged["total"]!.GetValue<int>().ShouldBeGreaterThanOrEqualTo(2);

        var future = DateTimeOffset.UtcNow.AddDays(1).ToString("O");
        var none = await (await office.GetAsync($"/api/audit/events?from={Uri.EscapeDataString(future)}")).ShouldBeAsync(HttpStatusCode.OK);
        none["total"]!.GetValue<int>().ShouldBe(0);
    }

    [Fact]
    public async Task The_audit_CSV_opens_in_Excel_and_defuses_formulas()
    {
        var office = api.ClientFor(Office);
        await (await office.PostJsonAsync("/api/colleges", new { code = "402", name = "=HYPERLINK(\"x\")" })).ShouldBeAsync(HttpStatusCode.Created);
        var response = await office.GetAsync("/api/audit/events.csv?collegeCode=402");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        bytes.Take(3).ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
        var text = System.Text.Encoding.UTF8.GetString(bytes);
        text.ShouldContain("序号,时间,模块,事件,操作人");
        text.ShouldContain("college_added");
    }

    [Fact]
    public async Task College_staff_and_students_get_403()
    {
        await (await api.ClientFor(new Actor("t401", Roles.College, "401", null)).GetAsync("/api/audit/events"))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.forbidden");
        await (await api.ClientFor(new Actor("A1999", Roles.Student, "401", "A1999")).GetAsync("/api/audit/events.csv"))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.forbidden");
    }
}
