using BuildingBlocks.Actors;
using BuildingBlocks.Problems;
using FastEndpoints;
using FluentValidation;
using Marten;
using SourceRecords.Contracts;
using Wolverine;

namespace SourceRecords.Records.DeleteRecord;

internal sealed record DeleteRecordRequest
{
    [QueryParam] public string? Reason { get; init; }
    [QueryParam] public string? Note { get; init; }
    [QueryParam] public long? ExpectedVersion { get; init; }

    internal sealed class Validator : Validator<DeleteRecordRequest>
    {
        public Validator()
        {
            RuleFor(x => x.Reason).NotEmpty().WithMessage("删除原因不能为空（withdrawal 退学、suspension 休学、other 其他）")
                .Must(r => r is null || RecordChanges.DeleteReasons.ContainsKey(r)).WithMessage("删除原因只能是 withdrawal（退学）、suspension（休学）或 other（其他）");
            RuleFor(x => x.Note).NotEmpty().When(x => x.Reason == "other").WithMessage("原因为其他时请填写说明")
                .MaximumLength(500).WithMessage("说明最多 500 个字符");
        }
    }
}

internal sealed class DeleteRecordEndpoint(IMessageBus bus) : Endpoint<DeleteRecordRequest>
{
    public override void Configure()
    {
        Delete("/api/source-records/{studentNumber}");
        Roles(BuildingBlocks.Actors.Roles.College, BuildingBlocks.Actors.Roles.School);
        Summary(s => s.Summary = "删除生源记录（退学 withdrawal / 休学 suspension / other），学生账号随之停用");
    }

    public override async Task HandleAsync(DeleteRecordRequest req, CancellationToken ct)
    {
        await bus.InvokeAsync(new DeleteRecord(RecordAccess.Current, Route<string>("studentNumber")!, req.Reason!,
            string.IsNullOrWhiteSpace(req.Note) ? null : req.Note.Trim(), req.ExpectedVersion), ct);
        await Send.NoContentAsync(ct);
    }
}

public sealed record DeleteRecord(Actor Actor, string StudentNumber, string Reason, string? Note, long? ExpectedVersion);

public static class DeleteRecordHandler
{
    public static async Task<StudentRecordDeleted> Handle(DeleteRecord command, IDocumentSession session, CancellationToken ct)
    {
        var stream = await RecordWriting.FetchAsync(session, command.StudentNumber, command.ExpectedVersion, command.Actor, ct);
        var current = stream.Aggregate!;
        if (current.Deleted) throw ProblemException.Conflict("record.deleted", "该生源记录已删除。");
        stream.AppendOne(new RecordDeleted(command.StudentNumber, current.CollegeCode, command.Reason, command.Note));
        return new StudentRecordDeleted(command.StudentNumber, current.Cohort, current.CollegeCode, command.Reason, command.Note);
    }
}
