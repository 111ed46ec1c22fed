using Marten;

namespace BuildingBlocks.Audit;

/// <summary>Where audit rows live and how they are indexed for the office's audit query.</summary>
public static class AuditStore
{
    public const string Schema = "audit";

    private static Action<Marten.Schema.DocumentIndex> WithSequence(string column) => index => index.Columns = [column, "sequence"];

    public static void Configure(StoreOptions options)
    {
        // The audit query filters by one of student, college, actor or type and pages newest first: each of those
        // indexes carries the sequence too, so a page stays an index range scan at millions of rows.
        options.Schema.For<AuditEntry>()
            .DatabaseSchemaName(Schema)
            .Duplicate(x => x.Sequence)
            .Duplicate(x => x.At)
            .Duplicate(x => x.StudentNumber!, configure: WithSequence("student_number"))
            .Duplicate(x => x.CollegeCode!, configure: WithSequence("college_code"))
            .Duplicate(x => x.Actor, configure: WithSequence("actor"))
            .Duplicate(x => x.Type, configure: WithSequence("type"));
    }
}
