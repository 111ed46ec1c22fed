using System.IdentityModel.Tokens.Jwt;
using System.Security.Claims;
using BuildingBlocks.Actors;

namespace BuildingBlocks.Security;

/// <summary>Issues the bearer tokens that <see cref="BearerAuthentication"/> checks.</summary>
public static class TokenIssuer
{
    public static (string Token, DateTimeOffset ExpiresAt) Issue(JwtSettings jwt, string userName, string displayName,
        string role, string? collegeCode, string securityStamp, DateTimeOffset now)
    {
        var expiresAt = now.Add(jwt.Lifetime);
        var claims = new List<Claim>
        {
            new(ActorClaims.UserName, userName),
            new(ActorClaims.DisplayName, displayName),
            new(ActorClaims.Role, role),
            new(ActorClaims.SecurityStamp, securityStamp),
            new(JwtRegisteredClaimNames.Jti, Guid.NewGuid().ToString("N")),
        };
        if (collegeCode is not null) claims.Add(new Claim(ActorClaims.CollegeCode, collegeCode));
        var token = new JwtSecurityToken(JwtSettings.Issuer, JwtSettings.Audience, claims,
            now.UtcDateTime, expiresAt.UtcDateTime, jwt.Credentials);
        return (new JwtSecurityTokenHandler().WriteToken(token), expiresAt);
    }
}
