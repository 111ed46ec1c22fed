using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;

namespace BuildingBlocks.Modules;

/// <summary>A module's one registration entry point: its services, its Marten and Wolverine options.</summary>
public interface IModule
{
    /// <summary>Short lower-case name; also the module's document schema.</summary>
    string Name { get; }

    void AddServices(IServiceCollection services, IConfiguration configuration);

    void ConfigureMarten(StoreOptions options);

    void ConfigureWolverine(WolverineOptions options) => options.Discovery.IncludeAssembly(GetType().Assembly);
}
