using System.Diagnostics;
using System.Text.Json.Serialization;
using BuildingBlocks.Actors;
using BuildingBlocks.Problems;
using FastEndpoints;
using Marten;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using SourceRecords.Cohorts;
using SourceRecords.Fields;
using SourceRecords.Records;
using Wolverine;

namespace SourceRecords.Import.ImportRecords;

internal sealed record ImportRecordsRequest
{
    [QueryParam] public string? Cohort { get; init; }
    [QueryParam] public bool DryRun { get; init; }
    public IFormFile? File { get; init; }
}

public sealed record ImportError(int Row, string? Field, string Message);

/// <summary>Created/updated/unchanged count rows written (or, in a dry run, that would be); when rejected &gt; 0 nothing was written.</summary>
public sealed record ImportResult(int Created, int Updated, int Unchanged, int Rejected, IReadOnlyList<ImportError> Errors, bool DryRun)
{
    /// <summary>The student numbers whose records the import would change (for the review-pending check; not in the answer).</summary>
    [JsonIgnore] public IReadOnlyList<string> Changing { get; init; } = [];
}

internal sealed class ImportRecordsEndpoint(IMessageBus bus, IReviewLock reviewLock, ILogger<ImportRecordsEndpoint> logger) : Endpoint<ImportRecordsRequest, ImportResult>
{
    public override void Configure()
    {
        Post("/api/source-records/import");
        Roles(BuildingBlocks.Actors.Roles.College, BuildingBlocks.Actors.Roles.School);
        AllowFileUploads();
        Summary(s => s.Summary = "导入生源（multipart file: .xlsx 或 UTF-8 .csv，≤ 10 MB）：表头为中文标签或字段名，值为代码或名称；dryRun 只校验；整文件全部成功或全部不写");
    }

    public override async Task HandleAsync(ImportRecordsRequest req, CancellationToken ct)
    {
        var file = req.File ?? (Files.Count > 0 ? Files[0] : null)
            ?? throw ProblemException.Validation("file", "请选择要导入的文件（multipart 字段名 file）");
        SheetReader.EnsureAcceptable(file.FileName, file.Length);
        if (string.IsNullOrWhiteSpace(req.Cohort)) throw ProblemException.Validation("cohort", "请指定导入的届次 cohort");

        var watch = Stopwatch.StartNew();
        byte[] content;
        await using (var stream = file.OpenReadStream())
        {
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer, ct);
            content = buffer.ToArray();
        }
        var rows = SheetReader.Read(file.FileName, content);
        var parsed = watch.Elapsed;
        var command = new ImportRecords(RecordAccess.Current, req.Cohort.Trim(), DryRun: true, Path.GetFileName(file.FileName), rows);
        var result = await bus.InvokeAsync<ImportResult>(command, ct);
        if (!req.DryRun && result.Rejected == 0)
        {
            // Records whose verification waits for review (学生已核) must not change, by import no more than by hand.
            var pending = new HashSet<string>();
            foreach (var studentNumber in result.Changing)
                if (await reviewLock.IsPendingAsync(studentNumber, ct)) pending.Add(studentNumber);
            result = await bus.InvokeAsync<ImportResult>(command with { DryRun = false, PendingReview = pending }, ct);
        }
        else result = result with { DryRun = req.DryRun };
        logger.LogInformation("Import of {File}: {Rows} rows read in {Parse} ms, done in {Total} ms: {Created} created, {Updated} updated, {Unchanged} unchanged, {Rejected} rejected",
            file.FileName, rows.Count, (long)parsed.TotalMilliseconds, watch.ElapsedMilliseconds, result.Created, result.Updated, result.Unchanged, result.Rejected);
        await Send.OkAsync(result, ct);
    }
}

/// <summary>Imports a sheet into a cohort, all or nothing.</summary>
public sealed record ImportRecords(Actor Actor, string Cohort, bool DryRun, string FileName, IReadOnlyList<SheetRow> Rows)
{
    /// <summary>Student numbers whose verification is Submitted: a row that would change one is refused.</summary>
    public IReadOnlySet<string> PendingReview { get; init; } = new HashSet<string>();
}

public static class ImportRecordsHandler
{
    public static async Task<(ImportResult, OutgoingMessages)> Handle(ImportRecords command, IDocumentSession session, TimeProvider clock,
        CancellationToken ct)
    {
        var messages = new OutgoingMessages();
        if (await session.LoadAsync<Cohort>(Cohort.StreamKey(command.Cohort), ct) is null)
            throw ProblemException.Validation("cohort", $"届次不存在：{command.Cohort}");

        var plan = ImportPlanner.Plan(command, await RecordAccess.CollegeCodesAsync(session, ct),
            await LoadExistingAsync(session, command.Rows, ct), DateOnly.FromDateTime(clock.GetLocalNow().DateTime));
        if (plan.Errors.Count > 0)
            return (new ImportResult(0, 0, 0, plan.RejectedRows, plan.Errors, command.DryRun), messages);
        if (command.DryRun)
            return (new ImportResult(plan.Created.Count, plan.Updated.Count, plan.Unchanged, 0, [], true)
            {
                Changing = plan.Updated.Select(u => u.Current.StudentNumber).ToList(),
            }, messages);

        // One transaction for the whole file: events, snapshots, audit rows and outbox messages are batched by Marten.
        foreach (var imported in plan.Created)
        {
            session.Events.StartStream<SourceRecord>(SourceRecord.StreamKey(imported.StudentNumber), imported);
            messages.Add(RecordFacts.Registered(SourceRecord.Create(imported)));
        }
        foreach (var (current, corrected) in plan.Updated)
        {
            session.Events.Append(current.Id, current.Version + 1, corrected);
            messages.Add(RecordFacts.Changed(current.Apply(corrected), corrected.Changes.Select(c => c.Field)));
        }
        return (new ImportResult(plan.Created.Count, plan.Updated.Count, plan.Unchanged, 0, [], false), messages);
    }

    private static async Task<Dictionary<string, SourceRecord>> LoadExistingAsync(IQuerySession session, IReadOnlyList<SheetRow> rows, CancellationToken ct)
    {
        var keys = ImportPlanner.CandidateStudentNumbers(rows).Select(SourceRecord.StreamKey).ToArray();
        if (keys.Length == 0) return [];
        var found = await session.LoadManyAsync<SourceRecord>(ct, keys);
        return found.ToDictionary(r => r.StudentNumber);
    }
}
