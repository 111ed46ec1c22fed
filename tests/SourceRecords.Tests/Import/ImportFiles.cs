using System.Net.Http.Headers;
using System.Text;
using MiniExcelLibs;
using SourceRecords.Fields;

namespace SourceRecords.Tests.Import;

/// <summary>Builds upload files the way people make them: CSV with or without BOM, xlsx with typed cells.</summary>
public static class ImportFiles
{
    public static string[] Labels => FieldCatalogue.Fields.Select(f => f.Label).ToArray();

    public static string Csv(IEnumerable<IReadOnlyList<string?>> rows) =>
        string.Join("\r\n", rows.Select(r => string.Join(',', r.Select(Quote)))) + "\r\n";

    private static string Quote(string? cell) =>
        cell is null ? "" : cell.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + cell.Replace("\"", "\"\"") + "\"" : cell;

    public static List<string?> Row(Dictionary<string, string?> fields) =>
        FieldCatalogue.Fields.Select(f => fields.GetValueOrDefault(f.Field)).ToList();

    public static byte[] Utf8(string text, bool bom) =>
        bom ? [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)] : Encoding.UTF8.GetBytes(text);

    public static byte[] Xlsx(IEnumerable<Dictionary<string, object?>> rows)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(rows, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    public static MultipartFormDataContent Upload(string fileName, byte[] bytes)
    {
        var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Add(file, "file", fileName);
        return content;
    }
}
