using BuildingBlocks.Actors;
using BuildingBlocks.Problems;
using FastEndpoints;
using Marten;
using SourceRecords.Cohorts;
using SourceRecords.Contracts;
using SourceRecords.Fields;
using Wolverine;

namespace SourceRecords.Records.AddRecord;

internal sealed record AddRecordRequest(string? Cohort, Dictionary<string, string?>? Fields);

internal sealed class AddRecordEndpoint(IMessageBus bus) : Endpoint<AddRecordRequest, RecordResponse>
{
    public override void Configure()
    {
        Post("/api/source-records");
        Roles(BuildingBlocks.Actors.Roles.College, BuildingBlocks.Actors.Roles.School);
        Summary(s => s.Summary = "补充生源：手工新增一条生源记录（所有必填字段），同时创建学生账号");
    }

    public override async Task HandleAsync(AddRecordRequest req, CancellationToken ct)
    {
        var record = await bus.InvokeAsync<RecordResponse>(new AddRecord(RecordAccess.Current, req.Cohort?.Trim() ?? "", req.Fields ?? []), ct);
        await Send.ResponseAsync(record, 201, ct);
    }
}

/// <summary>Adds a record by hand (补充生源); Identity creates the account from <see cref="StudentRecordRegistered"/>.</summary>
public sealed record AddRecord(Actor Actor, string Cohort, IReadOnlyDictionary<string, string?> Fields);

public static class AddRecordHandler
{
    public static async Task<(RecordResponse, StudentRecordRegistered)> Handle(AddRecord command, IDocumentSession session,
        TimeProvider clock, CancellationToken ct)
    {
        var values = command.Fields.ToDictionary(f => f.Key, f => FieldCatalogue.Clean(f.Value));
        if (values.GetValueOrDefault(FieldCatalogue.CollegeCode) is { } college) RecordAccess.EnsureCollege(command.Actor, college);

        var errors = FieldCatalogue.Validate(values, FieldCatalogue.Fields.Where(f => f.Required),
            await RecordAccess.CollegeCodesAsync(session, ct), DateOnly.FromDateTime(clock.GetLocalNow().DateTime));
        if (string.IsNullOrEmpty(command.Cohort)) errors["cohort"] = ["届次不能为空"];
        else if (await session.LoadAsync<Cohort>(Cohort.StreamKey(command.Cohort), ct) is null) errors["cohort"] = [$"届次不存在：{command.Cohort}"];
        if (errors.Count > 0) throw ProblemException.Validation(FieldCatalogue.ToProblemErrors(errors));

        var studentNumber = values[FieldCatalogue.StudentNumber]!;
        var key = SourceRecord.StreamKey(studentNumber);
        if (await session.Events.FetchStreamStateAsync(key, ct) is not null)
            throw ProblemException.Conflict("record.duplicate", $"学号 {studentNumber} 的生源记录已存在。");

        var added = new RecordAdded(studentNumber, command.Cohort, values.Where(v => v.Value is not null).ToDictionary());
        session.Events.StartStream<SourceRecord>(key, added);
        var record = SourceRecord.Create(added);
        record.Version = 1;
        return (RecordResponse.From(record), RecordFacts.Registered(record));
    }
}
