using System.Globalization;
using System.Text;
using BuildingBlocks.Problems;
using MiniExcelLibs;

namespace SourceRecords.Import;

/// <summary>A sheet as rows of text cells; <c>Number</c> is the row as the spreadsheet shows it (the header is row 1).</summary>
public sealed record SheetRow(int Number, IReadOnlyList<string?> Cells)
{
    public bool IsBlank => Cells.All(c => string.IsNullOrWhiteSpace(c));
}

/// <summary>Reads an uploaded .csv (UTF-8, with or without BOM) or .xlsx into rows of text.</summary>
public static class SheetReader
{
    public const long MaxBytes = 10 * 1024 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static bool IsCsv(string fileName) => fileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase);

    public static bool IsXlsx(string fileName) => fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase);

    /// <summary>Refuses what is not a .csv or .xlsx of at most 10 MB, before anything is read.</summary>
    public static void EnsureAcceptable(string fileName, long length)
    {
        if (!IsCsv(fileName) && !IsXlsx(fileName))
            throw new ProblemException(415, "import.unsupported-type",
                $"不支持的文件类型：{Path.GetExtension(fileName)}。请上传 .xlsx 或 UTF-8 编码的 .csv 文件（.xls 请先另存为 .xlsx）。");
        if (length > MaxBytes)
            throw new ProblemException(413, "import.too-large", $"文件过大（{length / 1024 / 1024.0:0.#} MB），上限为 10 MB，请分批导入。");
        if (length == 0) throw new ProblemException(400, "import.empty", "文件是空的。");
    }

    public static List<SheetRow> Read(string fileName, byte[] content) => IsCsv(fileName) ? ReadCsv(content) : ReadXlsx(content);

    public static List<SheetRow> ReadCsv(byte[] content)
    {
        var span = content.AsSpan();
        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) span = span[3..];
        string text;
        try
        {
            text = StrictUtf8.GetString(span);
        }
        catch (DecoderFallbackException)
        {
            throw new ProblemException(400, "import.encoding", "CSV 文件不是 UTF-8 编码。请在 Excel 中“另存为 CSV UTF-8（逗号分隔）”，或直接上传 .xlsx。");
        }
        return ParseCsv(text);
    }

    /// <summary>RFC 4180: commas, double-quoted cells with "" escapes and line breaks inside quotes, CRLF or LF.</summary>
    public static List<SheetRow> ParseCsv(string text)
    {
        var rows = new List<SheetRow>();
        var cells = new List<string?>();
        var cell = new StringBuilder();
        var quoted = false;
        var line = 1;
        var rowStart = 1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { cell.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else { if (c == '\n') line++; cell.Append(c); }
                continue;
            }
            switch (c)
            {
                case '"' when cell.Length == 0: quoted = true; break;
                case ',': cells.Add(cell.ToString()); cell.Clear(); break;
                case '\r': break;
                case '\n':
                    cells.Add(cell.ToString()); cell.Clear();
                    rows.Add(new SheetRow(rowStart, cells));
                    cells = [];
                    rowStart = ++line;
                    break;
                default: cell.Append(c); break;
            }
        }
        if (cell.Length > 0 || cells.Count > 0)
        {
            cells.Add(cell.ToString());
            rows.Add(new SheetRow(rowStart, cells));
        }
        return rows;
    }

    public static List<SheetRow> ReadXlsx(byte[] content)
    {
        if (content.Length < 4 || content[0] != 'P' || content[1] != 'K')
            throw new ProblemException(400, "import.unreadable", "文件不是有效的 .xlsx 工作簿（若是 .xls 或其他格式，请在 Excel 中另存为 .xlsx）。");
        try
        {
            using var stream = new MemoryStream(content);
            var rows = new List<SheetRow>();
            var number = 0;
            foreach (IDictionary<string, object?> row in MiniExcel.Query(stream, useHeaderRow: false, excelType: ExcelType.XLSX))
            {
                number++;
                rows.Add(new SheetRow(number, row.Values.Select(Text).ToList()));
            }
            return rows;
        }
        catch (Exception e) when (e is not ProblemException and not OutOfMemoryException)
        {
            throw new ProblemException(400, "import.unreadable", "无法读取该 .xlsx 文件，请确认文件未损坏且第一个工作表是生源数据。");
        }
    }

    /// <summary>
    /// A cell as text. Numbers lose nothing a person typed (2022001 stays "2022001", not "2022001.0"); dates become
    /// yyyy-MM-dd so that date fields can take them.
    /// </summary>
    public static string? Text(object? value) => value switch
    {
        null => null,
        string s => s,
        DateTime d => d.ToString(d.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        DateTimeOffset d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        double d when Math.Abs(d) < 1e15 && d == Math.Floor(d) => d.ToString("0", CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        decimal m => m.ToString("0.############", CultureInfo.InvariantCulture),
        bool b => b ? "TRUE" : "FALSE",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
