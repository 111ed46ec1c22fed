using FastEndpoints;
using Marten;
using SourceRecords.Colleges.RegisterCollege;

namespace SourceRecords.Colleges.ListColleges;

internal sealed class ListCollegesEndpoint(IQuerySession session) : EndpointWithoutRequest<IReadOnlyList<CollegeResponse>>
{
    public override void Configure()
    {
        Get("/api/colleges");
        Summary(s => s.Summary = "学院列表 (any role)");
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var colleges = await session.Query<College>().OrderBy(c => c.Code).ToListAsync(ct);
        await Send.OkAsync(colleges.Select(c => new CollegeResponse(c.Code, c.Name)).ToList(), ct);
    }
}
