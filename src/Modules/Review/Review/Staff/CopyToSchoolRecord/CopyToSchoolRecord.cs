using BuildingBlocks.Actors;
using BuildingBlocks.Audit;
using BuildingBlocks.Problems;
using FastEndpoints;
using Marten;
using Review.Inbound;
using Review.Verifications;
using SourceRecords.Contracts;
using Wolverine;

namespace Review.Staff.CopyToSchoolRecord;

internal sealed record CopyRequest(string StudentNumber, long? ExpectedVersion);

public sealed record CopyResult(string StudentNumber, IReadOnlyList<FieldChange> Copied, long RecordVersion, long Version);

/// <summary>
/// 复制学生核验信息到学校库: SourceRecords applies exactly the proposed values that differ; when this returns the
/// school record holds them, and the copy is recorded in both streams.
/// </summary>
internal sealed class CopyToSchoolRecordEndpoint(IQuerySession session, IMessageBus bus) : Endpoint<CopyRequest, CopyResult>
{
    public override void Configure()
    {
        Post("/api/reviews/{studentNumber}/copy-to-school-record");
        Roles(BuildingBlocks.Actors.Roles.College, BuildingBlocks.Actors.Roles.School);
        Summary(s => s.Summary = "复制学生核验信息到学校库");
    }

    public override async Task HandleAsync(CopyRequest req, CancellationToken ct)
    {
        var actor = ActorContext.Current!;
        var expected = req.ExpectedVersion ?? throw ProblemException.Validation("expectedVersion", "缺少 expectedVersion（当前版本号）");
        var v = await session.LoadAsync<Verification>(Verification.StreamKey(req.StudentNumber), ct) ?? throw ReviewScope.NotFound();
        ReviewScope.EnsureCanAct(actor, v);
        // Refuse before touching the school record: the version and state checks are repeated when the copy is recorded.
        if (v.Version != expected)
            throw ProblemException.Conflict(ProblemCodes.VersionConflict, "数据已被他人修改，请刷新后重试。");
        if (v.Status != VerificationStatus.Submitted)
            throw ProblemException.Conflict(VerificationCodes.InvalidState, $"当前状态为“{Verification.Label(v.Status)}”，不能复制到学校库。");

        var record = await session.LoadAsync<SchoolRecordCopy>(req.StudentNumber, ct);
        var school = record?.Values ?? [];
        var differing = v.Proposed
            .Where(p => VerificationDecider.Normalize(p.Value) != VerificationDecider.Normalize(school.GetValueOrDefault(p.Key)))
            .ToDictionary(p => p.Key, p => VerificationDecider.Normalize(p.Value));

        IReadOnlyList<FieldChange> applied = [];
        long recordVersion = 0;
        if (differing.Count > 0)
        {
            var reply = await bus.InvokeAsync<VerifiedValuesApplied>(new ApplyVerifiedValues(req.StudentNumber, differing), ct);
            applied = reply.Applied.Select(a => new FieldChange(a.Field, a.From, a.To)).ToList();
            recordVersion = reply.RecordVersion;
        }
        await bus.InvokeAsync(new RecordCopyToSchoolRecord(req.StudentNumber, expected, applied, recordVersion), ct);

        var after = await session.LoadAsync<Verification>(Verification.StreamKey(req.StudentNumber), ct);
        await Send.OkAsync(new CopyResult(req.StudentNumber, applied, recordVersion, after!.Version), ct);
    }
}

public static class RecordCopyToSchoolRecordHandler
{
    public static async Task Handle(RecordCopyToSchoolRecord command, IDocumentSession session, IMessageBus bus, TimeProvider clock, CancellationToken ct)
    {
        await VerificationWrites.ExecuteAsync(session, bus, clock, command.StudentNumber, command.ExpectedVersion, command, ct);

        // Review's copy of the school record follows at once, so approval sees the copied values.
        var record = await session.LoadAsync<SchoolRecordCopy>(command.StudentNumber, ct);
        if (record is null || command.Applied.Count == 0) return;
        foreach (var change in command.Applied) record.Values[change.Field] = change.To;
        session.Store(record);
    }
}
