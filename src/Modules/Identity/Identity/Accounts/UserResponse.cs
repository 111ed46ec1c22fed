namespace Identity.Accounts;

/// <summary>The <c>user</c> object of login and <c>GET /api/auth/me</c> (API.md).</summary>
public sealed record UserResponse(string Username, string DisplayName, string Role, string? CollegeCode, bool PasswordIsDefault, bool WeChatBound)
{
    public static UserResponse From(Account a) => new(a.UserName, a.DisplayName, a.Role, a.CollegeCode, a.PasswordIsDefault, a.WeChatOpenId is not null);
}

/// <summary>Problem codes of the Identity module.</summary>
public static class IdentityProblems
{
    public const string InvalidCredentials = "auth.invalid-credentials";
    public const string Locked = "auth.locked";
    public const string InvalidResetCode = "auth.invalid-reset-code";
    public const string WrongCurrentPassword = "auth.wrong-password";
    public const string AccountExists = "account.duplicate";
    public const string WeChatFailed = "wechat.exchange-failed";
}
