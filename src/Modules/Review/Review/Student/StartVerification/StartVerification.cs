using BuildingBlocks.Actors;
using FastEndpoints;
using Marten;
using Review.Student.ViewVerification;
using Review.Verifications;
using Wolverine;

namespace Review.Student.StartVerification;

/// <summary>开始核验: NotStarted → InProgress.</summary>
internal sealed class StartVerificationEndpoint(IMessageBus bus, IQuerySession session, FieldCatalogueClient catalogue)
    : EndpointWithoutRequest<StudentVerificationView>
{
    public override void Configure()
    {
        Post("/api/verification/start");
        Roles(BuildingBlocks.Actors.Roles.Student);
        Summary(s => s.Summary = "开始核验");
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var studentNumber = ActorContext.Current!.UserName;
        await bus.InvokeAsync(new Verifications.StartVerification(studentNumber), ct);
        await Send.OkAsync(await ViewVerificationEndpoint.LoadAsync(session, bus, catalogue, studentNumber, ct), ct);
    }
}

public static class StartVerificationHandler
{
    public static Task Handle(Verifications.StartVerification command, IDocumentSession session, IMessageBus bus, TimeProvider clock, CancellationToken ct) =>
        VerificationWrites.ExecuteAsync(session, bus, clock, command.StudentNumber, null, command, ct);
}
