using System.Globalization;
using System.Text.RegularExpressions;
using BuildingBlocks.Actors;
using SourceRecords.Contracts;
using SourceRecords.Reference;

namespace SourceRecords.Fields;

/// <summary>Who may edit a field (DOMAIN.md): nobody (identity), S student and staff, C college staff and office, O office only.</summary>
public enum Editor { None, Student, College, Office }

/// <summary>How a value is checked.</summary>
public enum FieldType { Text, Code, Region, CountyRegion, YearMonth, Number, IdNumber, Digits, Mobile, Email, College, StudentNumber }

/// <summary>One field of the catalogue. <paramref name="NationalKey"/> is its column in the national employment system's layout.</summary>
public sealed record FieldDefinition(
    string Field, string Label, FieldType Type, string? CodeTable, bool Required, Editor Editor, int MaxLength,
    string? NationalKey, string? NationalLabel)
{
    public IReadOnlyList<string> EditableBy => Editor switch
    {
        Editor.Student => [Roles.Student, Roles.College, Roles.School],
        Editor.College => [Roles.College, Roles.School],
        Editor.Office => [Roles.School],
        _ => [],
    };

    public bool EditableByRole(string role) => EditableBy.Contains(role);

    /// <summary>Records imported from the student-status system (学籍) need the staff-owned required fields; students fill the rest.</summary>
    public bool RequiredOnImport => Required && Editor != Editor.Student;

    public string TypeName => Type switch
    {
        FieldType.Code => "code",
        FieldType.Region or FieldType.CountyRegion => "region",
        FieldType.YearMonth => "yearMonth",
        FieldType.Number => "number",
        FieldType.College => "college",
        _ => "string",
    };
}

/// <summary>
/// The field catalogue (DOMAIN.md): the one definition behind validation, GET /api/source-records/fields, import,
/// export, the template and the national layout. Values are strings keyed by the JSON field names.
/// </summary>
public static partial class FieldCatalogue
{
    public const string StudentNumber = "studentNumber";
    public const string Name = "name";
    public const string Gender = "gender";
    public const string IdNumberField = "idNumber";
    public const string CollegeCode = "collegeCode";
    public const string MajorCode = "majorCode";
    public const string MajorName = "majorName";
    public const string ClassName = "className";
    public const string TrainingMode = "trainingMode";
    public const string SponsorUnit = "sponsorUnit";
    public const string SponsorUnitRegionCode = "sponsorUnitRegionCode";
    public const string EnrollmentDate = "enrollmentDate";
    public const string GraduationDate = "graduationDate";

    public static readonly IReadOnlyList<FieldDefinition> Fields =
    [
        new(StudentNumber, "学号", FieldType.StudentNumber, null, true, Editor.None, 20, "xh", "学号"),
        new(Name, "姓名", FieldType.Text, null, true, Editor.College, 50, "xm", "姓名"),
        new(Gender, "性别", FieldType.Code, CodeTables.Gender, true, Editor.College, 1, "xbdm", "性别代码"),
        new(IdNumberField, "身份证号", FieldType.IdNumber, null, true, Editor.College, 18, "sfzh", "身份证号"),
        new("examineeNumber", "考生号", FieldType.Digits, null, false, Editor.College, 14, "ksh", "考生号"),
        new("ethnicity", "民族", FieldType.Code, CodeTables.Ethnicity, true, Editor.College, 2, "mzdm", "民族代码"),
        new("politicalStatus", "政治面貌", FieldType.Code, CodeTables.PoliticalStatus, true, Editor.Student, 2, "zzmmdm", "政治面貌代码"),
        new("educationLevel", "学历", FieldType.Code, CodeTables.EducationLevel, true, Editor.College, 2, "xldm", "学历代码"),
        new(CollegeCode, "所在院系", FieldType.College, null, true, Editor.Office, 20, "yxdm", "院系代码"),
        new(MajorCode, "专业代码", FieldType.Text, null, true, Editor.College, 20, "zydm", "专业代码"),
        new(MajorName, "专业名称", FieldType.Text, null, true, Editor.College, 60, "zymc", "专业名称"),
        new(ClassName, "班级", FieldType.Text, null, true, Editor.College, 60, "bj", "班级"),
        new("lengthOfSchooling", "学制", FieldType.Number, null, true, Editor.College, 4, "xz", "学制"),
        new(TrainingMode, "培养方式", FieldType.Code, CodeTables.TrainingMode, true, Editor.College, 1, "pyfs", "培养方式"),
        new(SponsorUnit, "定向或委培单位", FieldType.Text, null, false, Editor.Student, 100, "dxwpdw", "定向委培单位"),
        new(SponsorUnitRegionCode, "定向委培单位所在地", FieldType.Region, null, false, Editor.Student, 6, "dxwpdwszd", "定向委培单位所在地"),
        new(EnrollmentDate, "入学年月", FieldType.YearMonth, null, true, Editor.College, 7, "rxsj", "入学时间"),
        new(GraduationDate, "毕业年月", FieldType.YearMonth, null, true, Editor.College, 7, "bysj", "毕业时间"),
        new("originRegionCode", "生源所在地", FieldType.CountyRegion, null, true, Editor.Student, 6, "syszd", "生源所在地代码"),
        new("urbanRural", "城乡生源", FieldType.Code, CodeTables.UrbanRural, true, Editor.Student, 2, "cxsy", "城乡生源"),
        new("hardshipCategory", "困难生类别", FieldType.Code, CodeTables.HardshipCategory, true, Editor.Student, 1, "knslb", "困难生类别"),
        new("normalStudentCategory", "师范生类别", FieldType.Code, CodeTables.NormalStudentCategory, true, Editor.College, 2, "sfslb", "师范生类别"),
        new("householdAddress", "户籍所在地", FieldType.Text, null, true, Editor.Student, 200, "hkszd", "户口所在地"),
        new("homeAddress", "家庭地址", FieldType.Text, null, false, Editor.Student, 200, "jtdz", "家庭地址"),
        new("mobile", "手机号码", FieldType.Mobile, null, true, Editor.Student, 11, "sjhm", "手机号码"),
        new("email", "电子邮箱", FieldType.Email, null, false, Editor.Student, 100, "dzyx", "电子邮箱"),
    ];

    private static readonly Dictionary<string, FieldDefinition> ByName = Fields.ToDictionary(f => f.Field, StringComparer.Ordinal);

    public static FieldDefinition? Find(string field) => ByName.GetValueOrDefault(field);

    public static IReadOnlyList<FieldDescription> Describe() =>
        Fields.Select(f => new FieldDescription(f.Field, f.Label, f.TypeName, f.CodeTable, f.Required, f.EditableBy)).ToList();

    /// <summary>Trimmed, empty as null: how every value is stored.</summary>
    public static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>
    /// An imported cell as the API speaks it: a code table accepts the code or its label, a date accepts
    /// 2022-09, 2022/9, 2022.09, 202209 or 2022-09-01, an ID number an x for X. Unknown values stay as typed.
    /// </summary>
    public static string? Normalize(FieldDefinition field, string? raw)
    {
        var value = Clean(raw);
        if (value is null) return null;
        switch (field.Type)
        {
            case FieldType.Code:
                return CodeTables.Resolve(field.CodeTable!, value) ?? value;
            case FieldType.IdNumber:
                return value.ToUpperInvariant();
            case FieldType.YearMonth:
                return NormalizeYearMonth(value) ?? value;
            case FieldType.Number:
                return decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var d)
                    ? d.ToString("0.##", CultureInfo.InvariantCulture) : value;
            default:
                return value;
        }
    }

    private static string? NormalizeYearMonth(string value)
    {
        // A date cell that reached us as Excel's serial day number (e.g. 44805 for 2022-09-01).
        if (value.Length == 5 && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var serial) && serial is > 20000 and < 80000)
            return DateTime.FromOADate(serial).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var m = LooseYearMonth().Match(value);
        if (m.Success && int.TryParse(m.Groups[2].Value, out var month) && month is >= 1 and <= 12)
            return $"{m.Groups[1].Value}-{month:00}";
        if (value.Length == 6 && value.All(char.IsAsciiDigit) && int.TryParse(value[4..], out month) && month is >= 1 and <= 12)
            return $"{value[..4]}-{value[4..]}";
        return null;
    }

    /// <summary>The field's own rule (type, code table, length); null when the value is fine.</summary>
    public static string? ValueProblem(FieldDefinition f, string value, ISet<string> colleges, DateOnly today)
    {
        if (value.Length > f.MaxLength && f.Type is not FieldType.Code and not FieldType.IdNumber)
            return $"{f.Label}最多 {f.MaxLength} 个字符";
        return f.Type switch
        {
            FieldType.Code when CodeTables.Label(f.CodeTable!, value) is null =>
                $"{f.Label}代码无效：{value}（可选：{string.Join("、", CodeTables.All[f.CodeTable!].Select(c => $"{c.Code} {c.Label}"))}）",
            FieldType.StudentNumber when !StudentNumberPattern().IsMatch(value) => "学号只能包含字母和数字，最多 20 位",
            FieldType.IdNumber => IdNumber.Problem(value, today),
            FieldType.Digits when value.Length != f.MaxLength || !value.All(char.IsAsciiDigit) => $"{f.Label}必须是 {f.MaxLength} 位数字",
            FieldType.Mobile when !MobilePattern().IsMatch(value) => $"{f.Label}必须是 11 位手机号（1 开头，第二位 3-9）",
            FieldType.Email when !EmailPattern().IsMatch(value) => $"{f.Label}格式不正确",
            FieldType.YearMonth when !IsYearMonth(value) => $"{f.Label}必须是 yyyy-MM 格式，例如 2022-09",
            FieldType.Number when !decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) || d < 1.5m || d > 8m =>
                $"{f.Label}必须是 1.5 到 8 之间的年数",
            FieldType.Region when Regions.Find(value) is null => $"{f.Label}不是有效的行政区划代码（GB/T 2260）：{value}",
            FieldType.CountyRegion when !Regions.IsCountyLevel(value) => Regions.Find(value) is null
                ? $"{f.Label}不是有效的行政区划代码（GB/T 2260）：{value}"
                : $"{f.Label}必须是区/县级行政区划代码：{value}",
            FieldType.College when !colleges.Contains(value) => $"{f.Label}代码不存在：{value}",
            _ => null,
        };
    }

    private static bool IsYearMonth(string value) =>
        YearMonthPattern().IsMatch(value) && int.Parse(value[5..], CultureInfo.InvariantCulture) is >= 1 and <= 12;

    /// <summary>
    /// Every problem of a record's values: each field's own rule, the cross-field rules, and (when
    /// <paramref name="required"/> is given) the missing required fields. Keys are field names; messages are Chinese.
    /// </summary>
    public static Dictionary<string, List<string>> Validate(IReadOnlyDictionary<string, string?> values,
        IEnumerable<FieldDefinition>? required, ISet<string> colleges, DateOnly today)
    {
        var errors = new Dictionary<string, List<string>>();
        void Add(string field, string message)
        {
            if (!errors.TryGetValue(field, out var list)) errors[field] = list = [];
            list.Add(message);
        }
        string? V(string field) => values.TryGetValue(field, out var v) ? Clean(v) : null;

        foreach (var (field, raw) in values)
        {
            if (Find(field) is not { } f) { Add(field, $"未知字段：{field}"); continue; }
            if (Clean(raw) is { } value && ValueProblem(f, value, colleges, today) is { } problem) Add(field, problem);
        }
        foreach (var f in required ?? [])
            if (V(f.Field) is null) Add(f.Field, $"{f.Label}不能为空");

        // Cross-field rules: only between values that are themselves valid, so each message names the real cause.
        bool Ok(string field) => V(field) is not null && !errors.ContainsKey(field);
        if (Ok(IdNumberField) && Ok(Gender) && IdNumber.GenderCode(V(IdNumberField)!) != V(Gender))
            Add(Gender, "性别与身份证号不一致（身份证号第 17 位奇数为男、偶数为女）");
        if (Ok(EnrollmentDate) && Ok(GraduationDate) && string.CompareOrdinal(V(GraduationDate), V(EnrollmentDate)) <= 0)
            Add(GraduationDate, "毕业年月必须晚于入学年月");
        if (Ok(TrainingMode))
        {
            var sponsored = V(TrainingMode) is "2" or "4";
            foreach (var field in new[] { SponsorUnit, SponsorUnitRegionCode })
            {
                var label = Find(field)!.Label;
                if (sponsored && V(field) is null) Add(field, $"培养方式为定向或委培时，{label}必填");
                if (!sponsored && V(field) is not null) Add(field, $"只有培养方式为定向或委培时才填写{label}");
            }
        }
        return errors;
    }

    public static Dictionary<string, string[]> ToProblemErrors(Dictionary<string, List<string>> errors) =>
        errors.ToDictionary(e => e.Key, e => e.Value.ToArray());

    [GeneratedRegex(@"^1[3-9]\d{9}$")]
    private static partial Regex MobilePattern();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"^\d{4}-\d{2}$")]
    private static partial Regex YearMonthPattern();

    [GeneratedRegex(@"^[0-9A-Za-z]{1,20}$")]
    private static partial Regex StudentNumberPattern();

    [GeneratedRegex(@"^(\d{4})\s*[-/.年]\s*(\d{1,2})(\s*[-/.月].*)?$")]
    private static partial Regex LooseYearMonth();
}
