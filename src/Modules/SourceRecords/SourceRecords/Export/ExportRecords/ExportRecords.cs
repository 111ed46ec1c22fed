using System.Globalization;
using FastEndpoints;
using Marten;
using SourceRecords.Fields;
using SourceRecords.Records;
using SourceRecords.Records.ListRecords;

namespace SourceRecords.Export.ExportRecords;

internal sealed record ExportRecordsRequest : RecordFilter
{
    [QueryParam] public string? Format { get; init; }
    /// <summary>"standard" (Chinese labels, codes with names) or "national" (the national employment system's pinyin columns).</summary>
    [QueryParam] public string? Layout { get; init; }
}

internal sealed class ExportRecordsEndpoint(IQuerySession session) : Endpoint<ExportRecordsRequest>
{
    public override void Configure()
    {
        Get("/api/source-records/export");
        Roles(BuildingBlocks.Actors.Roles.College, BuildingBlocks.Actors.Roles.School);
        Summary(s => s.Summary = "导出生源（format=xlsx|csv，layout=standard|national，与列表相同的筛选条件，学院只导出本学院）");
    }

    public override async Task HandleAsync(ExportRecordsRequest req, CancellationToken ct)
    {
        var format = SheetWriter.Format(req.Format);
        var national = req.Layout?.Trim().ToLowerInvariant() switch
        {
            null or "" or "standard" => false,
            "national" => true,
            _ => throw BuildingBlocks.Problems.ProblemException.Validation("layout", "layout 只能是 standard 或 national"),
        };
        var records = await (await req.ApplyAsync(session, RecordAccess.Current, ct)).OrderBy(r => r.StudentNumber).ToListAsync(ct);
        var colleges = await RecordAccess.CollegeNamesAsync(session, ct);

        var table = national ? National(records) : Standard(records, colleges);
        var stamp = DateTime.Now.ToString("yyyyMMdd-HHmm", CultureInfo.InvariantCulture);
        var name = $"{(national ? "就业系统生源上报" : "生源信息")}-{req.Cohort ?? "全部"}-{stamp}.{format}";
        await Send.BytesAsync(format == "csv" ? SheetWriter.Csv(table) : SheetWriter.Xlsx(("生源信息", table)), name,
            format == "csv" ? SheetWriter.CsvType : SheetWriter.XlsxType, cancellation: ct);
    }

    private static Table Standard(IEnumerable<SourceRecord> records, IReadOnlyDictionary<string, string> colleges) =>
        new([.. SheetWriter.StandardColumns(), "届次"],
            records.Select(r => (IReadOnlyList<string?>)[.. SheetWriter.StandardRow(r.Fields, colleges), r.Cohort]).ToList());

    /// <summary>The national employment system's column layout (pinyin keys), codes as the system takes them.</summary>
    private static Table National(IEnumerable<SourceRecord> records)
    {
        var fields = FieldCatalogue.Fields.Where(f => f.NationalKey is not null).ToList();
        return new(fields.Select(f => f.NationalKey!).ToList(),
            records.Select(r => (IReadOnlyList<string?>)fields.Select(f => r.Value(f.Field)).ToList()).ToList());
    }
}
