using BuildingBlocks.Modules;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Review;

/// <summary>Verification streams (核验), the reviewers' queue, the office's audit query and replay.</summary>
public sealed class ReviewModule : IModule
{
    public string Name => "review";

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
    }

    public void ConfigureMarten(StoreOptions options) => options.AddAuditTrail(this);
}
