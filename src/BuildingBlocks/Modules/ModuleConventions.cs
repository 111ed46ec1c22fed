using BuildingBlocks.Audit;
using JasperFx.Events.Projections;
using Marten;

namespace BuildingBlocks.Modules;

public static class ModuleConventions
{
    /// <summary>Documents of a module live in the module's own schema; events share the one event store.</summary>
    public static StoreOptions DocumentInModuleSchema<T>(this StoreOptions options, IModule module)
    {
        options.Schema.For<T>().DatabaseSchemaName(module.Name);
        return options;
    }

    /// <summary>Projects the module's events into audit rows inline (the audit convention).</summary>
    public static StoreOptions AddAuditTrail(this StoreOptions options, IModule module)
    {
        options.Projections.Add(new AuditTrailProjection(module.Name, module.GetType().Assembly), ProjectionLifecycle.Inline);
        return options;
    }
}
