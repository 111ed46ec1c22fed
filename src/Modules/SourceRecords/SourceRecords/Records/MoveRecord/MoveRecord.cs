using BuildingBlocks.Actors;
using BuildingBlocks.Problems;
using FastEndpoints;
using FluentValidation;
using Marten;
using SourceRecords.Cohorts;
using SourceRecords.Contracts;
using Wolverine;

namespace SourceRecords.Records.MoveRecord;

internal sealed record MoveRecordRequest(string? ToCohort, string? Reason, long? ExpectedVersion)
{
    internal sealed class Validator : Validator<MoveRecordRequest>
    {
        public Validator()
        {
            RuleFor(x => x.ToCohort).NotEmpty().WithMessage("目标届次不能为空");
            RuleFor(x => x.Reason).NotEmpty().WithMessage("转届原因不能为空").MaximumLength(500).WithMessage("转届原因最多 500 个字符");
        }
    }
}

internal sealed class MoveRecordEndpoint(IMessageBus bus) : Endpoint<MoveRecordRequest, RecordResponse>
{
    public override void Configure()
    {
        Post("/api/source-records/{studentNumber}/move");
        Roles(BuildingBlocks.Actors.Roles.College, BuildingBlocks.Actors.Roles.School);
        Summary(s => s.Summary = "转入其他届次（延期毕业）");
    }

    public override async Task HandleAsync(MoveRecordRequest req, CancellationToken ct) =>
        await Send.OkAsync(await bus.InvokeAsync<RecordResponse>(new MoveRecord(RecordAccess.Current, Route<string>("studentNumber")!,
            req.ToCohort!.Trim(), req.Reason!.Trim(), req.ExpectedVersion), ct), ct);
}

public sealed record MoveRecord(Actor Actor, string StudentNumber, string ToCohort, string Reason, long? ExpectedVersion);

public static class MoveRecordHandler
{
    public static async Task<(RecordResponse, StudentRecordMoved)> Handle(MoveRecord command, IDocumentSession session, CancellationToken ct)
    {
        var stream = await RecordWriting.FetchAsync(session, command.StudentNumber, command.ExpectedVersion, command.Actor, ct);
        var current = stream.Aggregate!;
        if (current.Deleted) throw ProblemException.Conflict("record.deleted", "该生源记录已删除，请先恢复。");
        if (await session.LoadAsync<Cohort>(Cohort.StreamKey(command.ToCohort), ct) is null)
            throw ProblemException.Validation("toCohort", $"届次不存在：{command.ToCohort}");
        if (current.Cohort == command.ToCohort) throw ProblemException.Validation("toCohort", "目标届次与当前届次相同");

        var moved = new RecordMoved(command.StudentNumber, current.CollegeCode, current.Cohort, command.ToCohort, command.Reason);
        stream.AppendOne(moved);
        var record = RecordWriting.After(stream, current.Apply(moved));
        return (RecordResponse.From(record),
            new StudentRecordMoved(command.StudentNumber, current.Cohort, command.ToCohort, current.CollegeCode, command.Reason));
    }
}
