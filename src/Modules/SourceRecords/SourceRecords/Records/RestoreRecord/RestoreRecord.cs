using BuildingBlocks.Actors;
using BuildingBlocks.Problems;
using FastEndpoints;
using Marten;
using SourceRecords.Contracts;
using Wolverine;

namespace SourceRecords.Records.RestoreRecord;

internal sealed class RestoreRecordEndpoint(IMessageBus bus) : EndpointWithoutRequest
{
    public override void Configure()
    {
        Post("/api/source-records/{studentNumber}/restore");
        Roles(BuildingBlocks.Actors.Roles.School);
        Summary(s => s.Summary = "恢复已删除的生源记录 (school office)；可选 ?expectedVersion=");
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        // No body needed; ?expectedVersion= guards against a concurrent change when given.
        await bus.InvokeAsync(new RestoreRecord(RecordAccess.Current, Route<string>("studentNumber")!,
            Query<long?>("expectedVersion", isRequired: false)), ct);
        await Send.NoContentAsync(ct);
    }
}

public sealed record RestoreRecord(Actor Actor, string StudentNumber, long? ExpectedVersion);

public static class RestoreRecordHandler
{
    public static async Task<StudentRecordRestored> Handle(RestoreRecord command, IDocumentSession session, CancellationToken ct)
    {
        var stream = await RecordWriting.FetchAsync(session, command.StudentNumber, command.ExpectedVersion, command.Actor, ct);
        var current = stream.Aggregate!;
        if (!current.Deleted) throw ProblemException.Conflict("record.not-deleted", "该生源记录未被删除。");
        stream.AppendOne(new RecordRestored(command.StudentNumber, current.CollegeCode));
        return new StudentRecordRestored(command.StudentNumber, current.Cohort, current.CollegeCode);
    }
}
