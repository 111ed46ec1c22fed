using BuildingBlocks.Actors;
using FastEndpoints;
using Marten;

namespace Notifications.Inbox.ListNotifications;

public sealed record NotificationView(Guid Id, string Kind, string Title, string Body, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt);

/// <summary>The caller's own notifications, newest first.</summary>
internal sealed class ListNotificationsEndpoint(IQuerySession session) : EndpointWithoutRequest<IReadOnlyList<NotificationView>>
{
    public override void Configure()
    {
        Get("/api/notifications");
        Summary(s => s.Summary = "我的消息（最新在前）");
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var user = ActorContext.Current!.UserName;
        var items = await session.Query<Notification>().Where(n => n.UserName == user)
            .OrderByDescending(n => n.CreatedAt).Take(200).ToListAsync(ct);
        await Send.OkAsync(items.Select(n => new NotificationView(n.Id, n.Kind, n.Title, n.Body, n.CreatedAt, n.ReadAt)).ToList(), ct);
    }
}
