namespace SourceRecords.Contracts;

// Facts about the school record (学校库) that other modules keep copies of.
// Field values are keyed by the field catalogue's JSON names (studentNumber, name, idNumber, collegeCode, …)
// and are always the codes or text as the API speaks them.

/// <summary>A source record was created (imported or added by staff): Identity creates the student account.</summary>
public sealed record StudentRecordRegistered(
    string StudentNumber,
    string Cohort,
    string CollegeCode,
    string Name,
    string IdNumber,
    string? MajorName,
    string? ClassName,
    IReadOnlyDictionary<string, string?> Fields);

/// <summary>A source record's values changed (staff correction, re-import, verified values applied). Fields holds all current values.</summary>
public sealed record StudentRecordChanged(
    string StudentNumber,
    string Cohort,
    string CollegeCode,
    string Name,
    string? MajorName,
    string? ClassName,
    IReadOnlyList<string> ChangedFields,
    IReadOnlyDictionary<string, string?> Fields);

/// <summary>A student withdrew (退学), suspended (休学) or was removed otherwise: the account is disabled, the verification archived.</summary>
public sealed record StudentRecordDeleted(string StudentNumber, string Cohort, string CollegeCode, string Reason, string? Note);

/// <summary>A deleted record was restored: the account is enabled, the verification comes back as it was.</summary>
public sealed record StudentRecordRestored(string StudentNumber, string Cohort, string CollegeCode);

/// <summary>A record moved to another cohort (延期毕业, deferred graduation).</summary>
public sealed record StudentRecordMoved(string StudentNumber, string FromCohort, string ToCohort, string CollegeCode, string Reason);

/// <summary>A cohort (届) was created or its deadlines changed.</summary>
public sealed record CohortSaved(
    string Code,
    string Name,
    int GraduationYear,
    DateTimeOffset StudentDeadline,
    DateTimeOffset ReviewDeadline,
    bool RequireSchoolReview);
