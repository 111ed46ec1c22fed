using BuildingBlocks.Audit;
using SourceRecords.Contracts;

namespace SourceRecords.Cohorts;

/// <summary>A cohort (届) with its deadlines. Stream key <c>cohort:{code}</c>.</summary>
public sealed record Cohort(string Id, string Code, string Name, int GraduationYear, DateTimeOffset StudentDeadline,
    DateTimeOffset ReviewDeadline, bool RequireSchoolReview)
{
    public static string StreamKey(string code) => $"cohort:{code}";

    public static Cohort Create(CohortCreated e) =>
        new(StreamKey(e.Code), e.Code, e.Name, e.GraduationYear, e.StudentDeadline, e.ReviewDeadline, e.RequireSchoolReview);

    public Cohort Apply(CohortChanged e) => this with
    {
        Name = e.Name,
        GraduationYear = e.GraduationYear,
        StudentDeadline = e.StudentDeadline,
        ReviewDeadline = e.ReviewDeadline,
        RequireSchoolReview = e.RequireSchoolReview,
    };

    public CohortSaved ToContract() => new(Code, Name, GraduationYear, StudentDeadline, ReviewDeadline, RequireSchoolReview);
}

public sealed record CohortCreated(string Code, string Name, int GraduationYear, DateTimeOffset StudentDeadline,
    DateTimeOffset ReviewDeadline, bool RequireSchoolReview) : IAuditedEvent
{
    public AuditDescription Describe() => new($"新增届次 {Code} {Name}（学生截止 {StudentDeadline:yyyy-MM-dd}，审核截止 {ReviewDeadline:yyyy-MM-dd}）");
}

public sealed record CohortChanged(string Code, string Name, int GraduationYear, DateTimeOffset StudentDeadline,
    DateTimeOffset ReviewDeadline, bool RequireSchoolReview, IReadOnlyList<FieldChange> Changes) : IAuditedEvent
{
    public AuditDescription Describe() => new($"修改届次 {Code} {Name}", Changes: Changes);
}
