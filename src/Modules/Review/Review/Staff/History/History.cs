using BuildingBlocks.Actors;
using BuildingBlocks.Audit;
using FastEndpoints;
using Marten;
using Review.Verifications;

namespace Review.Staff.History;

internal sealed record HistoryRequest(string StudentNumber);

public sealed record HistoryEntry(long Version, string Type, DateTimeOffset At, string Actor, string? ActorRole, string Summary,
    string? Reason, IReadOnlyList<FieldChange> Changes, object Data);

/// <summary>Every event of a student's verification, oldest first: who, when, role, why, which values.</summary>
internal sealed class HistoryEndpoint(IQuerySession session) : Endpoint<HistoryRequest, IReadOnlyList<HistoryEntry>>
{
    public override void Configure()
    {
        Get("/api/reviews/{studentNumber}/history");
        Roles(BuildingBlocks.Actors.Roles.College, BuildingBlocks.Actors.Roles.School);
        Summary(s => s.Summary = "核验历史（全部事件）");
    }

    public override async Task HandleAsync(HistoryRequest req, CancellationToken ct)
    {
        var key = Verification.StreamKey(req.StudentNumber);
        var v = await session.LoadAsync<Verification>(key, ct) ?? throw ReviewScope.NotFound();
        ReviewScope.EnsureCanAct(ActorContext.Current!, v);
        var events = await session.Events.FetchStreamAsync(key, token: ct);
        await Send.OkAsync(events.Select(e =>
        {
            var d = (e.Data as IAuditedEvent)?.Describe();
            return new HistoryEntry(e.Version, e.EventTypeName, e.Timestamp, e.UserName ?? "system",
                e.GetHeader(ActorHeaders.Role)?.ToString(), d?.Summary ?? e.EventTypeName, d?.Reason, d?.Changes ?? [], e.Data);
        }).ToList(), ct);
    }
}
