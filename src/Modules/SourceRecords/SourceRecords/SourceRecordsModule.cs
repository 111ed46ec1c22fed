using BuildingBlocks.Modules;
using JasperFx.Events.Projections;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SourceRecords.Cohorts;
using SourceRecords.Colleges;
using SourceRecords.Records;

namespace SourceRecords;

/// <summary>The school record (学校库): colleges, cohorts, reference data, records, import/export, reports.</summary>
public sealed class SourceRecordsModule : IModule
{
    public string Name => "sourcerecords";

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<IReviewLock, ReviewLock>();
        services.AddHostedService<Demo.DemoSeedService>();
    }

    public void ConfigureMarten(StoreOptions options)
    {
        options.Projections.Snapshot<College>(SnapshotLifecycle.Inline);
        options.DocumentInModuleSchema<College>(this);
        options.Projections.Snapshot<Cohort>(SnapshotLifecycle.Inline);
        options.DocumentInModuleSchema<Cohort>(this);
        options.Schema.For<Inbound.VerificationStatusCopy>().DatabaseSchemaName(Name).Duplicate(s => s.Status);
        options.Projections.Snapshot<SourceRecord>(SnapshotLifecycle.Inline);
        options.DocumentInModuleSchema<SourceRecord>(this);
        options.Schema.For<SourceRecord>()
            .Duplicate(r => r.StudentNumber)
            .Duplicate(r => r.Cohort)
            .Duplicate(r => r.CollegeCode)
            .Duplicate(r => r.Deleted);
        options.AddAuditTrail(this);
    }
}
