using BuildingBlocks.Actors;
using BuildingBlocks.Security;
using FastEndpoints;
using Marten;
using Review.Verifications;

namespace Review.Staff.Progress;

internal sealed record ProgressRequest(string? Cohort, string? CollegeCode);

public sealed record CollegeProgress(string CollegeCode, int Total, IReadOnlyDictionary<string, int> ByStatus);

public sealed record ProgressView(string? Cohort, IReadOnlyList<CollegeProgress> Colleges, IReadOnlyDictionary<string, int> Totals);

/// <summary>核验进度: counts per college and state (a college sees its own).</summary>
internal sealed class ProgressEndpoint(IQuerySession session) : Endpoint<ProgressRequest, ProgressView>
{
    public override void Configure()
    {
        Get("/api/reviews/progress");
        Roles(BuildingBlocks.Actors.Roles.College, BuildingBlocks.Actors.Roles.School);
        Summary(s => s.Summary = "核验进度（按学院、状态统计）");
    }

    public override async Task HandleAsync(ProgressRequest req, CancellationToken ct)
    {
        var college = ActorContext.Current!.CollegeFilter(req.CollegeCode);
        IQueryable<Verification> query = session.Query<Verification>().Where(v => !v.Archived);
        if (!string.IsNullOrWhiteSpace(req.Cohort)) query = query.Where(v => v.Cohort == req.Cohort);
        if (college is not null) query = query.Where(v => v.CollegeCode == college);
        var rows = await query.Select(v => new { v.CollegeCode, v.Status }).ToListAsync(ct);

        var statuses = Enum.GetValues<VerificationStatus>();
        var colleges = rows.GroupBy(r => r.CollegeCode).OrderBy(g => g.Key)
            .Select(g => new CollegeProgress(g.Key, g.Count(),
                statuses.ToDictionary(s => s.ToString(), s => g.Count(r => r.Status == s))))
            .ToList();
        var totals = statuses.ToDictionary(s => s.ToString(), s => rows.Count(r => r.Status == s));
        await Send.OkAsync(new ProgressView(req.Cohort, colleges, totals), ct);
    }
}
