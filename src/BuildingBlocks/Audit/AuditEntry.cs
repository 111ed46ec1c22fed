namespace BuildingBlocks.Audit;

/// <summary>One row of the audit trail: one per event of every stream of every module.</summary>
public sealed class AuditEntry
{
    /// <summary>The event id.</summary>
    public Guid Id { get; set; }
    public long Sequence { get; set; }
    public string Stream { get; set; } = "";
    public long StreamVersion { get; set; }
    public string Module { get; set; } = "";
    public string Type { get; set; } = "";
    public DateTimeOffset At { get; set; }
    public string Actor { get; set; } = "";
    public string ActorRole { get; set; } = "";
    public string? ActorCollegeCode { get; set; }
    /// <summary>The student the event is about (not the actor), when it is about one.</summary>
    public string? StudentNumber { get; set; }
    /// <summary>The college the event is about, for the college filter.</summary>
    public string? CollegeCode { get; set; }
    public string Summary { get; set; } = "";
    public string? Reason { get; set; }
    public IReadOnlyList<FieldChange> Changes { get; set; } = [];
}

/// <summary>A field's value before and after an event.</summary>
public sealed record FieldChange(string Field, string? From, string? To);

/// <summary>What an event says about itself for the audit trail; every stream event implements it.</summary>
public interface IAuditedEvent
{
    AuditDescription Describe();
}

/// <summary>The audit facts an event contributes; actor and time come from the event metadata.</summary>
public sealed record AuditDescription(string Summary, string? StudentNumber = null, string? CollegeCode = null,
    string? Reason = null, IReadOnlyList<FieldChange>? Changes = null);
