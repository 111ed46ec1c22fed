using Marten;

namespace BuildingBlocks.Audit;

/// <summary>Where audit rows live and how they are indexed for the office's audit query.</summary>
public static class AuditStore
{
    public const string Schema = "audit";

    public static void Configure(StoreOptions options)
    {
        options.Schema.For<AuditEntry>()
            .DatabaseSchemaName(Schema)
            .Duplicate(x => x.Sequence)
            .Duplicate(x => x.At)
            .Duplicate(x => x.StudentNumber!)
            .Duplicate(x => x.CollegeCode!)
            .Duplicate(x => x.Actor)
            .Duplicate(x => x.Type);
    }
}
