using BuildingBlocks.Actors;
using FastEndpoints;
using Marten;
using Review.Contracts;
using Review.Staff.NextInQueue;
using Review.Verifications;
using Wolverine;

namespace Review.Staff.CollegeReview;

public sealed record ReviewDecisionRequest(string StudentNumber, long? ExpectedVersion, string? Decision, string? Reason);

public sealed record ReviewOutcome(string StudentNumber, string Status, string StatusLabel, long Version, string? NextStudentNumber);

/// <summary>学院审核: approve (after the differing values were copied) or reject with a reason.</summary>
internal sealed class CollegeReviewEndpoint(IMessageBus bus, IQuerySession session) : Endpoint<ReviewDecisionRequest, ReviewOutcome>
{
    public override void Configure()
    {
        Post("/api/reviews/{studentNumber}/college-review");
        Roles(BuildingBlocks.Actors.Roles.College, BuildingBlocks.Actors.Roles.School);
        Summary(s => s.Summary = "学院审核（通过/不通过）");
    }

    public override async Task HandleAsync(ReviewDecisionRequest req, CancellationToken ct)
    {
        var command = new Verifications.CollegeReview(req.StudentNumber, ReviewDecisions.Version(req.ExpectedVersion),
            ReviewDecisions.Decision(req.Decision), req.Reason);
        await bus.InvokeAsync(command, ct);
        await Send.OkAsync(await ReviewDecisions.OutcomeAsync(session, req.StudentNumber, ct), ct);
    }
}

public static class CollegeReviewHandler
{
    public static async Task<VerificationDecided?> Handle(Verifications.CollegeReview command, IDocumentSession session,
        IMessageBus bus, TimeProvider clock, CancellationToken ct)
    {
        var (before, events) = await VerificationWrites.ExecuteAsync(session, bus, clock, command.StudentNumber, command.ExpectedVersion, command, ct);
        return ReviewDecisions.Decided(before, events, "college", clock);
    }
}

internal static class ReviewDecisions
{
    public static long Version(long? expectedVersion) =>
        expectedVersion ?? throw BuildingBlocks.Problems.ProblemException.Validation("expectedVersion", "缺少 expectedVersion（当前版本号）");

    public static string Decision(string? decision) => decision?.Trim().ToLowerInvariant() switch
    {
        "approve" => "approve",
        "reject" => "reject",
        _ => throw BuildingBlocks.Problems.ProblemException.Validation("decision", "审核结论只能是 approve（通过）或 reject（不通过）"),
    };

    public static async Task<ReviewOutcome> OutcomeAsync(IQuerySession session, string studentNumber, CancellationToken ct)
    {
        var v = await session.LoadAsync<Verification>(Verification.StreamKey(studentNumber), ct) ?? throw ReviewScope.NotFound();
        var next = await NextInQueueEndpoint.FindAsync(session, ActorContext.Current!, studentNumber,
            nameof(VerificationStatus.Submitted), v.Cohort, ct);
        return new ReviewOutcome(v.StudentNumber, v.Status.ToString(), v.StatusLabel, v.Version, next);
    }

    /// <summary>The contract message Notifications turns into the student's 审核提醒.</summary>
    public static VerificationDecided? Decided(Verification before, IReadOnlyList<object> events, string stage, TimeProvider clock)
    {
        var by = ActorContext.Current!.UserName;
        var completed = events.LastOrDefault() is SchoolApproved or CollegeApproved { Completes: true };
        var (decision, reason) = events.LastOrDefault() switch
        {
            CollegeApproved or SchoolApproved => ("approve", (string?)null),
            CollegeRejected e => ("reject", e.Reason),
            SchoolRejected e => ("reject", e.Reason),
            _ => ("", null),
        };
        return decision.Length == 0 ? null
            : new VerificationDecided(before.StudentNumber, before.Cohort, before.CollegeCode, stage, decision, reason, by, clock.GetUtcNow(), completed);
    }
}
