using BuildingBlocks.Actors;
using BuildingBlocks.Audit;
using BuildingBlocks.Problems;
using FastEndpoints;
using Marten;

namespace SourceRecords.Records.History;

public sealed record HistoryEntry(long Version, string Type, DateTimeOffset At, string Actor, string ActorRole, string Summary,
    string? Reason, IReadOnlyList<FieldChange> Changes);

internal sealed class RecordHistoryEndpoint(IQuerySession session) : EndpointWithoutRequest<IReadOnlyList<HistoryEntry>>
{
    public override void Configure()
    {
        Get("/api/source-records/{studentNumber}/history");
        Roles(BuildingBlocks.Actors.Roles.College, BuildingBlocks.Actors.Roles.School);
        Summary(s => s.Summary = "生源记录的全部变更：版本、类型、时间、操作人、角色、原因、字段变化");
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var studentNumber = Route<string>("studentNumber")!;
        await RecordAccess.LoadForReadAsync(session, studentNumber, RecordAccess.Current, ct);
        var events = await session.Events.FetchStreamAsync(SourceRecord.StreamKey(studentNumber), token: ct);
        await Send.OkAsync(events.Select(e =>
        {
            var d = (e.Data as IAuditedEvent)?.Describe();
            return new HistoryEntry(e.Version, e.EventTypeName, e.Timestamp, e.UserName ?? Actor.System.UserName,
                e.GetHeader(ActorHeaders.Role)?.ToString() ?? Actor.System.Role, d?.Summary ?? e.EventTypeName, d?.Reason, d?.Changes ?? []);
        }).ToList(), ct);
    }
}

internal sealed record AsOfRequest
{
    [QueryParam] public DateTimeOffset? At { get; init; }
    [QueryParam] public long? Version { get; init; }
}

internal sealed class RecordAsOfEndpoint(IQuerySession session) : Endpoint<AsOfRequest, RecordResponse>
{
    public override void Configure()
    {
        Get("/api/source-records/{studentNumber}/as-of");
        Roles(BuildingBlocks.Actors.Roles.College, BuildingBlocks.Actors.Roles.School);
        Summary(s => s.Summary = "生源记录在某一时间（at=ISO-8601）或某一版本（version=n）时的样子");
    }

    public override async Task HandleAsync(AsOfRequest req, CancellationToken ct)
    {
        if (req.At is null == req.Version is null)
            throw ProblemException.Validation("at", "请给出 at（ISO-8601 时间）或 version（版本号）其中之一");
        if (req.Version is < 1) throw ProblemException.Validation("version", "版本号从 1 开始");
        var studentNumber = Route<string>("studentNumber")!;
        await RecordAccess.LoadForReadAsync(session, studentNumber, RecordAccess.Current, ct);
        var key = SourceRecord.StreamKey(studentNumber);
        var record = req.Version is { } version
            ? await session.Events.AggregateStreamAsync<SourceRecord>(key, version: version, token: ct)
            : await session.Events.AggregateStreamAsync<SourceRecord>(key, timestamp: req.At!.Value, token: ct);
        if (record is null) throw ProblemException.NotFound("该时间点之前还没有这条生源记录。");
        await Send.OkAsync(RecordResponse.From(record), ct);
    }
}
