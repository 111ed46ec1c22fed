using System.Text;
using BuildingBlocks.Actors;
using BuildingBlocks.Audit;
using FastEndpoints;
using Marten;

namespace Review.Audit.AuditEvents;

internal sealed record AuditQuery(string? StudentNumber, string? Actor, string? CollegeCode, string? Type, DateTimeOffset? From,
    DateTimeOffset? To, int Page = 1, int PageSize = 50);

public sealed record AuditItem(long Sequence, string Stream, string Module, string Type, DateTimeOffset At, string Actor, string ActorRole,
    string? StudentNumber, string? CollegeCode, string Summary, string? Reason, IReadOnlyList<FieldChange> Changes);

public sealed record AuditPage(IReadOnlyList<AuditItem> Items, int Total, int Page, int PageSize);

/// <summary>
/// The admissions office's audit query: every event of every stream of every module, newest first.
/// ID numbers and phone numbers are masked here; a student's own history shows them in full.
/// </summary>
internal sealed class AuditEventsEndpoint(IQuerySession session) : Endpoint<AuditQuery, AuditPage>
{
    public override void Configure()
    {
        Get("/api/audit/events");
        Roles(BuildingBlocks.Actors.Roles.School);
        Summary(s => s.Summary = "审计查询（全部事件，最新在前）");
    }

    public override async Task HandleAsync(AuditQuery req, CancellationToken ct)
    {
        var page = Math.Max(1, req.Page);
        var pageSize = Math.Clamp(req.PageSize, 1, 500);
        var query = Filter(session, req);
        // A separate count: an index-only scan, where a window count would read every matching row's document.
        var total = await query.CountAsync(ct);
        var rows = await query.Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        await Send.OkAsync(new AuditPage(rows.Select(ToItem).ToList(), total, page, pageSize), ct);
    }

    internal static IQueryable<AuditEntry> Filter(IQuerySession session, AuditQuery req)
    {
        IQueryable<AuditEntry> query = session.Query<AuditEntry>();
        if (!string.IsNullOrWhiteSpace(req.StudentNumber)) query = query.Where(a => a.StudentNumber == req.StudentNumber);
        if (!string.IsNullOrWhiteSpace(req.Actor)) query = query.Where(a => a.Actor == req.Actor);
        if (!string.IsNullOrWhiteSpace(req.CollegeCode)) query = query.Where(a => a.CollegeCode == req.CollegeCode);
        if (!string.IsNullOrWhiteSpace(req.Type)) query = query.Where(a => a.Type == req.Type);
        if (req.From is { } from) query = query.Where(a => a.At >= from);
        if (req.To is { } to) query = query.Where(a => a.At < to);
        return query.OrderByDescending(a => a.Sequence);
    }

    internal static AuditItem ToItem(AuditEntry a) => new(a.Sequence, a.Stream, a.Module, a.Type, a.At, a.Actor, a.ActorRole,
        a.StudentNumber, a.CollegeCode, a.Summary, a.Reason,
        a.Changes.Select(c => new FieldChange(c.Field, Masking.Mask(c.Field, c.From), Masking.Mask(c.Field, c.To))).ToList());
}

/// <summary>The same query as CSV (UTF-8 with BOM for Excel), at most 100,000 rows.</summary>
internal sealed class AuditEventsCsvEndpoint(IQuerySession session) : Endpoint<AuditQuery>
{
    public override void Configure()
    {
        Get("/api/audit/events.csv");
        Roles(BuildingBlocks.Actors.Roles.School);
        Summary(s => s.Summary = "审计查询导出 CSV");
    }

    public override async Task HandleAsync(AuditQuery req, CancellationToken ct)
    {
        var csv = new StringBuilder();
        csv.Append('\uFEFF').AppendLine("序号,时间,模块,事件,操作人,角色,学号,学院,摘要,原因,字段变更");
        await foreach (var a in AuditEventsEndpoint.Filter(session, req).Take(100_000).ToAsyncEnumerable(ct))
        {
            var item = AuditEventsEndpoint.ToItem(a);
            var changes = string.Join("; ", item.Changes.Select(c => $"{c.Field}: {c.From} → {c.To}"));
            csv.AppendJoin(',', new[]
            {
                item.Sequence.ToString(), item.At.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm:ss"), item.Module, item.Type,
                item.Actor, item.ActorRole, item.StudentNumber, item.CollegeCode, item.Summary, item.Reason, changes,
            }.Select(Csv.Cell)).AppendLine();
        }
        await Send.BytesAsync(Encoding.UTF8.GetBytes(csv.ToString()), "audit-events.csv", "text/csv; charset=utf-8", cancellation: ct);
    }
}

internal static class Csv
{
    /// <summary>A CSV cell, quoted, with formula injection (= + - @ at the start) defused for spreadsheets.</summary>
    public static string Cell(string? value)
    {
        var v = value ?? "";
        if (v.Length > 0 && "=+-@\t\r".Contains(v[0])) v = "'" + v;
        return "\"" + v.Replace("\"", "\"\"") + "\"";
    }
}

internal static class Masking
{
    public static string? Mask(string field, string? value) => field switch
    {
        "idNumber" when value is { Length: > 8 } => value[..4] + new string('*', value.Length - 8) + value[^4..],
        "mobile" when value is { Length: 11 } => value[..3] + "****" + value[^4..],
        _ => value,
    };
}
