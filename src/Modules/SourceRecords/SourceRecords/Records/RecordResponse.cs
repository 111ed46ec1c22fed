using JasperFx.Events;
using Marten;
using SourceRecords.Fields;

namespace SourceRecords.Records;

/// <summary>A record as the API shows it: every catalogue field, codes as strings.</summary>
public sealed record RecordResponse(string StudentNumber, string Cohort, Dictionary<string, string?> Fields,
    string VerificationStatus, long Version, bool Deleted, string? DeletedReason, string? DeletedNote)
{
    public static RecordResponse From(SourceRecord r, string verificationStatus = SourceRecord.NotStarted) => new(r.StudentNumber, r.Cohort,
        FieldCatalogue.Fields.ToDictionary(f => f.Field, f => r.Fields.GetValueOrDefault(f.Field)),
        verificationStatus, r.Version, r.Deleted, r.DeletedReason, r.DeletedNote);
}

/// <summary>Fetching a record stream for a staff write, with the scope checked before the version.</summary>
internal static class RecordWriting
{
    public static async Task<IEventStream<SourceRecord>> FetchAsync(IDocumentSession session, string studentNumber,
        long? expectedVersion, BuildingBlocks.Actors.Actor actor, CancellationToken ct, Action<SourceRecord>? check = null)
    {
        var current = await session.LoadAsync<SourceRecord>(SourceRecord.StreamKey(studentNumber), ct) ?? throw RecordAccess.NotFound();
        RecordAccess.EnsureCollege(actor, current.CollegeCode);
        check?.Invoke(current);
        var key = SourceRecord.StreamKey(studentNumber);
        var stream = expectedVersion is { } v
            ? await session.Events.FetchForWriting<SourceRecord>(key, v, ct)
            : await session.Events.FetchForWriting<SourceRecord>(key, ct);
        return stream.Aggregate is null ? throw RecordAccess.NotFound() : stream;
    }

    /// <summary>The record after the events queued on the stream.</summary>
    public static SourceRecord After(IEventStream<SourceRecord> stream, SourceRecord changed)
    {
        changed.Version = stream.CurrentVersion ?? changed.Version + 1;
        return changed;
    }
}
