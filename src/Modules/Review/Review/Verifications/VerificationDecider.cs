using BuildingBlocks.Actors;
using BuildingBlocks.Audit;
using BuildingBlocks.Problems;

namespace Review.Verifications;

// The commands of the verification state machine (student side, then staff side).
public sealed record StartVerification(string StudentNumber);
public sealed record SaveDraft(string StudentNumber, IReadOnlyDictionary<string, string?> Values);
public sealed record SubmitVerification(string StudentNumber);
public sealed record WithdrawSubmission(string StudentNumber);
public sealed record RecordCopyToSchoolRecord(string StudentNumber, long ExpectedVersion, IReadOnlyList<FieldChange> Applied, long RecordVersion);
public sealed record CollegeReview(string StudentNumber, long ExpectedVersion, string Decision, string? Reason);
public sealed record SchoolReview(string StudentNumber, long ExpectedVersion, string Decision, string? Reason);

/// <summary>What a decision may depend on besides the state: who, when, the cohort's rules and the school record.</summary>
public sealed record DecisionContext(
    Actor Actor,
    DateTimeOffset Now,
    CohortRules? Cohort,
    IReadOnlyDictionary<string, string?> SchoolValues);

/// <summary>A cohort's deadlines and whether the school office reviews after the college.</summary>
public sealed record CohortRules(DateTimeOffset StudentDeadline, DateTimeOffset ReviewDeadline, bool RequireSchoolReview);

public static class VerificationCodes
{
    public const string InvalidState = "verification.invalid-state";
    public const string DeadlinePassed = "verification.deadline-passed";
    public const string Archived = "verification.archived";
    public const string ValuesNotCopied = "verification.values-not-copied";
    public const string ReasonRequired = "verification.reason-required";
}

/// <summary>
/// The verification state machine in one place: command × state → events, or a coded refusal.
/// Pure: no I/O, so every row of the state table is unit-tested.
/// </summary>
public static class VerificationDecider
{
    public static IReadOnlyList<object> Decide(Verification state, object command, DecisionContext context)
    {
        if (state.Archived)
            throw ProblemException.Conflict(VerificationCodes.Archived, "该生源记录已删除，核验已归档。");

        var s = state.StudentNumber;
        var c = state.CollegeCode;
        return command switch
        {
            StartVerification => StudentWindow(context) && state.Status == VerificationStatus.NotStarted
                ? [new VerificationStarted(s, c)]
                : throw InvalidState(state, "开始核验"),

            SaveDraft draft => SaveDraftEvents(state, draft, context),

            SubmitVerification => StudentWindow(context) && state.Status == VerificationStatus.InProgress
                ? [new VerificationSubmitted(s, c, Proposal(state, context), ChangedFields(state, context))]
                : throw InvalidState(state, "提交"),

            WithdrawSubmission => StudentWindow(context) && state.Status is VerificationStatus.Submitted
                    or VerificationStatus.CollegeRejected or VerificationStatus.SchoolRejected
                ? [new SubmissionWithdrawn(s, c, state.Status, Implicit: false)]
                : throw InvalidState(state, "撤回"),

            RecordCopyToSchoolRecord copy => ReviewWindow(context) && state.Status == VerificationStatus.Submitted
                ? copy.Applied.Count == 0 ? [] : [new ValuesCopiedToSchoolRecord(s, c, copy.Applied, copy.RecordVersion)]
                : throw InvalidState(state, "复制到学校库"),

            CollegeReview review => ReviewWindow(context) && state.Status == VerificationStatus.Submitted
                ? IsApprove(review.Decision)
                    ? ApproveAfterCopy(state, context, new CollegeApproved(s, c, Completes: context.Cohort is { RequireSchoolReview: false }))
                    : [new CollegeRejected(s, c, RequireReason(review.Reason))]
                : throw InvalidState(state, "学院审核"),

            SchoolReview review => state.Status == VerificationStatus.CollegeApproved
                ? IsApprove(review.Decision)
                    ? ApproveAfterCopy(state, context, new SchoolApproved(s, c))
                    : [new SchoolRejected(s, c, RequireReason(review.Reason))]
                : throw InvalidState(state, "学校审核"),

            _ => throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name, "unknown verification command"),
        };
    }

    /// <summary>
    /// Saving is allowed while the student may edit: not started (starts implicitly), in progress, or rejected
    /// (the withdrawal is implicit and shows in the history). Only values that change are recorded.
    /// </summary>
    private static IReadOnlyList<object> SaveDraftEvents(Verification state, SaveDraft draft, DecisionContext context)
    {
        if (!StudentWindow(context)) throw InvalidState(state, "保存");
        var events = new List<object>();
        switch (state.Status)
        {
            case VerificationStatus.NotStarted:
                events.Add(new VerificationStarted(state.StudentNumber, state.CollegeCode));
                break;
            case VerificationStatus.CollegeRejected or VerificationStatus.SchoolRejected:
                events.Add(new SubmissionWithdrawn(state.StudentNumber, state.CollegeCode, state.Status, Implicit: true));
                break;
            case VerificationStatus.InProgress:
                break;
            default:
                throw InvalidState(state, "保存");
        }

        var changes = draft.Values
            .Select(v => new FieldChange(v.Key, Current(state, context, v.Key), Normalize(v.Value)))
            .Where(ch => ch.From != ch.To)
            .ToList();
        if (changes.Count > 0) events.Add(new DraftSaved(state.StudentNumber, state.CollegeCode, changes));
        return events;
    }

    private static IReadOnlyList<object> ApproveAfterCopy(Verification state, DecisionContext context, object approval)
    {
        // Approval never silently loses what the student proposed: each differing value must have been copied.
        var notCopied = state.Proposed
            .Where(p => Normalize(p.Value) != Normalize(context.SchoolValues.GetValueOrDefault(p.Key)) && !state.CopiedFields.Contains(p.Key))
            .Select(p => p.Key)
            .ToList();
        if (notCopied.Count > 0)
            throw new ProblemException(409, VerificationCodes.ValuesNotCopied,
                $"学生核验信息与学校库不一致且尚未复制到学校库：{string.Join("、", notCopied)}。请先点击“复制学生核验信息到学校库”，或驳回。",
                notCopied.ToDictionary(f => f, _ => new[] { "尚未复制到学校库" }));
        return [approval];
    }

    /// <summary>The status after <paramref name="events"/>, as the aggregate's Apply methods would leave it.</summary>
    public static VerificationStatus StatusAfter(VerificationStatus status, IEnumerable<object> events) =>
        events.Aggregate(status, (current, e) => e switch
        {
            VerificationStarted or DraftSaved or SubmissionWithdrawn => VerificationStatus.InProgress,
            VerificationSubmitted => VerificationStatus.Submitted,
            CollegeApproved => VerificationStatus.CollegeApproved,
            CollegeRejected => VerificationStatus.CollegeRejected,
            SchoolApproved => VerificationStatus.SchoolApproved,
            SchoolRejected => VerificationStatus.SchoolRejected,
            VerificationCohortChanged => VerificationStatus.NotStarted,
            _ => current,
        });

    /// <summary>The whole proposal: the school values with the student's edits over them.</summary>
    public static IReadOnlyDictionary<string, string?> Proposal(Verification state, DecisionContext context)
    {
        var proposal = new Dictionary<string, string?>(context.SchoolValues);
        foreach (var p in state.Proposed) proposal[p.Key] = p.Value;
        return proposal;
    }

    /// <summary>The fields whose proposed value differs from the school record.</summary>
    public static IReadOnlyList<string> ChangedFields(Verification state, DecisionContext context) =>
        state.Proposed.Where(p => Normalize(p.Value) != Normalize(context.SchoolValues.GetValueOrDefault(p.Key)))
            .Select(p => p.Key).OrderBy(f => f, StringComparer.Ordinal).ToList();

    private static string? Current(Verification state, DecisionContext context, string field) =>
        state.Proposed.TryGetValue(field, out var proposed) ? proposed : Normalize(context.SchoolValues.GetValueOrDefault(field));

    public static string? Normalize(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static bool StudentWindow(DecisionContext context) =>
        context.Cohort is null || context.Now <= context.Cohort.StudentDeadline
            ? true
            : throw ProblemException.Conflict(VerificationCodes.DeadlinePassed,
                $"学生核验已于 {context.Cohort.StudentDeadline.ToOffset(TimeSpan.FromHours(8)):yyyy-MM-dd HH:mm} 截止，不能再提交或撤回。如需修改请联系学院辅导员。");

    // The school office may still review after the colleges' deadline.
    private static bool ReviewWindow(DecisionContext context) =>
        context.Actor.IsSchool || context.Cohort is null || context.Now <= context.Cohort.ReviewDeadline
            ? true
            : throw ProblemException.Conflict(VerificationCodes.DeadlinePassed,
                $"学院审核已于 {context.Cohort.ReviewDeadline.ToOffset(TimeSpan.FromHours(8)):yyyy-MM-dd HH:mm} 截止，请联系招生就业处。");

    private static bool IsApprove(string decision) => decision switch
    {
        "approve" => true,
        "reject" => false,
        _ => throw ProblemException.Validation("decision", "审核结论只能是 approve（通过）或 reject（不通过）"),
    };

    private static string RequireReason(string? reason) =>
        string.IsNullOrWhiteSpace(reason)
            ? throw new ProblemException(400, VerificationCodes.ReasonRequired, "审核不通过时必须填写原因。",
                new Dictionary<string, string[]> { ["reason"] = ["审核不通过时必须填写原因"] })
            : reason.Trim();

    private static ProblemException InvalidState(Verification state, string action) =>
        ProblemException.Conflict(VerificationCodes.InvalidState,
            $"当前状态为“{Verification.Label(state.Status)}”，不能{action}。");
}
