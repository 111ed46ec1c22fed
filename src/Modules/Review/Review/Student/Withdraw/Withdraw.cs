using BuildingBlocks.Actors;
using FastEndpoints;
using Marten;
using Review.Student.ViewVerification;
using Review.Verifications;
using Wolverine;

namespace Review.Student.Withdraw;

/// <summary>提交撤回: while Submitted (not yet reviewed) or after a rejection, back to InProgress.</summary>
internal sealed class WithdrawEndpoint(IMessageBus bus, IQuerySession session, FieldCatalogueClient catalogue)
    : EndpointWithoutRequest<StudentVerificationView>
{
    public override void Configure()
    {
        Post("/api/verification/withdraw");
        Roles(BuildingBlocks.Actors.Roles.Student);
        Summary(s => s.Summary = "撤回提交");
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var studentNumber = ActorContext.Current!.UserName;
        await bus.InvokeAsync(new WithdrawSubmission(studentNumber), ct);
        await Send.OkAsync(await ViewVerificationEndpoint.LoadAsync(session, bus, catalogue, studentNumber, ct), ct);
    }
}

public static class WithdrawSubmissionHandler
{
    public static Task Handle(WithdrawSubmission command, IDocumentSession session, IMessageBus bus, TimeProvider clock, CancellationToken ct) =>
        VerificationWrites.ExecuteAsync(session, bus, clock, command.StudentNumber, null, command, ct);
}
