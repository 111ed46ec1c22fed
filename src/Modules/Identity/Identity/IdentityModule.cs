using System.Threading.RateLimiting;
using BuildingBlocks.Modules;
using BuildingBlocks.Security;
using Identity.Accounts;
using Identity.Bootstrap;
using Identity.Colleges;
using Identity.WeChat;
using JasperFx.Events.Projections;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;

namespace Identity;

/// <summary>Accounts, login, tokens, lockout, password reset, WeChat binding.</summary>
public sealed class IdentityModule : IModule
{
    /// <summary>The per-client-address limit on login and password-reset requests.</summary>
    public const string AuthRateLimitPolicy = "identity-auth";

    public string Name => "identity";

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        var options = IdentityOptions.From(configuration);
        services.AddSingleton(options);
        services.AddSingleton<Passwords>();
        services.AddSingleton<SecurityStamps>();
        services.AddSingleton<ISecurityStampValidator>(sp => sp.GetRequiredService<SecurityStamps>());
        services.AddHttpClient<IWeChatGateway, WeChatHttpGateway>(c => c.Timeout = TimeSpan.FromSeconds(10));
        services.AddHostedService<BootstrapAccount>();

        // A whole campus may log in from one NAT address: generous per address; the per-account lockout does the rest.
        services.AddRateLimiter(o => o.AddPolicy(AuthRateLimitPolicy, context =>
            RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = Math.Max(1, options.RateLimitPerMinute),
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                })));
    }

    public void ConfigureMarten(StoreOptions options)
    {
        options.DocumentInModuleSchema<KnownCollege>(this);
        options.Projections.Snapshot<Account>(SnapshotLifecycle.Inline);
        options.DocumentInModuleSchema<Account>(this);
        options.Schema.For<Account>()
            .Duplicate(x => x.Role)
            .Duplicate(x => x.CollegeCode!)
            .Duplicate(x => x.Cohort!);
        options.AddAuditTrail(this);
    }

    public void ConfigureWolverine(WolverineOptions options)
    {
        options.Discovery.IncludeAssembly(GetType().Assembly);
        options.Policies.Add(new QuietRefusals());
    }
}
