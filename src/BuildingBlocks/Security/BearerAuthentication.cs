using BuildingBlocks.Actors;
using BuildingBlocks.Problems;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;

namespace BuildingBlocks.Security;

/// <summary>Decides whether a token's security stamp is still current (a password change makes older tokens stop working).</summary>
public interface ISecurityStampValidator
{
    ValueTask<bool> IsCurrentAsync(string userName, string stamp, CancellationToken ct);
}

public static class BearerAuthentication
{
    public static IServiceCollection AddBearerAuthentication(this IServiceCollection services, JwtSettings jwt)
    {
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(o =>
            {
                o.MapInboundClaims = false;
                o.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = JwtSettings.Issuer,
                    ValidAudience = JwtSettings.Audience,
                    IssuerSigningKey = jwt.SigningKey,
                    NameClaimType = ActorClaims.UserName,
                    RoleClaimType = ActorClaims.Role,
                    ClockSkew = TimeSpan.FromSeconds(30),
                };
                o.Events = new JwtBearerEvents
                {
                    OnTokenValidated = async context =>
                    {
                        var validator = context.HttpContext.RequestServices.GetService<ISecurityStampValidator>();
                        if (validator is null) return;
                        var user = context.Principal?.FindFirst(ActorClaims.UserName)?.Value;
                        var stamp = context.Principal?.FindFirst(ActorClaims.SecurityStamp)?.Value;
                        if (user is null || stamp is null || !await validator.IsCurrentAsync(user, stamp, context.HttpContext.RequestAborted))
                            context.Fail("令牌已失效");
                    },
                    OnChallenge = async context =>
                    {
                        context.HandleResponse();
                        await Problem.WriteAsync(context.HttpContext, Problem.Create(401, ProblemCodes.Unauthenticated,
                            "未登录或登录已失效，请重新登录。", context: context.HttpContext));
                    },
                    OnForbidden = context => Problem.WriteAsync(context.HttpContext, Problem.Create(403, ProblemCodes.Forbidden,
                        "当前角色无权执行此操作。", context: context.HttpContext)),
                };
            });
        services.AddAuthorization();
        return services;
    }
}
