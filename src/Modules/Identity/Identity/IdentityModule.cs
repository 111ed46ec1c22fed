using BuildingBlocks.Modules;
using Identity.Colleges;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Identity;

/// <summary>Accounts, login, tokens, lockout, password reset, WeChat binding.</summary>
public sealed class IdentityModule : IModule
{
    public string Name => "identity";

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
    }

    public void ConfigureMarten(StoreOptions options)
    {
        options.DocumentInModuleSchema<KnownCollege>(this);
        options.AddAuditTrail(this);
    }
}
