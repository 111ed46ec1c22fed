using BuildingBlocks.Modules;
using JasperFx.Events.Projections;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Review.Inbound;
using Review.Verifications;

namespace Review;

/// <summary>Verification streams (核验), the reviewers' queue, the office's audit query and replay.</summary>
public sealed class ReviewModule : IModule
{
    public string Name => "review";

    public void AddServices(IServiceCollection services, IConfiguration configuration) =>
        services.AddSingleton<FieldCatalogueClient>();

    public void ConfigureMarten(StoreOptions options)
    {
        options.Projections.Snapshot<Verification>(SnapshotLifecycle.Inline);
        options.Schema.For<Verification>()
            .DatabaseSchemaName(Name)
            .Duplicate(v => v.CollegeCode)
            .Duplicate(v => v.Cohort)
            .Duplicate(v => v.StudentNumber)
            .Duplicate(v => v.SubmittedAt!);
        options.DocumentInModuleSchema<SchoolRecordCopy>(this);
        options.DocumentInModuleSchema<CohortCopy>(this);
        options.AddAuditTrail(this);
    }
}
