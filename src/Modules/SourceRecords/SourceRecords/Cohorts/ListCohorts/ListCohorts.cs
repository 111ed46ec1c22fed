using FastEndpoints;
using Marten;
using SourceRecords.Cohorts.SaveCohort;

namespace SourceRecords.Cohorts.ListCohorts;

internal sealed class ListCohortsEndpoint(IQuerySession session) : EndpointWithoutRequest<IReadOnlyList<CohortResponse>>
{
    public override void Configure()
    {
        Get("/api/cohorts");
        Summary(s => s.Summary = "届次列表 (any role)");
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var cohorts = await session.Query<Cohort>().OrderByDescending(c => c.GraduationYear).ThenBy(c => c.Code).ToListAsync(ct);
        await Send.OkAsync(cohorts.Select(CohortResponse.From).ToList(), ct);
    }
}
