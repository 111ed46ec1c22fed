using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SourceRecords.Contracts;
using Testing;
using Wolverine;
using static SourceRecords.Tests.TestData;

namespace SourceRecords.Tests.Inbound;

/// <summary>The request/reply contracts SourceRecords answers for Review.</summary>
public sealed class InboundRequestsTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    public async ValueTask InitializeAsync() => await EnsureBasicsAsync(api);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private async Task<T> InvokeAsync<T>(object message)
    {
        using var scope = api.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<IMessageBus>().InvokeAsync<T>(message, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task CheckFieldValues_reports_locked_fields_for_the_role_and_every_invalid_or_missing_value()
    {
        var current = ValidFields("I0001");
        var reply = await InvokeAsync<FieldValuesChecked>(new CheckFieldValues("student",
            new Dictionary<string, string?> { ["name"] = "别的名字", ["mobile"] = "123", ["politicalStatus"] = "01", ["idNumber"] = current["idNumber"] },
            current, RequireComplete: false));
        reply.LockedFields.ShouldBe(["name"]); // idNumber was sent back unchanged
        reply.Errors.Keys.ShouldBe(["mobile"]);
        reply.Errors["mobile"][0].ShouldContain("手机号码");

        var incomplete = new Dictionary<string, string?>(current) { ["mobile"] = null, ["trainingMode"] = "2" };
        reply = await InvokeAsync<FieldValuesChecked>(new CheckFieldValues("student",
            new Dictionary<string, string?> { ["homeAddress"] = "x" }, incomplete, RequireComplete: true));
        reply.Errors.Keys.ShouldBe(["mobile", "sponsorUnit", "sponsorUnitRegionCode"], ignoreOrder: true);
    }

    [Fact]
    public async Task GetFieldCatalogue_answers_the_catalogue()
    {
        var reply = await InvokeAsync<FieldCatalogueReply>(new GetFieldCatalogue());
        reply.Fields.Single(f => f.Field == "originRegionCode").EditableBy.ShouldContain("student");
    }

    [Fact]
    public async Task ApplyVerifiedValues_writes_exactly_the_differing_values_as_one_event_and_publishes_the_change()
    {
        var version = await AddAsync(api, ValidFields("I0002"));
        VerifiedValuesApplied? reply = null;
        var tracked = await api.TrackAsync(async () => reply = await InvokeAsync<VerifiedValuesApplied>(new ApplyVerifiedValues("I0002",
            new Dictionary<string, string?> { ["mobile"] = "13900000000", ["name"] = "张三", ["homeAddress"] = "湖南省长沙市开福区" })));
        reply!.RecordVersion.ShouldBe(version + 1);
        reply.Applied.Select(a => a.Field).ShouldBe(["mobile", "homeAddress"], ignoreOrder: true);
        reply.Applied.Single(a => a.Field == "mobile").From.ShouldBe("13812345678");
        tracked.Published<StudentRecordChanged>()
            .ShouldHaveSingleItem().ChangedFields.Count.ShouldBe(2);

        var history = (await (await api.ClientFor(Office).GetAsync("/api/source-records/I0002/history")).ShouldBeAsync(HttpStatusCode.OK)).AsArray();
        history[^1]!["type"]!.GetValue<string>().ShouldBe("record_verified_values_applied");

        var again = await InvokeAsync<VerifiedValuesApplied>(new ApplyVerifiedValues("I0002",
            new Dictionary<string, string?> { ["mobile"] = "13900000000" }));
        again.Applied.ShouldBeEmpty();
        again.RecordVersion.ShouldBe(version + 1);
    }
}
