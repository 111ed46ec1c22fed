using Marten;
using Review.Contracts;

namespace SourceRecords.Inbound;

/// <summary>SourceRecords' copy of each record's verification status (学生已核 …), for the staff list and its filter.</summary>
public sealed class VerificationStatusCopy
{
    public string Id { get; set; } = "";
    public string Status { get; set; } = "NotStarted";
    public long Version { get; set; }
}

public static class VerificationStatusChangedHandler
{
    public static async Task Handle(VerificationStatusChanged m, IDocumentSession session, CancellationToken ct)
    {
        var copy = await session.LoadAsync<VerificationStatusCopy>(m.StudentNumber, ct);
        // Messages may arrive out of order: only a newer version wins.
        if (copy is not null && copy.Version >= m.Version) return;
        session.Store(new VerificationStatusCopy { Id = m.StudentNumber, Status = m.Status, Version = m.Version });
    }
}
