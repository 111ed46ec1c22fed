namespace SourceRecords.Contracts;

/// <summary>A college (学院) was added to the colleges list.</summary>
public sealed record CollegeRegistered(string Code, string Name);
