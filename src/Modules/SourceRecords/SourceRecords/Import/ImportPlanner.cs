using BuildingBlocks.Actors;
using SourceRecords.Fields;
using SourceRecords.Import.ImportRecords;
using SourceRecords.Records;

namespace SourceRecords.Import;

/// <summary>What an import would do: every row checked before anything is written.</summary>
public sealed record ImportPlan(
    List<RecordImported> Created,
    List<(SourceRecord Current, RecordCorrected Corrected)> Updated,
    int Unchanged,
    List<ImportError> Errors,
    int RejectedRows);

/// <summary>
/// Decides an import: maps the header (Chinese labels or field names), normalizes values (codes or labels, loose dates),
/// validates every row against the field catalogue and the caller's scope, and sorts rows into created, changed
/// (a correction by the importer) and unchanged. Pure: no I/O.
/// </summary>
public static class ImportPlanner
{
    /// <summary>Columns an export adds for people (名称 beside a code); an import ignores them so an export re-imports.</summary>
    public static string NameColumn(FieldDefinition f) => f.Label + "名称";

    /// <summary>Columns an export adds that the import leaves alone (the cohort comes from the request).</summary>
    private static readonly HashSet<string> IgnoredColumns = ["届次", "cohort"];

    public static bool HasNameColumn(FieldDefinition f) => f.Type is FieldType.Code or FieldType.Region or FieldType.CountyRegion or FieldType.College;

    public static (Dictionary<int, FieldDefinition> Columns, List<ImportError> Errors) MapHeader(SheetRow header)
    {
        var columns = new Dictionary<int, FieldDefinition>();
        var errors = new List<ImportError>();
        for (var i = 0; i < header.Cells.Count; i++)
        {
            var name = header.Cells[i]?.Trim().TrimStart('\uFEFF').TrimEnd('*').Trim();
            if (string.IsNullOrEmpty(name)) continue;
            var field = FieldCatalogue.Fields.FirstOrDefault(f => f.Label == name || string.Equals(f.Field, name, StringComparison.OrdinalIgnoreCase));
            if (field is null)
            {
                if (FieldCatalogue.Fields.Any(f => HasNameColumn(f) && NameColumn(f) == name) || IgnoredColumns.Contains(name)) continue;
                errors.Add(new ImportError(header.Number, name, $"无法识别的列名：{name}（第 {ColumnName(i)} 列）。请使用模板中的中文列名或字段名。"));
            }
            else if (columns.ContainsValue(field))
                errors.Add(new ImportError(header.Number, field.Field, $"列“{field.Label}”重复出现（第 {ColumnName(i)} 列）"));
            else columns[i] = field;
        }
        foreach (var f in FieldCatalogue.Fields.Where(f => f.RequiredOnImport && !columns.ContainsValue(f)))
            errors.Add(new ImportError(header.Number, f.Field, $"缺少必填列：{f.Label}"));
        return (columns, errors);
    }

    /// <summary>The student numbers the rows carry (for loading the existing records in one query).</summary>
    public static IEnumerable<string> CandidateStudentNumbers(IReadOnlyList<SheetRow> rows)
    {
        var header = rows.FirstOrDefault(r => !r.IsBlank);
        if (header is null) return [];
        var column = MapHeader(header).Columns.Where(c => c.Value.Field == FieldCatalogue.StudentNumber).Select(c => (int?)c.Key).FirstOrDefault();
        if (column is not { } index) return [];
        return rows.Where(r => r != header && index < r.Cells.Count).Select(r => FieldCatalogue.Clean(r.Cells[index]))
            .OfType<string>().Distinct();
    }

    public static ImportPlan Plan(ImportRecords.ImportRecords command, ISet<string> colleges, IReadOnlyDictionary<string, SourceRecord> existing, DateOnly today)
    {
        var created = new List<RecordImported>();
        var updated = new List<(SourceRecord, RecordCorrected)>();
        var unchanged = 0;
        var errors = new List<ImportError>();
        var rejected = new HashSet<int>();

        var header = command.Rows.FirstOrDefault(r => !r.IsBlank);
        if (header is null)
            return new ImportPlan(created, updated, 0, [new ImportError(1, null, "文件中没有数据（第 1 行应为表头）")], 0);
        var (columns, headerErrors) = MapHeader(header);
        var dataRows = command.Rows.Where(r => r.Number > header.Number && !r.IsBlank).ToList();
        if (headerErrors.Count > 0) return new ImportPlan(created, updated, 0, headerErrors, dataRows.Count);
        if (dataRows.Count == 0)
            return new ImportPlan(created, updated, 0, [new ImportError(header.Number + 1, null, "表头下面没有数据行")], 0);

        var seen = new Dictionary<string, int>();
        var reason = $"导入更正（{command.FileName}）";
        foreach (var row in dataRows)
        {
            var rowErrors = new List<ImportError>();
            void Error(string? field, string message) => rowErrors.Add(new ImportError(row.Number, field, message));

            var values = new Dictionary<string, string?>();
            for (var i = 0; i < row.Cells.Count; i++)
            {
                if (!columns.TryGetValue(i, out var f)) continue;
                var raw = row.Cells[i];
                if (raw is not null && f.Type is FieldType.IdNumber or FieldType.Digits or FieldType.StudentNumber or FieldType.Mobile
                    && raw.Contains("E+", StringComparison.OrdinalIgnoreCase))
                {
                    Error(f.Field, $"{f.Label}被 Excel 存成了数字（{raw}），末几位已丢失。请把该列设为“文本”格式后重新输入。");
                    continue;
                }
                values[f.Field] = FieldCatalogue.Normalize(f, raw);
            }

            var studentNumber = values.GetValueOrDefault(FieldCatalogue.StudentNumber);
            if (studentNumber is not null)
            {
                if (seen.TryGetValue(studentNumber, out var first)) Error(FieldCatalogue.StudentNumber, $"学号 {studentNumber} 与第 {first} 行重复");
                else seen[studentNumber] = row.Number;
            }
            var college = values.GetValueOrDefault(FieldCatalogue.CollegeCode);
            if (command.Actor.IsCollege && college is not null && college != command.Actor.CollegeCode)
                Error(FieldCatalogue.CollegeCode, $"只能导入本学院（{command.Actor.CollegeCode}）的学生，该行所在院系为 {college}");

            var current = studentNumber is null ? null : existing.GetValueOrDefault(studentNumber);
            if (current is not null)
            {
                if (command.Actor.IsCollege && current.CollegeCode != command.Actor.CollegeCode)
                    Error(FieldCatalogue.StudentNumber, $"学号 {studentNumber} 属于其他学院，不能导入");
                else if (current.Deleted)
                    Error(FieldCatalogue.StudentNumber, $"学号 {studentNumber} 的生源记录已删除，请先恢复再导入");
                else if (current.Cohort != command.Cohort)
                    Error(FieldCatalogue.StudentNumber, $"学号 {studentNumber} 已在届次 {current.Cohort} 中；转届请使用“转届（延期毕业）”");
            }

            // A blank cell never clears a value the record already has (students may have filled it since).
            var given = values.Where(v => v.Value is not null).ToDictionary(v => v.Key, v => v.Value);
            var merged = current is null ? given : new Dictionary<string, string?>(current.Fields);
            if (current is not null) foreach (var (k, v) in given) merged[k] = v;
            var reported = rowErrors.Select(e => e.Field).ToHashSet();
            foreach (var (field, messages) in FieldCatalogue.Validate(merged, FieldCatalogue.Fields.Where(f => f.RequiredOnImport), colleges, today))
                if (!reported.Contains(field))
                    foreach (var message in messages) Error(field, message);

            var changes = current is null ? [] : RecordChanges.Diff(current.Fields, given);
            if (changes.Count > 0 && command.PendingReview.Contains(current!.StudentNumber))
                Error(changes[0].Field, $"学号 {current.StudentNumber} 的核验已提交（学生已核），待审核期间不能修改学校库：{string.Join("、", changes.Select(c => FieldCatalogue.Find(c.Field)?.Label ?? c.Field))}");

            if (rowErrors.Count > 0)
            {
                errors.AddRange(rowErrors);
                rejected.Add(row.Number);
                continue;
            }
            if (current is null)
                created.Add(new RecordImported(studentNumber!, command.Cohort, given));
            else
            {
                if (changes.Count == 0) unchanged++;
                else updated.Add((current, new RecordCorrected(current.StudentNumber, college ?? current.CollegeCode, changes, reason, ByImport: true)));
            }
        }
        return new ImportPlan(created, updated, unchanged, errors, rejected.Count);
    }

    private static string ColumnName(int index)
    {
        var name = "";
        for (var i = index + 1; i > 0; i = (i - 1) / 26) name = (char)('A' + (i - 1) % 26) + name;
        return name;
    }

}
