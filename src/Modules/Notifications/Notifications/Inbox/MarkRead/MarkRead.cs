using BuildingBlocks.Actors;
using BuildingBlocks.Problems;
using FastEndpoints;
using Marten;

namespace Notifications.Inbox.MarkRead;

internal sealed record MarkReadRequest(Guid Id);

/// <summary>Marks one of the caller's own notifications read; anybody else's answers 404.</summary>
internal sealed class MarkReadEndpoint(IDocumentSession session, TimeProvider clock) : Endpoint<MarkReadRequest>
{
    public override void Configure()
    {
        Post("/api/notifications/{id}/read");
        Summary(s => s.Summary = "标记消息已读");
    }

    public override async Task HandleAsync(MarkReadRequest req, CancellationToken ct)
    {
        var notification = await session.LoadAsync<Notification>(req.Id, ct);
        if (notification is null || notification.UserName != ActorContext.Current!.UserName)
            throw ProblemException.NotFound("消息不存在。");
        notification.ReadAt ??= clock.GetUtcNow();
        session.Store(notification);
        await session.SaveChangesAsync(ct);
        await Send.NoContentAsync(ct);
    }
}
