using BuildingBlocks.Actors;
using BuildingBlocks.Problems;
using FastEndpoints;
using Marten;
using Review.Student.ViewVerification;
using Review.Verifications;
using SourceRecords.Contracts;
using Wolverine;

namespace Review.Student.Submit;

/// <summary>提交: InProgress → Submitted (学生已核). 400 lists every missing or invalid field of the whole proposal.</summary>
internal sealed class SubmitEndpoint(IMessageBus bus, IQuerySession session, FieldCatalogueClient catalogue)
    : EndpointWithoutRequest<StudentVerificationView>
{
    public override void Configure()
    {
        Post("/api/verification/submit");
        Roles(BuildingBlocks.Actors.Roles.Student);
        Summary(s => s.Summary = "提交核验（学生已核）");
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var studentNumber = ActorContext.Current!.UserName;
        var current = await ViewVerificationEndpoint.LoadAsync(session, bus, catalogue, studentNumber, ct);
        if (current.Status == nameof(VerificationStatus.InProgress))
        {
            // Check the whole record as it would stand, as the office would check it (no field is locked here).
            var check = await bus.InvokeAsync<FieldValuesChecked>(
                new CheckFieldValues(BuildingBlocks.Actors.Roles.School, current.ProposedValues, current.ProposedValues, RequireComplete: true), ct);
            if (check.Errors.Count > 0)
                throw new ProblemException(400, "verification.incomplete",
                    $"还有 {check.Errors.Count} 项信息缺失或有误，请修改后再提交。", check.Errors);
        }

        await bus.InvokeAsync(new SubmitVerification(studentNumber), ct);
        await Send.OkAsync(await ViewVerificationEndpoint.LoadAsync(session, bus, catalogue, studentNumber, ct), ct);
    }
}

public static class SubmitVerificationHandler
{
    public static Task Handle(SubmitVerification command, IDocumentSession session, IMessageBus bus, TimeProvider clock, CancellationToken ct) =>
        VerificationWrites.ExecuteAsync(session, bus, clock, command.StudentNumber, null, command, ct);
}
