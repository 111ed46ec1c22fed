using System.Text;
using BuildingBlocks.Problems;
using MiniExcelLibs;
using SourceRecords.Fields;
using SourceRecords.Import;
using SourceRecords.Reference;

namespace SourceRecords.Export;

/// <summary>A table to write: ordered column names and rows of text cells.</summary>
public sealed record Table(IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string?>> Rows);

/// <summary>Writes tables as .csv (UTF-8 with BOM, so Excel reads Chinese) or .xlsx, escaping would-be formulas.</summary>
public static class SheetWriter
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string CsvType = "text/csv; charset=utf-8";

    public static string Format(string? format) => format?.Trim().ToLowerInvariant() switch
    {
        null or "" or "xlsx" => "xlsx",
        "csv" => "csv",
        _ => throw ProblemException.Validation("format", "format 只能是 xlsx 或 csv"),
    };

    /// <summary>A cell that a spreadsheet would run as a formula (= + - @, or a leading tab/CR) gets a leading apostrophe.</summary>
    public static string? Escape(string? value) =>
        string.IsNullOrEmpty(value) || value[0] is not ('=' or '+' or '-' or '@' or '\t' or '\r') ? value : "'" + value;

    public static byte[] Csv(Table table)
    {
        var text = new StringBuilder();
        void Line(IEnumerable<string?> cells) => text.Append(string.Join(',', cells.Select(c => Quote(Escape(c))))).Append("\r\n");
        Line(table.Columns);
        foreach (var row in table.Rows) Line(row);
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    private static string Quote(string? cell) =>
        cell is null ? "" : cell.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + cell.Replace("\"", "\"\"") + "\"" : cell;

    public static byte[] Xlsx(params (string Sheet, Table Table)[] sheets)
    {
        var workbook = new Dictionary<string, object>();
        foreach (var (sheet, table) in sheets)
            workbook[sheet] = table.Rows.Select(row =>
            {
                var cells = new Dictionary<string, object?>();
                for (var i = 0; i < table.Columns.Count; i++) cells[table.Columns[i]] = Escape(i < row.Count ? row[i] : null);
                return cells;
            }).ToList() is { Count: > 0 } rows ? rows : [table.Columns.ToDictionary(c => c, _ => (object?)null)];
        using var stream = new MemoryStream();
        stream.SaveAs(workbook, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    /// <summary>The standard layout: every catalogue field under its Chinese label, and the names beside codes for people.</summary>
    public static List<string> StandardColumns()
    {
        var columns = new List<string>();
        foreach (var f in FieldCatalogue.Fields)
        {
            columns.Add(f.Label);
            if (ImportPlanner.HasNameColumn(f)) columns.Add(ImportPlanner.NameColumn(f));
        }
        return columns;
    }

    public static List<string?> StandardRow(IReadOnlyDictionary<string, string?> values, IReadOnlyDictionary<string, string> colleges)
    {
        var row = new List<string?>();
        foreach (var f in FieldCatalogue.Fields)
        {
            var value = values.GetValueOrDefault(f.Field);
            row.Add(value);
            if (ImportPlanner.HasNameColumn(f)) row.Add(NameOf(f, value, colleges));
        }
        return row;
    }

    public static string? NameOf(FieldDefinition f, string? value, IReadOnlyDictionary<string, string> colleges) => f.Type switch
    {
        _ when value is null => null,
        FieldType.Code => CodeTables.Label(f.CodeTable!, value),
        FieldType.Region or FieldType.CountyRegion => Regions.FullName(value),
        FieldType.College => colleges.GetValueOrDefault(value),
        _ => null,
    };
}
