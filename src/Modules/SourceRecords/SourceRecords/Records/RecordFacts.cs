using SourceRecords.Contracts;

namespace SourceRecords.Records;

/// <summary>The contract messages other modules receive about a record.</summary>
internal static class RecordFacts
{
    public static StudentRecordRegistered Registered(SourceRecord r) =>
        new(r.StudentNumber, r.Cohort, r.CollegeCode, r.Name, r.IdNumber ?? "", r.MajorName, r.ClassName, r.Fields);

    public static StudentRecordChanged Changed(SourceRecord r, IEnumerable<string> changedFields) =>
        new(r.StudentNumber, r.Cohort, r.CollegeCode, r.Name, r.MajorName, r.ClassName, changedFields.ToList(), r.Fields);
}
