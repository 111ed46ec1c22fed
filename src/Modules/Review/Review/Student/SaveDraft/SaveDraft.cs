using BuildingBlocks.Actors;
using BuildingBlocks.Problems;
using FastEndpoints;
using Marten;
using Review.Inbound;
using Review.Student.ViewVerification;
using Review.Verifications;
using SourceRecords.Contracts;
using Wolverine;

namespace Review.Student.SaveDraft;

internal sealed record SaveDraftRequest(Dictionary<string, string?>? Fields);

/// <summary>
/// Saves the student's proposed values. A field the student may not edit answers 403 field.locked; an invalid
/// value 400 naming it; either way nothing of the request is saved.
/// </summary>
internal sealed class SaveDraftEndpoint(IMessageBus bus, IQuerySession session, FieldCatalogueClient catalogue)
    : Endpoint<SaveDraftRequest, StudentVerificationView>
{
    public override void Configure()
    {
        Put("/api/verification/draft");
        Roles(BuildingBlocks.Actors.Roles.Student);
        Summary(s => s.Summary = "保存核验信息（草稿）");
    }

    public override async Task HandleAsync(SaveDraftRequest req, CancellationToken ct)
    {
        var studentNumber = ActorContext.Current!.UserName;
        if (req.Fields is null || req.Fields.Count == 0)
            throw ProblemException.Validation("fields", "请填写要保存的字段");

        var current = await ViewVerificationEndpoint.LoadAsync(session, bus, catalogue, studentNumber, ct);
        var check = await bus.InvokeAsync<FieldValuesChecked>(
            new CheckFieldValues(BuildingBlocks.Actors.Roles.Student, req.Fields, current.ProposedValues, RequireComplete: false), ct);
        if (check.LockedFields.Count > 0)
            throw new ProblemException(403, "field.locked",
                $"以下字段不能由学生修改，如有错误请联系学院辅导员：{string.Join("、", check.LockedFields)}",
                check.LockedFields.ToDictionary(f => f, _ => new[] { "该字段不能由学生修改，请联系学院辅导员" }));
        // A draft answers for what it changes; the rest of the record is checked in full at submit.
        var errors = check.Errors.Where(e => req.Fields.ContainsKey(e.Key)).ToDictionary(e => e.Key, e => e.Value);
        if (errors.Count > 0) throw ProblemException.Validation(errors);

        await bus.InvokeAsync(new Verifications.SaveDraft(studentNumber, req.Fields), ct);
        await Send.OkAsync(await ViewVerificationEndpoint.LoadAsync(session, bus, catalogue, studentNumber, ct), ct);
    }
}

public static class SaveDraftHandler
{
    public static Task Handle(Verifications.SaveDraft command, IDocumentSession session, IMessageBus bus, TimeProvider clock, CancellationToken ct) =>
        VerificationWrites.ExecuteAsync(session, bus, clock, command.StudentNumber, null, command, ct);
}
