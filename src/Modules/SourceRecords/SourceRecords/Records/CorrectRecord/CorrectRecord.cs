using BuildingBlocks.Actors;
using BuildingBlocks.Problems;
using FastEndpoints;
using FluentValidation;
using Marten;
using SourceRecords.Contracts;
using SourceRecords.Fields;
using Wolverine;

namespace SourceRecords.Records.CorrectRecord;

internal sealed record CorrectRecordRequest(long? ExpectedVersion, string? Reason, Dictionary<string, string?>? Fields)
{
    internal sealed class Validator : Validator<CorrectRecordRequest>
    {
        public Validator()
        {
            RuleFor(x => x.ExpectedVersion).NotNull().WithMessage("expectedVersion 不能为空（记录的当前版本）");
            RuleFor(x => x.Reason).NotEmpty().WithMessage("修改原因不能为空").MaximumLength(500).WithMessage("修改原因最多 500 个字符");
            RuleFor(x => x.Fields).NotEmpty().WithMessage("没有要修改的字段");
        }
    }
}

internal sealed class CorrectRecordEndpoint(IMessageBus bus, IReviewLock reviewLock, IQuerySession session) : Endpoint<CorrectRecordRequest, RecordResponse>
{
    public override void Configure()
    {
        Patch("/api/source-records/{studentNumber}");
        Roles(BuildingBlocks.Actors.Roles.College, BuildingBlocks.Actors.Roles.School);
        Summary(s => s.Summary = "更正生源记录（expectedVersion，原因）；学生已核待审时拒绝 (409 record.review-pending)");
    }

    public override async Task HandleAsync(CorrectRecordRequest req, CancellationToken ct)
    {
        var studentNumber = Route<string>("studentNumber")!;
        var command = new CorrectRecord(RecordAccess.Current, studentNumber, req.ExpectedVersion!.Value, req.Reason!.Trim(), req.Fields!);
        // Scope and field permissions first, so the answer does not depend on Review's state.
        CorrectRecordHandler.CheckFields(command, await RecordAccess.LoadForReadAsync(session, studentNumber, command.Actor, ct));
        if (await reviewLock.IsPendingAsync(studentNumber, ct))
            throw ProblemException.Conflict("record.review-pending", "该学生的核验已提交（学生已核），待审核期间不能修改学校库，请先完成审核。");
        await Send.OkAsync(await bus.InvokeAsync<RecordResponse>(command, ct), ct);
    }
}

/// <summary>Staff correct values of a record (field, old, new, reason).</summary>
public sealed record CorrectRecord(Actor Actor, string StudentNumber, long ExpectedVersion, string Reason,
    IReadOnlyDictionary<string, string?> Fields);

public static class CorrectRecordHandler
{
    /// <summary>403 field.locked for every field the role may not edit (and would change); 400 for unknown fields.</summary>
    public static void CheckFields(CorrectRecord command, SourceRecord current)
    {
        var unknown = command.Fields.Keys.Where(f => FieldCatalogue.Find(f) is null).ToList();
        if (unknown.Count > 0)
            throw ProblemException.Validation(unknown.ToDictionary(f => f, f => new[] { $"未知字段：{f}" }));
        var locked = command.Fields.Where(f => !FieldCatalogue.Find(f.Key)!.EditableByRole(command.Actor.Role)
            && current.Value(f.Key) != FieldCatalogue.Clean(f.Value)).Select(f => f.Key).ToList();
        if (locked.Count > 0)
            throw new ProblemException(403, "field.locked",
                $"当前角色不能修改：{string.Join("、", locked.Select(f => FieldCatalogue.Find(f)!.Label))}",
                locked.ToDictionary(f => f, f => new[] { f == FieldCatalogue.CollegeCode ? "所在院系只能由招生就业处修改" : $"{FieldCatalogue.Find(f)!.Label}不可修改" }));
    }

    public static async Task<(RecordResponse, StudentRecordChanged?)> Handle(CorrectRecord command, IDocumentSession session,
        TimeProvider clock, CancellationToken ct)
    {
        var stream = await RecordWriting.FetchAsync(session, command.StudentNumber, command.ExpectedVersion, command.Actor, ct,
            current => CheckFields(command, current));
        var current = stream.Aggregate!;
        if (current.Deleted) throw ProblemException.Conflict("record.deleted", "该生源记录已删除，请先恢复。");

        var changes = RecordChanges.Diff(current.Fields, command.Fields);
        if (changes.Count == 0) return (RecordResponse.From(current), null);

        var merged = new Dictionary<string, string?>(current.Fields);
        foreach (var c in changes) merged[c.Field] = c.To;
        var errors = FieldCatalogue.Validate(merged, changes.Select(c => FieldCatalogue.Find(c.Field)!).Where(f => f.Required),
            await RecordAccess.CollegeCodesAsync(session, ct), DateOnly.FromDateTime(clock.GetLocalNow().DateTime));
        if (errors.Count > 0) throw ProblemException.Validation(FieldCatalogue.ToProblemErrors(errors));

        var corrected = new RecordCorrected(command.StudentNumber, current.CollegeCode, changes, command.Reason, ByImport: false);
        stream.AppendOne(corrected);
        var record = RecordWriting.After(stream, current.Apply(corrected));
        return (RecordResponse.From(record), RecordFacts.Changed(record, changes.Select(c => c.Field)));
    }
}
