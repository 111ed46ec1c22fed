using BuildingBlocks.Audit;
using JasperFx.Events;

namespace Review.Verifications;

public enum VerificationStatus
{
    NotStarted,
    InProgress,
    Submitted,
    CollegeApproved,
    CollegeRejected,
    SchoolApproved,
    SchoolRejected,
}

public sealed record Rejection(string Stage, string Reason, string By, DateTimeOffset At);

/// <summary>
/// A student's verification (核验) in their cohort: the proposal and its review. Stream key
/// <c>verification:{studentNumber}</c>; this immutable aggregate is also the inline snapshot the queue reads.
/// </summary>
public sealed record Verification(
    string Id,
    string StudentNumber,
    string Cohort,
    string CollegeCode,
    string Name,
    string? MajorName,
    string? ClassName,
    VerificationStatus Status,
    IReadOnlyDictionary<string, string?> Proposed,
    IReadOnlyList<string> ChangedFields,
    IReadOnlyList<string> CopiedFields,
    DateTimeOffset? SubmittedAt,
    Rejection? Rejection,
    bool Archived,
    long Version,
    bool Completed = false)
{
    public static string StreamKey(string studentNumber) => $"verification:{studentNumber}";

    public static Verification Create(VerificationOpened e) => new(StreamKey(e.StudentNumber), e.StudentNumber, e.Cohort,
        e.CollegeCode, e.Name, e.MajorName, e.ClassName, VerificationStatus.NotStarted,
        new Dictionary<string, string?>(), [], [], null, null, false, 0);

    public Verification Apply(VerificationSubjectUpdated e) =>
        this with { CollegeCode = e.CollegeCode, Name = e.Name, MajorName = e.MajorName, ClassName = e.ClassName };

    public Verification Apply(VerificationStarted _) => this with { Status = VerificationStatus.InProgress };

    public Verification Apply(DraftSaved e)
    {
        var proposed = new Dictionary<string, string?>(Proposed);
        foreach (var change in e.Changes) proposed[change.Field] = change.To;
        return this with { Proposed = proposed, Status = VerificationStatus.InProgress };
    }

    public Verification Apply(IEvent<VerificationSubmitted> e) => this with
    {
        Status = VerificationStatus.Submitted,
        Proposed = e.Data.Proposal,
        ChangedFields = e.Data.ChangedFields,
        CopiedFields = [],
        SubmittedAt = e.Timestamp,
        Rejection = null,
    };

    public Verification Apply(SubmissionWithdrawn _) =>
        this with { Status = VerificationStatus.InProgress, CopiedFields = [], Completed = false };

    public Verification Apply(ValuesCopiedToSchoolRecord e) =>
        this with { CopiedFields = CopiedFields.Union(e.Changes.Select(c => c.Field)).ToList() };

    public Verification Apply(CollegeApproved e) =>
        this with { Status = VerificationStatus.CollegeApproved, Rejection = null, Completed = e.Completes };

    public Verification Apply(IEvent<CollegeRejected> e) => this with
    {
        Status = VerificationStatus.CollegeRejected,
        Rejection = new Rejection("college", e.Data.Reason, e.UserName ?? "", e.Timestamp),
    };

    public Verification Apply(SchoolApproved _) => this with { Status = VerificationStatus.SchoolApproved, Rejection = null, Completed = true };

    public Verification Apply(IEvent<SchoolRejected> e) => this with
    {
        Status = VerificationStatus.SchoolRejected,
        Rejection = new Rejection("school", e.Data.Reason, e.UserName ?? "", e.Timestamp),
    };

    public Verification Apply(VerificationArchived _) => this with { Archived = true };

    public Verification Apply(VerificationRestored _) => this with { Archived = false };

    /// <summary>A deferred student (延期毕业) starts over in the new cohort; the old verification stays in the history.</summary>
    public Verification Apply(VerificationCohortChanged e) => this with
    {
        Cohort = e.To,
        Status = VerificationStatus.NotStarted,
        Proposed = new Dictionary<string, string?>(),
        ChangedFields = [],
        CopiedFields = [],
        SubmittedAt = null,
        Rejection = null,
        Completed = false,
    };

    /// <summary>The status label a person reads: a college approval completes the verification when the cohort needs no school review.</summary>
    public string StatusLabel => Status == VerificationStatus.CollegeApproved && Completed ? "核验完成（学院已审）" : Label(Status);

    /// <summary>The status name as the API and the contracts speak it, and its Chinese label.</summary>
    public static string Label(VerificationStatus status) => status switch
    {
        VerificationStatus.NotStarted => "未核验",
        VerificationStatus.InProgress => "核验中",
        VerificationStatus.Submitted => "学生已核",
        VerificationStatus.CollegeApproved => "学院已审",
        VerificationStatus.CollegeRejected => "学院审核不通过",
        VerificationStatus.SchoolApproved => "核验完成",
        VerificationStatus.SchoolRejected => "学校审核不通过",
        _ => status.ToString(),
    };
}

// The events of a verification stream. Each carries the student and college for the audit trail and what a
// dispute needs (values before/after, the whole proposal, reasons); actor and time come from the metadata.

public sealed record VerificationOpened(string StudentNumber, string Cohort, string CollegeCode, string Name,
    string? MajorName, string? ClassName) : IAuditedEvent
{
    public AuditDescription Describe() => new($"生成核验记录（{Cohort} 届）", StudentNumber, CollegeCode);
}

public sealed record VerificationSubjectUpdated(string StudentNumber, string CollegeCode, string Name,
    string? MajorName, string? ClassName) : IAuditedEvent
{
    public AuditDescription Describe() => new("学籍信息变更同步到核验记录", StudentNumber, CollegeCode);
}

public sealed record VerificationStarted(string StudentNumber, string CollegeCode) : IAuditedEvent
{
    public AuditDescription Describe() => new("学生开始核验", StudentNumber, CollegeCode);
}

public sealed record DraftSaved(string StudentNumber, string CollegeCode, IReadOnlyList<FieldChange> Changes) : IAuditedEvent
{
    public AuditDescription Describe() =>
        new($"学生保存核验信息（{Changes.Count} 项）", StudentNumber, CollegeCode, Changes: Changes);
}

public sealed record VerificationSubmitted(string StudentNumber, string CollegeCode,
    IReadOnlyDictionary<string, string?> Proposal, IReadOnlyList<string> ChangedFields) : IAuditedEvent
{
    public AuditDescription Describe() => new($"学生提交核验（与学校库不同 {ChangedFields.Count} 项）", StudentNumber, CollegeCode,
        Changes: ChangedFields.Select(f => new FieldChange(f, null, Proposal.GetValueOrDefault(f))).ToList());
}

public sealed record SubmissionWithdrawn(string StudentNumber, string CollegeCode, VerificationStatus From, bool Implicit) : IAuditedEvent
{
    public AuditDescription Describe() =>
        new(Implicit ? "审核不通过后学生修改信息（自动撤回）" : "学生撤回提交", StudentNumber, CollegeCode);
}

public sealed record ValuesCopiedToSchoolRecord(string StudentNumber, string CollegeCode, IReadOnlyList<FieldChange> Changes,
    long RecordVersion) : IAuditedEvent
{
    public AuditDescription Describe() =>
        new($"复制学生核验信息到学校库（{Changes.Count} 项）", StudentNumber, CollegeCode, Changes: Changes);
}

/// <summary>Completes: the cohort needs no school review, so this approval ends the verification (核验完成).</summary>
public sealed record CollegeApproved(string StudentNumber, string CollegeCode, bool Completes = false) : IAuditedEvent
{
    public AuditDescription Describe() => new(Completes ? "学院审核通过（核验完成）" : "学院审核通过", StudentNumber, CollegeCode);
}

public sealed record CollegeRejected(string StudentNumber, string CollegeCode, string Reason) : IAuditedEvent
{
    public AuditDescription Describe() => new($"学院审核不通过：{Reason}", StudentNumber, CollegeCode, Reason);
}

public sealed record SchoolApproved(string StudentNumber, string CollegeCode) : IAuditedEvent
{
    public AuditDescription Describe() => new("学校审核通过（核验完成）", StudentNumber, CollegeCode);
}

public sealed record SchoolRejected(string StudentNumber, string CollegeCode, string Reason) : IAuditedEvent
{
    public AuditDescription Describe() => new($"学校审核不通过：{Reason}", StudentNumber, CollegeCode, Reason);
}

public sealed record VerificationArchived(string StudentNumber, string CollegeCode, string Reason) : IAuditedEvent
{
    public AuditDescription Describe() => new("生源记录删除，核验记录归档", StudentNumber, CollegeCode, Reason);
}

public sealed record VerificationRestored(string StudentNumber, string CollegeCode) : IAuditedEvent
{
    public AuditDescription Describe() => new("生源记录恢复，核验记录恢复", StudentNumber, CollegeCode);
}

public sealed record VerificationCohortChanged(string StudentNumber, string CollegeCode, string From, string To, string Reason) : IAuditedEvent
{
    public AuditDescription Describe() => new($"转入 {To} 届（延期毕业），重新核验", StudentNumber, CollegeCode, Reason,
        [new FieldChange("cohort", From, To)]);
}
