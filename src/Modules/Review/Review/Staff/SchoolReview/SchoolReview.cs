using FastEndpoints;
using Marten;
using Review.Contracts;
using Review.Staff.CollegeReview;
using Review.Verifications;
using Wolverine;

namespace Review.Staff.SchoolReview;

/// <summary>学校审核: the office approves (核验完成) or rejects after the college approved.</summary>
internal sealed class SchoolReviewEndpoint(IMessageBus bus, IQuerySession session) : Endpoint<ReviewDecisionRequest, ReviewOutcome>
{
    public override void Configure()
    {
        Post("/api/reviews/{studentNumber}/school-review");
        Roles(BuildingBlocks.Actors.Roles.School);
        Summary(s => s.Summary = "学校审核（通过/不通过）");
    }

    public override async Task HandleAsync(ReviewDecisionRequest req, CancellationToken ct)
    {
        var command = new Verifications.SchoolReview(req.StudentNumber, ReviewDecisions.Version(req.ExpectedVersion),
            ReviewDecisions.Decision(req.Decision), req.Reason);
        await bus.InvokeAsync(command, ct);
        await Send.OkAsync(await ReviewDecisions.OutcomeAsync(session, req.StudentNumber, ct), ct);
    }
}

public static class SchoolReviewHandler
{
    public static async Task<VerificationDecided?> Handle(Verifications.SchoolReview command, IDocumentSession session,
        IMessageBus bus, TimeProvider clock, CancellationToken ct)
    {
        var (before, events) = await VerificationWrites.ExecuteAsync(session, bus, clock, command.StudentNumber, command.ExpectedVersion, command, ct);
        return ReviewDecisions.Decided(before, events, "school", clock);
    }
}
