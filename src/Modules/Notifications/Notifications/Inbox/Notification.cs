namespace Notifications.Inbox;

/// <summary>One message in a user's in-app inbox (消息中心).</summary>
public sealed class Notification
{
    public Guid Id { get; set; }
    public string UserName { get; set; } = "";
    public string Kind { get; set; } = "";
    public string Title { get; set; } = "";
    public string Body { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ReadAt { get; set; }
}
