using BuildingBlocks.Modules;
using JasperFx.Events.Projections;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SourceRecords.Colleges;

namespace SourceRecords;

/// <summary>The school record (学校库): colleges, cohorts, reference data, records, import/export, reports.</summary>
public sealed class SourceRecordsModule : IModule
{
    public string Name => "sourcerecords";

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
    }

    public void ConfigureMarten(StoreOptions options)
    {
        options.Projections.Snapshot<College>(SnapshotLifecycle.Inline);
        options.DocumentInModuleSchema<College>(this);
        options.AddAuditTrail(this);
    }
}
