namespace Review.Inbound;

/// <summary>Review's copy of a student's school record (学校库) values, kept from SourceRecords' messages.</summary>
public sealed class SchoolRecordCopy
{
    public string Id { get; set; } = "";
    public string Cohort { get; set; } = "";
    public string CollegeCode { get; set; } = "";
    public Dictionary<string, string?> Values { get; set; } = [];
    public bool Deleted { get; set; }
}

/// <summary>Review's copy of a cohort's deadlines and review rule.</summary>
public sealed class CohortCopy
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public DateTimeOffset StudentDeadline { get; set; }
    public DateTimeOffset ReviewDeadline { get; set; }
    public bool RequireSchoolReview { get; set; }
}
