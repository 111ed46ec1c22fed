using BuildingBlocks.Actors;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SourceRecords.Cohorts.SaveCohort;
using SourceRecords.Colleges;
using SourceRecords.Colleges.RegisterCollege;
using SourceRecords.Fields;
using SourceRecords.Import;
using SourceRecords.Import.ImportRecords;
using SourceRecords.Records;
using Wolverine;

namespace SourceRecords.Demo;

/// <summary>
/// Seeds the demo university through the same commands the API uses (so the contract messages go out and Identity
/// creates the student accounts). Runs once: only on an empty school record.
/// </summary>
public static class DemoSeed
{
    public static async Task<int> RunAsync(IServiceProvider services, CancellationToken ct)
    {
        using var scope = services.CreateScope();
        var session = scope.ServiceProvider.GetRequiredService<IQuerySession>();
        if (await session.Query<SourceRecord>().AnyAsync(ct)) return 0;

        using var _ = ActorContext.Use(Actor.System);
        var bus = scope.ServiceProvider.GetRequiredService<IMessageBus>();
        var existing = (await session.Query<College>().Select(c => c.Code).ToListAsync(ct)).ToHashSet();
        foreach (var college in DemoUniversity.Colleges.Where(c => !existing.Contains(c.Code)))
            await bus.InvokeAsync<CollegeResponse>(new RegisterCollege(college.Code, college.Name), ct);
        var offset = TimeSpan.FromHours(8);
        await bus.InvokeAsync<SaveCohortResult>(new SaveCohort(DemoUniversity.Cohort, "2026届本科毕业生", 2026,
            new DateTimeOffset(2026, 4, 30, 23, 59, 0, offset), new DateTimeOffset(2026, 5, 15, 23, 59, 0, offset), true), ct);
        await bus.InvokeAsync<SaveCohortResult>(new SaveCohort("2027", "2027届本科毕业生", 2027,
            new DateTimeOffset(2027, 4, 30, 23, 59, 0, offset), new DateTimeOffset(2027, 5, 15, 23, 59, 0, offset), true), ct);

        var students = DemoUniversity.Students();
        var rows = new List<SheetRow> { new(1, FieldCatalogue.Fields.Select(f => (string?)f.Field).ToList()) };
        rows.AddRange(students.Select((s, i) => new SheetRow(i + 2, FieldCatalogue.Fields.Select(f => s.GetValueOrDefault(f.Field)).ToList())));
        var result = await bus.InvokeAsync<ImportResult>(new ImportRecords(Actor.System, DemoUniversity.Cohort, false, "demo-seed", rows), ct);
        if (result.Rejected > 0)
            throw new InvalidOperationException("Demo seed rejected: " + string.Join("; ", result.Errors.Take(5).Select(e => $"{e.Row} {e.Field} {e.Message}")));
        return result.Created;
    }
}

/// <summary>In Development (unless <c>SourceRecords:DemoSeed</c> is false) seeds the demo university once the host has started.</summary>
internal sealed class DemoSeedService(IServiceProvider services, IHostEnvironment environment, IConfiguration configuration,
    IHostApplicationLifetime lifetime, ILogger<DemoSeedService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!environment.IsDevelopment() || !configuration.GetValue("SourceRecords:DemoSeed", true)) return;
        var started = new TaskCompletionSource();
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
            await started.Task.WaitAsync(stoppingToken);
        try
        {
            var created = await DemoSeed.RunAsync(services, stoppingToken);
            if (created > 0)
                logger.LogInformation("Demo data: {Count} students in {Colleges} colleges, cohort {Cohort} (disable with SourceRecords__DemoSeed=false)",
                    created, DemoUniversity.Colleges.Count, DemoUniversity.Cohort);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Demo seed failed");
        }
    }
}
