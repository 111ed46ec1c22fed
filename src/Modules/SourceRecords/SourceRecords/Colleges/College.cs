using BuildingBlocks.Audit;

namespace SourceRecords.Colleges;

/// <summary>A college (学院), the unit a college staff account is scoped to. Stream key <c>college:{code}</c>.</summary>
public sealed record College(string Id, string Code, string Name)
{
    public static string StreamKey(string code) => $"college:{code}";

    public static College Create(CollegeAdded e) => new(StreamKey(e.Code), e.Code, e.Name);
}

public sealed record CollegeAdded(string Code, string Name) : IAuditedEvent
{
    public AuditDescription Describe() => new($"新增学院 {Code} {Name}", CollegeCode: Code);
}
