using BuildingBlocks.Actors;
using BuildingBlocks.Problems;
using FastEndpoints;
using Marten;
using Review.Verifications;

namespace Review.Staff.AsOf;

internal sealed record AsOfRequest(string StudentNumber, DateTimeOffset? At, long? Version);

public sealed record VerificationAsOf(string StudentNumber, string Status, string StatusLabel, long Version,
    IReadOnlyDictionary<string, string?> ProposedValues, IReadOnlyList<string> ChangedFields, DateTimeOffset? SubmittedAt,
    RejectionView? Rejection, bool Archived);

/// <summary>Replay for disputes: the verification as it stood at a version or a moment, rebuilt from its events.</summary>
internal sealed class AsOfEndpoint(IQuerySession session) : Endpoint<AsOfRequest, VerificationAsOf>
{
    public override void Configure()
    {
        Get("/api/reviews/{studentNumber}/as-of");
        Roles(BuildingBlocks.Actors.Roles.College, BuildingBlocks.Actors.Roles.School);
        Summary(s => s.Summary = "按时间或版本回放核验记录");
    }

    public override async Task HandleAsync(AsOfRequest req, CancellationToken ct)
    {
        var key = Verification.StreamKey(req.StudentNumber);
        var current = await session.LoadAsync<Verification>(key, ct) ?? throw ReviewScope.NotFound();
        ReviewScope.EnsureCanAct(ActorContext.Current!, current);

        var then = req switch
        {
            { Version: { } version } => version < 1
                ? throw ProblemException.Validation("version", "版本号从 1 开始")
                : await session.Events.AggregateStreamAsync<Verification>(key, version: version, token: ct),
            { At: { } at } => await session.Events.AggregateStreamAsync<Verification>(key, timestamp: at, token: ct),
            _ => throw ProblemException.Validation("at", "请提供 at（ISO-8601 时间）或 version（版本号）"),
        };
        if (then is null) throw new ProblemException(404, "verification.not-yet", "该时间点之前尚无核验记录。");
        await Send.OkAsync(new VerificationAsOf(then.StudentNumber, then.Status.ToString(), then.StatusLabel, then.Version,
            then.Proposed, then.ChangedFields, then.SubmittedAt, VerificationViews.Rejection(then), then.Archived), ct);
    }
}
