namespace Review.Contracts;

/// <summary>
/// A reviewer decided on a verification (学院审核 / 学校审核): Notifications informs the student.
/// Stage is "college" or "school"; Decision is "approve" or "reject" (a rejection always has a reason).
/// Completed: the verification is complete (核验完成) — a school approval, or a college approval in a cohort without school review.
/// </summary>
public sealed record VerificationDecided(
    string StudentNumber,
    string Cohort,
    string CollegeCode,
    string Stage,
    string Decision,
    string? Reason,
    string DecidedBy,
    DateTimeOffset DecidedAt,
    bool Completed = false);

/// <summary>Ask Review for the state of a student's verification (SourceRecords refuses staff edits while it is Submitted).</summary>
public sealed record GetVerificationStatus(string StudentNumber);

/// <summary>Status is one of NotStarted, InProgress, Submitted, CollegeApproved, CollegeRejected, SchoolApproved, SchoolRejected.</summary>
public sealed record VerificationStatusReply(string StudentNumber, string Status);

/// <summary>A verification's status changed (Version: the stream version after the change, to ignore late deliveries).</summary>
public sealed record VerificationStatusChanged(string StudentNumber, string Status, long Version);
