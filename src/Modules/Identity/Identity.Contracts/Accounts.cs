namespace Identity.Contracts;

/// <summary>
/// A user asked to reset a forgotten password (忘记密码): Notifications delivers the one-time code on the
/// user's bound channel (WeChat when bound, else e-mail, else the in-app inbox).
/// </summary>
public sealed record PasswordResetRequested(string UserName, string Code, DateTimeOffset ExpiresAt, string? WeChatOpenId, string? Email)
{
    /// <summary>Messages are logged with their text (e.g. on failure): never the code.</summary>
    public override string ToString() => $"PasswordResetRequested {{ UserName = {UserName}, ExpiresAt = {ExpiresAt:O} }}";
}
