using System.Net;
using System.Text;
using MiniExcelLibs;
using Testing;
using static SourceRecords.Tests.Import.ImportFiles;
using static SourceRecords.Tests.TestData;

namespace SourceRecords.Tests.Export;

public sealed class ExportTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    public async ValueTask InitializeAsync()
    {
        await EnsureBasicsAsync(api);
        if ((await api.ClientFor(Office).GetAsync("/api/source-records/X001")).StatusCode == HttpStatusCode.OK) return;
        var formula = ValidFields("X001", sequence: 1);
        formula["name"] = "=HYPERLINK(\"http://evil\")";
        formula["homeAddress"] = "+86 长沙";
        formula["className"] = "-1";
        formula["email"] = "x@example.com";
        await AddAsync(api, formula);
        var directed = ValidFields("X002", sequence: 2, male: false);
        directed["trainingMode"] = "2";
        directed["sponsorUnit"] = "@某定向单位";
        directed["sponsorUnitRegionCode"] = "430000";
        directed["ethnicity"] = "03";
        await AddAsync(api, directed);
        await AddAsync(api, ValidFields("X003", college: "102", sequence: 3));
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static List<IDictionary<string, object?>> ReadXlsx(byte[] bytes, string? sheet = null)
    {
        using var stream = new MemoryStream(bytes);
        return stream.Query(useHeaderRow: true, sheetName: sheet, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().ToList();
    }

    [Fact]
    public async Task Given_a_csv_export_Then_it_has_a_BOM_labels_and_names_and_escapes_formulas()
    {
        var response = await api.ClientFor(Office).GetAsync("/api/source-records/export?format=csv&cohort=2026&q=X00");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        bytes.Take(3).ShouldBe(Encoding.UTF8.GetPreamble());
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(4);
        lines[0].ShouldStartWith("学号,姓名,性别,性别名称,身份证号");
        lines[1].ShouldContain("\"'=HYPERLINK(\"\"http://evil\"\")\"");
        lines[1].ShouldContain(",'+86 长沙,");
        lines[1].ShouldContain(",'-1,");
        lines[2].ShouldContain("'@某定向单位");
        lines[2].ShouldContain(",03,回族,");
        lines[2].ShouldContain("430000,湖南省,");
    }

    [Fact]
    public async Task Given_college_staff_Then_the_xlsx_export_holds_only_their_college_and_escapes_formulas()
    {
        var bytes = await (await api.ClientFor(College101).GetAsync("/api/source-records/export?format=xlsx&q=X00")).Content.ReadAsByteArrayAsync();
        var rows = ReadXlsx(bytes);
        rows.Select(r => r["学号"]?.ToString()).ShouldBe(["X001", "X002"]);
        rows[0]["姓名"].ShouldBe("'=HYPERLINK(\"http://evil\")");
        rows[0]["所在院系名称"].ShouldBe("计算机学院");
        rows[0]["生源所在地名称"].ShouldBe("湖南省 长沙市 岳麓区");
        rows[1]["培养方式名称"].ShouldBe("定向");

        var other = ReadXlsx(await (await api.ClientFor(College102).GetAsync("/api/source-records/export?format=xlsx&q=X00")).Content.ReadAsByteArrayAsync());
        other.Where(r => r["学号"] is not null).Select(r => r["学号"]!.ToString()).ShouldBe(["X003"]);
        await (await api.ClientFor(College102).GetAsync("/api/source-records/export?collegeCode=101")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.forbidden");
        await (await api.ClientFor(Student("X001")).GetAsync("/api/source-records/export")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.forbidden");
        await (await api.ClientFor(Office).GetAsync("/api/source-records/export?format=pdf")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
    }

    [Fact]
    public async Task Given_the_national_layout_Then_columns_are_the_employment_systems_pinyin_keys_with_codes()
    {
        var rows = ReadXlsx(await (await api.ClientFor(Office).GetAsync("/api/source-records/export?format=xlsx&layout=national&q=X002")).Content.ReadAsByteArrayAsync());
        var row = rows.ShouldHaveSingleItem();
        row.Keys.Take(5).ShouldBe(["xh", "xm", "xbdm", "sfzh", "ksh"]);
        foreach (var key in new[] { "mzdm", "zzmmdm", "xldm", "yxdm", "zydm", "zymc", "bj", "xz", "pyfs", "dxwpdw", "dxwpdwszd", "rxsj", "bysj", "syszd", "cxsy", "knslb", "sfslb", "hkszd", "jtdz", "sjhm", "dzyx" })
            row.Keys.ShouldContain(key);
        row["xh"].ShouldBe("X002");
        row["xbdm"].ShouldBe("2");
        row["mzdm"].ShouldBe("03");
        row["pyfs"].ShouldBe("2");
        row["dxwpdw"].ShouldBe("'@某定向单位");
        row["syszd"].ShouldBe("430104");
    }

    [Fact]
    public async Task Given_the_template_Then_it_has_labels_an_example_row_and_code_lists_and_imports_as_it_is()
    {
        var xlsx = await (await api.ClientFor(College101).GetAsync("/api/source-records/template?format=xlsx")).Content.ReadAsByteArrayAsync();
        using (var stream = new MemoryStream(xlsx))
            MiniExcel.GetSheetNames(stream).ShouldBe(["补充生源信息模板", "代码表", "填写说明"]);
        var example = ReadXlsx(xlsx, "补充生源信息模板").ShouldHaveSingleItem();
        example.Keys.ShouldContain("学号*");
        example.Keys.ShouldContain("民族名称");
        example["学号*"].ShouldBe("2022000001");
        var codes = ReadXlsx(xlsx, "代码表");
        codes.Count(c => (string?)c["代码表"] == "ethnicity").ShouldBe(58);
        codes.ShouldContain(c => (string?)c["代码表"] == "college" && (string?)c["代码"] == "101");

        var dry = await (await api.ClientFor(College101).PostAsync("/api/source-records/import?cohort=2026&dryRun=true", Upload("模板.xlsx", xlsx)))
            .ShouldBeAsync(HttpStatusCode.OK);
        dry["errors"]!.AsArray().ShouldBeEmpty();
        dry["created"]!.GetValue<int>().ShouldBe(1);

        var csv = await (await api.ClientFor(College101).GetAsync("/api/source-records/template?format=csv")).Content.ReadAsByteArrayAsync();
        (await (await api.ClientFor(College101).PostAsync("/api/source-records/import?cohort=2026&dryRun=true", Upload("模板.csv", csv)))
            .ShouldBeAsync(HttpStatusCode.OK))["created"]!.GetValue<int>().ShouldBe(1);
    }

    [Fact]
    public async Task Given_an_export_Then_importing_it_back_changes_nothing()
    {
        var csv = await (await api.ClientFor(Office).GetAsync("/api/source-records/export?format=csv&q=X003")).Content.ReadAsByteArrayAsync();
        var result = await (await api.ClientFor(Office).PostAsync("/api/source-records/import?cohort=2026", Upload("export.csv", csv)))
            .ShouldBeAsync(HttpStatusCode.OK);
        result["errors"]!.AsArray().ShouldBeEmpty();
        result["unchanged"]!.GetValue<int>().ShouldBe(1);
    }
}
