using BuildingBlocks.Actors;
using FastEndpoints;
using Marten;
using Marten.Linq;
using SourceRecords.Fields;

namespace SourceRecords.Records.ListRecords;

/// <summary>The list filters, shared by the list and the export.</summary>
internal record RecordFilter
{
    [QueryParam] public string? Cohort { get; init; }
    [QueryParam] public string? CollegeCode { get; init; }
    [QueryParam] public string? Major { get; init; }
    [QueryParam] public string? ClassName { get; init; }
    /// <summary>A verification status, or "Deleted" for the deleted records (otherwise they are left out).</summary>
    [QueryParam] public string? Status { get; init; }
    [QueryParam] public string? Q { get; init; }

    public async Task<IQueryable<SourceRecord>> ApplyAsync(IQuerySession session, Actor actor, CancellationToken ct)
    {
        IQueryable<SourceRecord> query = session.Query<SourceRecord>();
        if (actor.IsCollege)
        {
            // A college user never sees outside their college; asking for another college is refused, not emptied.
            RecordAccess.EnsureCollege(actor, string.IsNullOrWhiteSpace(CollegeCode) ? actor.CollegeCode : CollegeCode.Trim());
            query = query.Where(r => r.CollegeCode == actor.CollegeCode);
        }
        if (!string.IsNullOrWhiteSpace(CollegeCode)) { var c = CollegeCode.Trim(); query = query.Where(r => r.CollegeCode == c); }
        if (!string.IsNullOrWhiteSpace(Cohort)) { var c = Cohort.Trim(); query = query.Where(r => r.Cohort == c); }
        if (!string.IsNullOrWhiteSpace(Major)) { var m = Major.Trim(); query = query.Where(r => r.MajorName == m || r.MajorCode == m); }
        if (!string.IsNullOrWhiteSpace(ClassName)) { var c = ClassName.Trim(); query = query.Where(r => r.ClassName == c); }
        if (string.Equals(Status, "Deleted", StringComparison.OrdinalIgnoreCase)) query = query.Where(r => r.Deleted);
        else
        {
            query = query.Where(r => !r.Deleted);
            if (!string.IsNullOrWhiteSpace(Status))
            {
                // The status lives in Review; SourceRecords keeps a copy per student (VerificationStatusCopy).
                var s = Status.Trim();
                if (s == SourceRecord.NotStarted)
                {
                    var started = await session.Query<Inbound.VerificationStatusCopy>().Where(c => c.Status != s).Select(c => c.Id).ToListAsync(ct);
                    query = query.Where(r => !r.StudentNumber.IsOneOf(started.ToArray()));
                }
                else
                {
                    var matching = await session.Query<Inbound.VerificationStatusCopy>().Where(c => c.Status == s).Select(c => c.Id).ToListAsync(ct);
                    query = query.Where(r => r.StudentNumber.IsOneOf(matching.ToArray()));
                }
            }
        }
        if (!string.IsNullOrWhiteSpace(Q)) { var q = Q.Trim(); query = query.Where(r => r.Name.Contains(q) || r.StudentNumber.Contains(q)); }
        return query;
    }
}

internal sealed record ListRecordsRequest : RecordFilter
{
    [QueryParam] public int Page { get; init; } = 1;
    [QueryParam] public int PageSize { get; init; } = 20;
}

public sealed record RecordListItem(string StudentNumber, string Name, string CollegeCode, string? CollegeName, string? MajorName,
    string? ClassName, string IdNumberMasked, string VerificationStatus, long Version, string Cohort, bool Deleted);

public sealed record RecordList(IReadOnlyList<RecordListItem> Items, int Total, int Page, int PageSize);

internal sealed class ListRecordsEndpoint(IQuerySession session) : Endpoint<ListRecordsRequest, RecordList>
{
    public override void Configure()
    {
        Get("/api/source-records");
        Roles(BuildingBlocks.Actors.Roles.College, BuildingBlocks.Actors.Roles.School);
        Summary(s => s.Summary = "生源记录列表：cohort, collegeCode, major, className, status, q（姓名或学号）, page, pageSize");
    }

    public override async Task HandleAsync(ListRecordsRequest req, CancellationToken ct)
    {
        var page = Math.Max(1, req.Page);
        var pageSize = Math.Clamp(req.PageSize, 1, 200);
        var query = await req.ApplyAsync(session, RecordAccess.Current, ct);
        var total = await query.CountAsync(ct);
        var records = await query.OrderBy(r => r.StudentNumber).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        var colleges = await RecordAccess.CollegeNamesAsync(session, ct);
        var statuses = await RecordAccess.VerificationStatusesAsync(session, records.Select(r => r.StudentNumber), ct);
        var items = records.Select(r => new RecordListItem(r.StudentNumber, r.Name, r.CollegeCode, colleges.GetValueOrDefault(r.CollegeCode),
            r.MajorName, r.ClassName, IdNumber.Mask(r.IdNumber), statuses.GetValueOrDefault(r.StudentNumber, SourceRecord.NotStarted),
            r.Version, r.Cohort, r.Deleted)).ToList();
        await Send.OkAsync(new RecordList(items, total, page, pageSize), ct);
    }
}
