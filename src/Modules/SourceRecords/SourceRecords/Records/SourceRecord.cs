using SourceRecords.Fields;

namespace SourceRecords.Records;

/// <summary>
/// One student's source record (生源记录) in the school database (学校库): the aggregate of the stream
/// <c>record:{studentNumber}</c> and, as an inline snapshot, the read model behind lists and details.
/// </summary>
public sealed record SourceRecord
{
    public const string NotStarted = "NotStarted";

    public string Id { get; init; } = "";
    public string StudentNumber { get; init; } = "";
    public string Cohort { get; init; } = "";
    public string CollegeCode { get; init; } = "";
    public string Name { get; init; } = "";
    public string? MajorCode { get; init; }
    public string? MajorName { get; init; }
    public string? ClassName { get; init; }
    public string? IdNumber { get; init; }
    public Dictionary<string, string?> Fields { get; init; } = [];
    public bool Deleted { get; init; }
    public string? DeletedReason { get; init; }
    public string? DeletedNote { get; init; }

    /// <summary>The verification status as this module knows it; Review owns the real one.</summary>

    public long Version { get; set; }

    public static string StreamKey(string studentNumber) => $"record:{studentNumber}";

    public static SourceRecord Create(RecordImported e) => New(e.StudentNumber, e.Cohort, e.Fields);

    public static SourceRecord Create(RecordAdded e) => New(e.StudentNumber, e.Cohort, e.Fields);

    public SourceRecord Apply(RecordCorrected e) => WithChanges(e.Changes);

    public SourceRecord Apply(RecordVerifiedValuesApplied e) => WithChanges(e.Changes);

    public SourceRecord Apply(RecordMoved e) => this with { Cohort = e.ToCohort };

    public SourceRecord Apply(RecordDeleted e) => this with { Deleted = true, DeletedReason = e.Reason, DeletedNote = e.Note };

    public SourceRecord Apply(RecordRestored e) => this with { Deleted = false, DeletedReason = null, DeletedNote = null };

    public string? Value(string field) => Fields.GetValueOrDefault(field);

    private static SourceRecord New(string studentNumber, string cohort, IReadOnlyDictionary<string, string?> fields) =>
        Derive(new SourceRecord { Id = StreamKey(studentNumber), StudentNumber = studentNumber, Cohort = cohort },
            new Dictionary<string, string?>(fields));

    private SourceRecord WithChanges(IEnumerable<BuildingBlocks.Audit.FieldChange> changes)
    {
        var fields = new Dictionary<string, string?>(Fields);
        foreach (var c in changes) fields[c.Field] = c.To;
        return Derive(this, fields);
    }

    private static SourceRecord Derive(SourceRecord record, Dictionary<string, string?> fields) => record with
    {
        Fields = fields,
        CollegeCode = fields.GetValueOrDefault(FieldCatalogue.CollegeCode) ?? "",
        Name = fields.GetValueOrDefault(FieldCatalogue.Name) ?? "",
        MajorCode = fields.GetValueOrDefault(FieldCatalogue.MajorCode),
        MajorName = fields.GetValueOrDefault(FieldCatalogue.MajorName),
        ClassName = fields.GetValueOrDefault(FieldCatalogue.ClassName),
        IdNumber = fields.GetValueOrDefault(FieldCatalogue.IdNumberField),
    };
}
