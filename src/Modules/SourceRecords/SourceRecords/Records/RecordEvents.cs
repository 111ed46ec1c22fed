using BuildingBlocks.Audit;
using SourceRecords.Fields;

namespace SourceRecords.Records;

// The events of a record stream: what a dispute needs (values before and after, reason); actor and time are metadata.

/// <summary>Created by an import from the student-status system (学籍).</summary>
public sealed record RecordImported(string StudentNumber, string Cohort, Dictionary<string, string?> Fields) : IAuditedEvent
{
    public AuditDescription Describe() => new($"导入生源记录 {StudentNumber} {Fields.GetValueOrDefault(FieldCatalogue.Name)}（{Cohort}）",
        StudentNumber, Fields.GetValueOrDefault(FieldCatalogue.CollegeCode), Changes: RecordChanges.AllSet(Fields));
}

/// <summary>Added by staff by hand (补充生源), every required field filled.</summary>
public sealed record RecordAdded(string StudentNumber, string Cohort, Dictionary<string, string?> Fields) : IAuditedEvent
{
    public AuditDescription Describe() => new($"补充生源记录 {StudentNumber} {Fields.GetValueOrDefault(FieldCatalogue.Name)}（{Cohort}）",
        StudentNumber, Fields.GetValueOrDefault(FieldCatalogue.CollegeCode), Changes: RecordChanges.AllSet(Fields));
}

/// <summary>Staff corrected values, by hand or by re-importing a changed row.</summary>
public sealed record RecordCorrected(string StudentNumber, string CollegeCode, IReadOnlyList<FieldChange> Changes, string Reason, bool ByImport)
    : IAuditedEvent
{
    public AuditDescription Describe() => new(
        $"{(ByImport ? "重新导入更正" : "更正")}生源记录 {StudentNumber}：{string.Join("、", Changes.Select(c => FieldCatalogue.Find(c.Field)?.Label ?? c.Field))}",
        StudentNumber, CollegeCode, Reason, Changes);
}

/// <summary>The student's verified values were copied into the school record (复制学生核验信息到学校库).</summary>
public sealed record RecordVerifiedValuesApplied(string StudentNumber, string CollegeCode, IReadOnlyList<FieldChange> Changes) : IAuditedEvent
{
    public AuditDescription Describe() => new(
        $"复制学生核验信息到学校库 {StudentNumber}：{string.Join("、", Changes.Select(c => FieldCatalogue.Find(c.Field)?.Label ?? c.Field))}",
        StudentNumber, CollegeCode, Changes: Changes);
}

/// <summary>Moved to another cohort (延期毕业).</summary>
public sealed record RecordMoved(string StudentNumber, string CollegeCode, string FromCohort, string ToCohort, string Reason) : IAuditedEvent
{
    public AuditDescription Describe() => new($"生源记录 {StudentNumber} 从 {FromCohort} 转入 {ToCohort}", StudentNumber, CollegeCode, Reason,
        [new FieldChange("cohort", FromCohort, ToCohort)]);
}

/// <summary>Deleted from the cohort: withdrawal (退学), suspension (休学) or other.</summary>
public sealed record RecordDeleted(string StudentNumber, string CollegeCode, string Reason, string? Note) : IAuditedEvent
{
    public AuditDescription Describe() => new($"删除生源记录 {StudentNumber}（{RecordChanges.DeleteReasonLabel(Reason)}）", StudentNumber, CollegeCode,
        Note is null ? Reason : $"{Reason}: {Note}");
}

public sealed record RecordRestored(string StudentNumber, string CollegeCode) : IAuditedEvent
{
    public AuditDescription Describe() => new($"恢复生源记录 {StudentNumber}", StudentNumber, CollegeCode);
}

public static class RecordChanges
{
    public static readonly IReadOnlyDictionary<string, string> DeleteReasons = new Dictionary<string, string>
    {
        ["withdrawal"] = "退学",
        ["suspension"] = "休学",
        ["other"] = "其他",
    };

    public static string DeleteReasonLabel(string reason) => DeleteReasons.GetValueOrDefault(reason, reason);

    public static IReadOnlyList<FieldChange> AllSet(IReadOnlyDictionary<string, string?> fields) =>
        FieldCatalogue.Fields.Where(f => fields.GetValueOrDefault(f.Field) is not null)
            .Select(f => new FieldChange(f.Field, null, fields[f.Field])).ToList();

    /// <summary>The changes that <paramref name="values"/> make to <paramref name="current"/>: only values that differ.</summary>
    public static List<FieldChange> Diff(IReadOnlyDictionary<string, string?> current, IReadOnlyDictionary<string, string?> values) =>
        values.Select(v => new FieldChange(v.Key, current.GetValueOrDefault(v.Key), FieldCatalogue.Clean(v.Value)))
            .Where(c => c.From != c.To).ToList();
}
