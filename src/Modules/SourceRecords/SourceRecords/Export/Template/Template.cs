using FastEndpoints;
using Marten;
using SourceRecords.Fields;
using SourceRecords.Records;
using SourceRecords.Reference;

namespace SourceRecords.Export.Template;

internal sealed record TemplateRequest
{
    [QueryParam] public string? Format { get; init; }
}

/// <summary>
/// The supplementary-record template (补充生源信息模板): the labels (required ones marked *), one example row, and in the
/// xlsx the code lists and notes. The import reads it back as it is.
/// </summary>
internal sealed class TemplateEndpoint(IQuerySession session) : Endpoint<TemplateRequest>
{
    public override void Configure()
    {
        Get("/api/source-records/template");
        Roles(BuildingBlocks.Actors.Roles.College, BuildingBlocks.Actors.Roles.School);
        Summary(s => s.Summary = "补充生源信息模板（format=xlsx|csv）：列名、示例行、代码表");
    }

    public override async Task HandleAsync(TemplateRequest req, CancellationToken ct)
    {
        var format = SheetWriter.Format(req.Format);
        var colleges = await RecordAccess.CollegeNamesAsync(session, ct);
        var collegeCode = RecordAccess.Current.CollegeCode ?? colleges.Keys.Order().FirstOrDefault() ?? "101";
        var columns = SheetWriter.StandardColumns()
            .Select(c => FieldCatalogue.Fields.FirstOrDefault(f => f.Label == c) is { Required: true } ? c + "*" : c).ToList();
        var records = new Table(columns, [SheetWriter.StandardRow(Example(collegeCode), colleges)]);

        if (format == "csv")
        {
            await Send.BytesAsync(SheetWriter.Csv(records), "补充生源信息模板.csv", SheetWriter.CsvType, cancellation: ct);
            return;
        }
        var codes = new Table(["代码表", "字段", "代码", "名称"],
            FieldCatalogue.Fields.Where(f => f.CodeTable is not null)
                .SelectMany(f => CodeTables.All[f.CodeTable!].Select(c => (IReadOnlyList<string?>)[f.CodeTable, f.Label, c.Code, c.Label]))
                .Concat(colleges.OrderBy(c => c.Key).Select(c => (IReadOnlyList<string?>)["college", "所在院系", c.Key, c.Value]))
                .ToList());
        var notes = new Table(["字段", "列名", "必填", "说明", "可修改角色"],
            FieldCatalogue.Fields.Select(f => (IReadOnlyList<string?>)[f.Field, f.Label, f.Required ? "是" : "否", Hint(f),
                string.Join("、", f.EditableBy.Select(r => r switch { "student" => "学生", "college" => "学院", _ => "招生就业处" }))]).ToList());
        await Send.BytesAsync(SheetWriter.Xlsx(("补充生源信息模板", records), ("代码表", codes), ("填写说明", notes)),
            "补充生源信息模板.xlsx", SheetWriter.XlsxType, cancellation: ct);
    }

    private static string Hint(FieldDefinition f) => f.Type switch
    {
        FieldType.Code => "填写代码或名称，见“代码表”",
        FieldType.IdNumber => "18 位居民身份证号，末位校验码；单元格请设为文本格式",
        FieldType.YearMonth => "yyyy-MM，例如 2022-09",
        FieldType.CountyRegion => "GB/T 2260 区/县级行政区划代码，例如 430104（长沙市岳麓区）",
        FieldType.Region => "GB/T 2260 行政区划代码；培养方式为定向或委培时必填",
        FieldType.Mobile => "11 位手机号",
        FieldType.Number => "1.5 到 8 之间的年数",
        FieldType.College => "学院代码，见“代码表”",
        _ when f.Field == FieldCatalogue.SponsorUnit => "培养方式为定向或委培时必填，否则留空",
        _ => $"最多 {f.MaxLength} 个字符",
    };

    /// <summary>A valid example: the ID number carries its check character.</summary>
    private static Dictionary<string, string?> Example(string collegeCode)
    {
        const string first17 = "43010420040315001";
        return new Dictionary<string, string?>
        {
            ["studentNumber"] = "2022000001", ["name"] = "张三", ["gender"] = "1",
            ["idNumber"] = first17 + IdNumber.CheckCharacter(first17), ["examineeNumber"] = "22430104150001",
            ["ethnicity"] = "01", ["politicalStatus"] = "03", ["educationLevel"] = "31", ["collegeCode"] = collegeCode,
            ["majorCode"] = "080901", ["majorName"] = "计算机科学与技术", ["className"] = "计科2201", ["lengthOfSchooling"] = "4",
            ["trainingMode"] = "1", ["enrollmentDate"] = "2022-09", ["graduationDate"] = "2026-06", ["originRegionCode"] = "430104",
            ["urbanRural"] = "城镇", ["hardshipCategory"] = "0", ["normalStudentCategory"] = "2",
            ["householdAddress"] = "湖南省长沙市岳麓区", ["homeAddress"] = "湖南省长沙市岳麓区麓山南路 1 号",
            ["mobile"] = "13800000000", ["email"] = "zhangsan@example.com",
        };
    }
}
