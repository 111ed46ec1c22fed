using FastEndpoints;

namespace SourceRecords.Reference.GetRegions;

internal sealed record GetRegionsRequest
{
    [QueryParam] public string? Parent { get; init; }
}

public sealed record RegionResponse(string Code, string Name, string? Parent, bool CountyLevel);

internal sealed class GetRegionsEndpoint : Endpoint<GetRegionsRequest, IReadOnlyList<RegionResponse>>
{
    public override void Configure()
    {
        Get("/api/reference/regions");
        Summary(s => s.Summary = "GB/T 2260 行政区划：无 parent 时为省级，否则为 parent 的下级");
    }

    public override async Task HandleAsync(GetRegionsRequest req, CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(req.Parent) && Regions.Find(req.Parent.Trim()) is null)
        {
            await Send.NotFoundAsync(ct);
            return;
        }
        var regions = string.IsNullOrWhiteSpace(req.Parent) ? Regions.Provinces : Regions.ChildrenOf(req.Parent.Trim());
        await Send.OkAsync(regions.OrderBy(r => r.Code, StringComparer.Ordinal)
            .Select(r => new RegionResponse(r.Code, r.Name, r.Parent, Regions.IsCountyLevel(r.Code))).ToList(), ct);
    }
}
