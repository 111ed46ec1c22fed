using System.Reflection;
using BuildingBlocks.Actors;
using Marten;
using Marten.Events.Projections;
using IEvent = JasperFx.Events.IEvent;

namespace BuildingBlocks.Audit;

/// <summary>
/// The convention every module follows: its events are projected inline into <see cref="AuditEntry"/> rows,
/// in the same transaction as the events, so the office's audit query covers every module.
/// </summary>
public sealed partial class AuditTrailProjection : EventProjection
{
    private readonly string _module;
    private readonly Assembly _assembly;

    public AuditTrailProjection(string module, Assembly assembly)
    {
        _module = module;
        _assembly = assembly;
        Name = $"audit-{module}";
    }

    public override ValueTask ApplyAsync(IDocumentOperations operations, IEvent e, CancellationToken cancellation)
    {
        if (e.Data is IAuditedEvent audited && e.EventType.Assembly == _assembly)
            operations.Store(ToEntry(_module, e, audited.Describe()));
        return ValueTask.CompletedTask;
    }

    public static AuditEntry ToEntry(string module, IEvent e, AuditDescription d) => new()
    {
        Id = e.Id,
        Sequence = e.Sequence,
        Stream = e.StreamKey ?? e.StreamId.ToString(),
        StreamVersion = e.Version,
        Module = module,
        Type = e.EventTypeName,
        At = e.Timestamp,
        Actor = e.UserName ?? Actor.System.UserName,
        ActorRole = e.GetHeader(ActorHeaders.Role)?.ToString() ?? Actor.System.Role,
        ActorCollegeCode = e.GetHeader(ActorHeaders.CollegeCode)?.ToString(),
        StudentNumber = d.StudentNumber,
        CollegeCode = d.CollegeCode,
        Summary = d.Summary,
        Reason = d.Reason,
        Changes = d.Changes ?? [],
    };
}
