using BuildingBlocks.Actors;
using FastEndpoints;
using Marten;
using Review.Staff.ReviewQueue;
using Review.Verifications;

namespace Review.Staff.NextInQueue;

internal sealed record NextRequest(string StudentNumber, string? Status, string? Cohort);

public sealed record NextStudent(string StudentNumber);

/// <summary>审核完成后直接点击下一个: the next record in the same queue, or 204 at its end.</summary>
internal sealed class NextInQueueEndpoint(IQuerySession session) : Endpoint<NextRequest, NextStudent>
{
    public override void Configure()
    {
        Get("/api/reviews/{studentNumber}/next");
        Roles(BuildingBlocks.Actors.Roles.College, BuildingBlocks.Actors.Roles.School);
        Summary(s => s.Summary = "队列中的下一个");
    }

    public override async Task HandleAsync(NextRequest req, CancellationToken ct)
    {
        var next = await FindAsync(session, ActorContext.Current!, req.StudentNumber, req.Status ?? nameof(VerificationStatus.Submitted), req.Cohort, ct);
        if (next is null) await Send.NoContentAsync(ct);
        else await Send.OkAsync(new NextStudent(next), ct);
    }

    /// <summary>The first record of the queue after <paramref name="current"/> in queue order (wrapping to the start, never itself).</summary>
    internal static async Task<string?> FindAsync(IQuerySession session, Actor actor, string current, string status, string? cohort, CancellationToken ct)
    {
        var queue = ReviewQueueEndpoint.Filter(session, actor, cohort, null, status, null, null, null);
        var me = await session.LoadAsync<Verification>(Verification.StreamKey(current), ct);
        if (me is not null && me.SubmittedAt is { } at)
        {
            var after = await queue.Where(v => v.SubmittedAt > at || (v.SubmittedAt == at && string.Compare(v.StudentNumber, me.StudentNumber) > 0))
                .Select(v => v.StudentNumber).FirstOrDefaultAsync(ct);
            if (after is not null) return after;
        }
        var first = await queue.Where(v => v.StudentNumber != current).Select(v => v.StudentNumber).FirstOrDefaultAsync(ct);
        return first;
    }
}
