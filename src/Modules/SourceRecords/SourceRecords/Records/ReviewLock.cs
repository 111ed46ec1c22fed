using Review.Contracts;
using Wolverine;

namespace SourceRecords.Records;

/// <summary>
/// Whether a student's verification waits for review (Submitted), when staff edits of the record are refused.
/// Known only through Review's contract (<see cref="GetVerificationStatus"/>), never Review's internals.
/// </summary>
internal interface IReviewLock
{
    Task<bool> IsPendingAsync(string studentNumber, CancellationToken ct);
}

internal sealed class ReviewLock(IMessageBus bus) : IReviewLock
{
    public async Task<bool> IsPendingAsync(string studentNumber, CancellationToken ct)
    {
        var reply = await bus.InvokeAsync<VerificationStatusReply>(new GetVerificationStatus(studentNumber), ct);
        return reply.Status == "Submitted";
    }
}
