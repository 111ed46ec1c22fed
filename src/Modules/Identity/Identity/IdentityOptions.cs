using Microsoft.Extensions.Configuration;

namespace Identity;

/// <summary>The module's settings (<c>Identity:*</c>), read once at start.</summary>
public sealed class IdentityOptions
{
    /// <summary>How long a lock lasts (<c>Identity:Lockout:Minutes</c>, default 30; 0 = until staff unlock).</summary>
    public TimeSpan Lockout { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>Login and reset requests per client address per minute (<c>Identity:RateLimit:PerMinute</c>, default 600).</summary>
    public int RateLimitPerMinute { get; init; } = 600;

    /// <summary>The key of the fast keyed hash of default passwords (<c>Identity:DefaultPasswordKey</c>).</summary>
    public required byte[] DefaultPasswordKey { get; init; }

    public string? BootstrapUserName { get; init; }
    public string? BootstrapPassword { get; init; }

    public string WeChatAppId { get; init; } = "";
    public string WeChatSecret { get; init; } = "";
    public string WeChatBaseUrl { get; init; } = "https://api.weixin.qq.com/";

    public static IdentityOptions From(IConfiguration configuration)
    {
        // The default-password key must stay the same across restarts and nodes, or default passwords stop working:
        // its own setting, else the token signing key, else (Development) a fixed development key.
        var key = configuration["Identity:DefaultPasswordKey"];
        if (string.IsNullOrWhiteSpace(key)) key = configuration["Identity:Jwt:SigningKey"];
        if (string.IsNullOrWhiteSpace(key)) key = "gsv-development-default-password-key";
        var baseUrl = configuration["Identity:WeChat:BaseUrl"];
        return new IdentityOptions
        {
            Lockout = TimeSpan.FromMinutes(configuration.GetValue<double?>("Identity:Lockout:Minutes") ?? 30),
            RateLimitPerMinute = configuration.GetValue<int?>("Identity:RateLimit:PerMinute") ?? 600,
            DefaultPasswordKey = System.Text.Encoding.UTF8.GetBytes(key),
            BootstrapUserName = NullIfEmpty(configuration["Identity:Bootstrap:Username"]),
            BootstrapPassword = NullIfEmpty(configuration["Identity:Bootstrap:Password"]),
            WeChatAppId = configuration["Identity:WeChat:AppId"] ?? "",
            WeChatSecret = configuration["Identity:WeChat:Secret"] ?? "",
            WeChatBaseUrl = string.IsNullOrWhiteSpace(baseUrl) ? "https://api.weixin.qq.com/" : baseUrl.TrimEnd('/') + "/",
        };
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
