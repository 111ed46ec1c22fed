using BuildingBlocks.Actors;
using BuildingBlocks.Problems;
using Marten;
using SourceRecords.Contracts;
using SourceRecords.Fields;
using SourceRecords.Records;

namespace SourceRecords.Inbound;

/// <summary>
/// Applies a student's verified values to the school record (复制学生核验信息到学校库) for Review: exactly the values
/// that differ, as one event, in the caller's transaction; the reply carries what changed and the new version.
/// </summary>
public static class ApplyVerifiedValuesHandler
{
    public static async Task<(VerifiedValuesApplied, StudentRecordChanged?)> Handle(ApplyVerifiedValues request, IDocumentSession session,
        TimeProvider clock, CancellationToken ct)
    {
        var actor = ActorContext.Current ?? Actor.System;
        var unknown = request.Values.Keys.Where(f => FieldCatalogue.Find(f) is null).ToList();
        if (unknown.Count > 0) throw ProblemException.Validation(unknown.ToDictionary(f => f, f => new[] { $"未知字段：{f}" }));

        var stream = await RecordWriting.FetchAsync(session, request.StudentNumber, null, actor, ct);
        var current = stream.Aggregate!;
        if (current.Deleted) throw ProblemException.Conflict("record.deleted", "该生源记录已删除。");
        var changes = RecordChanges.Diff(current.Fields, request.Values);
        if (changes.Any(c => c.Field == FieldCatalogue.StudentNumber))
            throw ProblemException.Validation(FieldCatalogue.StudentNumber, "学号不能修改");
        if (changes.Count == 0) return (new VerifiedValuesApplied(request.StudentNumber, current.Version, []), null);

        var merged = new Dictionary<string, string?>(current.Fields);
        foreach (var c in changes) merged[c.Field] = c.To;
        var errors = FieldCatalogue.Validate(merged, changes.Select(c => FieldCatalogue.Find(c.Field)!).Where(f => f.Required),
            await RecordAccess.CollegeCodesAsync(session, ct), DateOnly.FromDateTime(clock.GetLocalNow().DateTime));
        if (errors.Count > 0) throw ProblemException.Validation(FieldCatalogue.ToProblemErrors(errors));

        var applied = new RecordVerifiedValuesApplied(request.StudentNumber, current.CollegeCode, changes);
        stream.AppendOne(applied);
        var record = RecordWriting.After(stream, current.Apply(applied));
        return (new VerifiedValuesApplied(request.StudentNumber, record.Version, changes.Select(c => new AppliedValue(c.Field, c.From, c.To)).ToList()),
            RecordFacts.Changed(record, changes.Select(c => c.Field)));
    }
}
