using BuildingBlocks.Actors;
using BuildingBlocks.Security;
using FastEndpoints;
using Marten;
using Marten.Linq;
using Review.Verifications;

namespace Review.Staff.ReviewQueue;

internal sealed record ReviewQueueRequest(string? Cohort, string? CollegeCode, string? Status, string? Major, string? ClassName,
    string? Q, int Page = 1, int PageSize = 20);

public sealed record ReviewQueueItem(string StudentNumber, string Name, string CollegeCode, string? MajorName, string? ClassName,
    string Status, string StatusLabel, DateTimeOffset? SubmittedAt, IReadOnlyList<string> ChangedFields, long Version);

public sealed record ReviewQueuePage(IReadOnlyList<ReviewQueueItem> Items, int Total, int Page, int PageSize);

/// <summary>The reviewers' queue (生源提交筛查): filtered, paged, in queue order (first submitted first).</summary>
internal sealed class ReviewQueueEndpoint(IQuerySession session) : Endpoint<ReviewQueueRequest, ReviewQueuePage>
{
    public override void Configure()
    {
        Get("/api/reviews");
        Roles(BuildingBlocks.Actors.Roles.College, BuildingBlocks.Actors.Roles.School);
        Summary(s => s.Summary = "审核队列（按提交时间排序）");
    }

    public override async Task HandleAsync(ReviewQueueRequest req, CancellationToken ct)
    {
        var page = Math.Max(1, req.Page);
        var pageSize = Math.Clamp(req.PageSize, 1, 200);
        var query = Filter(session, ActorContext.Current!, req.Cohort, req.CollegeCode, req.Status, req.Major, req.ClassName, req.Q);
        var items = await query.Stats(out var stats).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        await Send.OkAsync(new ReviewQueuePage(items.Select(ToItem).ToList(), (int)stats.TotalResults, page, pageSize), ct);
    }

    internal static IOrderedQueryable<Verification> Filter(IQuerySession session, Actor actor, string? cohort, string? collegeCode,
        string? status, string? major, string? className, string? q)
    {
        var college = actor.CollegeFilter(collegeCode);
        IQueryable<Verification> query = session.Query<Verification>().Where(v => !v.Archived);
        if (!string.IsNullOrWhiteSpace(cohort)) query = query.Where(v => v.Cohort == cohort);
        if (college is not null) query = query.Where(v => v.CollegeCode == college);
        if (!string.IsNullOrWhiteSpace(status) && Enum.TryParse<VerificationStatus>(status, true, out var s))
            query = query.Where(v => v.Status == s);
        if (!string.IsNullOrWhiteSpace(major)) query = query.Where(v => v.MajorName == major);
        if (!string.IsNullOrWhiteSpace(className)) query = query.Where(v => v.ClassName == className);
        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim();
            query = query.Where(v => v.StudentNumber.StartsWith(term) || v.Name.Contains(term));
        }
        // Queue order: first submitted first; then by student number so the order is stable.
        return query.OrderBy(v => v.SubmittedAt).ThenBy(v => v.StudentNumber);
    }

    internal static ReviewQueueItem ToItem(Verification v) => new(v.StudentNumber, v.Name, v.CollegeCode, v.MajorName, v.ClassName,
        v.Status.ToString(), v.StatusLabel, v.SubmittedAt, v.ChangedFields, v.Version);
}
