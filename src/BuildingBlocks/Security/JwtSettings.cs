using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.IdentityModel.Tokens;

namespace BuildingBlocks.Security;

/// <summary>Token settings (<c>Identity:Jwt:*</c>): shared by the Identity module that issues tokens and the Host that checks them.</summary>
public sealed class JwtSettings
{
    public const string Issuer = "gsv";
    public const string Audience = "gsv-api";

    public required SymmetricSecurityKey SigningKey { get; init; }
    public TimeSpan Lifetime { get; init; } = TimeSpan.FromHours(8);

    public SigningCredentials Credentials => new(SigningKey, SecurityAlgorithms.HmacSha256);

    public static JwtSettings FromConfiguration(IConfiguration configuration, bool isDevelopment)
    {
        var key = configuration["Identity:Jwt:SigningKey"];
        if (string.IsNullOrWhiteSpace(key))
        {
            if (!isDevelopment)
                throw new InvalidOperationException("缺少令牌签名密钥：生产环境必须设置 Identity:Jwt:SigningKey (环境变量 Identity__Jwt__SigningKey)，至少 32 个字符。");
            // Development without a key: a fresh random key; tokens end with the process.
            key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));
        }
        if (Encoding.UTF8.GetByteCount(key) < 32)
            throw new InvalidOperationException("Identity:Jwt:SigningKey 太短：至少 32 个字符。");

        var hours = configuration.GetValue<double?>("Identity:Jwt:LifetimeHours") ?? 8;
        return new JwtSettings
        {
            SigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key)),
            Lifetime = TimeSpan.FromHours(hours),
        };
    }
}
