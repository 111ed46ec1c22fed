using Marten;
using Review.Contracts;
using Review.Verifications;

namespace Review.Requests;

/// <summary>Answers SourceRecords, which refuses staff edits of a record while its verification is Submitted.</summary>
public static class GetVerificationStatusHandler
{
    public static async Task<VerificationStatusReply> Handle(GetVerificationStatus request, IQuerySession session, CancellationToken ct)
    {
        var v = await session.LoadAsync<Verification>(Verification.StreamKey(request.StudentNumber), ct);
        var status = v is null || v.Archived ? VerificationStatus.NotStarted : v.Status;
        return new VerificationStatusReply(request.StudentNumber, status.ToString());
    }
}
