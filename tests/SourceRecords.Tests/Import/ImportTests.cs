using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using SourceRecords.Contracts;
using Testing;
using static SourceRecords.Tests.Import.ImportFiles;
using static SourceRecords.Tests.TestData;

namespace SourceRecords.Tests.Import;

public sealed class ImportTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    public async ValueTask InitializeAsync() => await EnsureBasicsAsync(api);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private async Task<JsonNode> ImportAsync(Testing.ApiFactory factory, BuildingBlocks.Actors.Actor actor, string fileName, byte[] bytes,
        bool dryRun = false, HttpStatusCode expected = HttpStatusCode.OK, string cohort = "2026") =>
        await (await factory.ClientFor(actor).PostAsync($"/api/source-records/import?cohort={cohort}&dryRun={dryRun}", Upload(fileName, bytes)))
            .ShouldBeAsync(expected);

    private async Task<HttpResponseMessage> RawImportAsync(string fileName, byte[] bytes) =>
        await api.ClientFor(Office).PostAsync("/api/source-records/import?cohort=2026", Upload(fileName, bytes));

    private static Dictionary<string, string?> Person(string number, int sequence, string college = "101")
    {
        var f = ValidFields(number, college, sequence, male: sequence % 2 == 1);
        f["name"] = $"学生{number}";
        return f;
    }

    private static IEnumerable<IReadOnlyList<string?>> Sheet(IEnumerable<Dictionary<string, string?>> students) =>
        new[] { (IReadOnlyList<string?>)Labels }.Concat(students.Select(Row));

    private async Task<HttpStatusCode> StatusOfAsync(string studentNumber) =>
        (await api.ClientFor(Office).GetAsync($"/api/source-records/{studentNumber}")).StatusCode;

    [Fact]
    public async Task Given_a_CSV_with_BOM_labels_and_values_by_label_Then_a_dry_run_writes_nothing_and_the_import_creates_every_record()
    {
        var students = Enumerable.Range(1, 5).Select(i => Person($"A00{i}", i)).ToList();
        foreach (var s in students)
        {
            s["gender"] = s["gender"] == "1" ? "男" : "女";
            s["ethnicity"] = "汉族";
            s["trainingMode"] = "非定向";
            s["educationLevel"] = "本科生毕业";
            s["enrollmentDate"] = "2022/9";
        }
        var file = Utf8(Csv(Sheet(students)), bom: true);

        var dry = await ImportAsync(api, Office, "名单.csv", file, dryRun: true);
        dry["created"]!.GetValue<int>().ShouldBe(5);
        dry["rejected"]!.GetValue<int>().ShouldBe(0);
        dry["dryRun"]!.GetValue<bool>().ShouldBeTrue();
        (await StatusOfAsync("A001")).ShouldBe(HttpStatusCode.NotFound);

        JsonNode? result = null;
        var tracked = await api.TrackAsync(async () => result = await ImportAsync(api, Office, "名单.csv", file));
        result!["created"]!.GetValue<int>().ShouldBe(5);
        tracked.Published<StudentRecordRegistered>()
            .Select(m => m.StudentNumber).ShouldBe(students.Select(s => s["studentNumber"]!), ignoreOrder: true);

        var record = await (await api.ClientFor(Office).GetAsync("/api/source-records/A002")).ShouldBeAsync(HttpStatusCode.OK);
        record["fields"]!["gender"]!.GetValue<string>().ShouldBe("2");
        record["fields"]!["ethnicity"]!.GetValue<string>().ShouldBe("01");
        record["fields"]!["trainingMode"]!.GetValue<string>().ShouldBe("1");
        record["fields"]!["educationLevel"]!.GetValue<string>().ShouldBe("31");
        record["fields"]!["enrollmentDate"]!.GetValue<string>().ShouldBe("2022-09");
        record["cohort"]!.GetValue<string>().ShouldBe("2026");
    }

    [Fact]
    public async Task Given_the_same_file_again_Then_unchanged_rows_stay_unchanged_and_changed_rows_become_corrections_by_the_importer()
    {
        var students = Enumerable.Range(1, 3).Select(i => Person($"B00{i}", i)).ToList();
        // No BOM, field names as the header.
        var header = global::SourceRecords.Fields.FieldCatalogue.Fields.Select(f => (string?)f.Field).ToList();
        string Build() => Csv(new[] { (IReadOnlyList<string?>)header }.Concat(students.Select(Row)));
        (await ImportAsync(api, Office, "b.csv", Utf8(Build(), bom: false)))["created"]!.GetValue<int>().ShouldBe(3);

        var again = await ImportAsync(api, Office, "b.csv", Utf8(Build(), bom: false));
        again["created"]!.GetValue<int>().ShouldBe(0);
        again["unchanged"]!.GetValue<int>().ShouldBe(3);
        (await (await api.ClientFor(Office).GetAsync("/api/source-records/B001")).ShouldBeAsync(HttpStatusCode.OK))["version"]!.GetValue<long>().ShouldBe(1);

        students[1]["className"] = "计科2299";
        students[2]["mobile"] = null; // a blank cell never clears a value
        JsonNode? changed = null;
        var tracked = await api.TrackAsync(async () => changed = await ImportAsync(api, College101, "b2.csv", Utf8(Build(), bom: false)));
        changed!["updated"]!.GetValue<int>().ShouldBe(1);
        changed["unchanged"]!.GetValue<int>().ShouldBe(2);
        tracked.Published<StudentRecordChanged>()
            .ShouldHaveSingleItem().StudentNumber.ShouldBe("B002");

        var history = (await (await api.ClientFor(Office).GetAsync("/api/source-records/B002/history")).ShouldBeAsync(HttpStatusCode.OK)).AsArray();
        history.Count.ShouldBe(2);
        history[1]!["type"]!.GetValue<string>().ShouldBe("record_corrected");
        history[1]!["actor"]!.GetValue<string>().ShouldBe("t101");
        history[1]!["reason"]!.GetValue<string>().ShouldContain("b2.csv");
        history[1]!["changes"]![0]!["to"]!.GetValue<string>().ShouldBe("计科2299");
        (await (await api.ClientFor(Office).GetAsync("/api/source-records/B003")).ShouldBeAsync(HttpStatusCode.OK))["fields"]!["mobile"]!
            .GetValue<string>().ShouldBe("13812345678");
    }

    [Fact]
    public async Task Given_bad_rows_Then_every_bad_row_and_field_is_reported_with_its_spreadsheet_row_and_nothing_is_written()
    {
        var good = Person("C001", 1);
        var badId = Person("C002", 2);
        badId["idNumber"] = "430104200301010000";
        var duplicate = Person("C001", 3);
        var badMobile = Person("C004", 4);
        badMobile["mobile"] = "1234";
        badMobile["gender"] = "未知";
        var rows = new List<IReadOnlyList<string?>> { Labels, Row(good), Row(badId), new string?[Labels.Length], Row(duplicate), Row(badMobile) };
        // Row numbers as the spreadsheet shows them: header 1, C001 2, C002 3, blank 4, duplicate 5, C004 6.
        var result = await ImportAsync(api, Office, "c.csv", Utf8(Csv(rows) + ",,,\r\n\r\n", bom: true));

        result["rejected"]!.GetValue<int>().ShouldBe(3);
        result["created"]!.GetValue<int>().ShouldBe(0);
        var errors = result["errors"]!.AsArray().Select(e => (Row: e!["row"]!.GetValue<int>(), Field: e["field"]?.GetValue<string>(), Message: e["message"]!.GetValue<string>())).ToList();
        errors.ShouldContain(e => e.Row == 3 && e.Field == "idNumber");
        errors.ShouldContain(e => e.Row == 5 && e.Field == "studentNumber" && e.Message.Contains("第 2 行重复"));
        errors.ShouldContain(e => e.Row == 6 && e.Field == "mobile");
        errors.ShouldContain(e => e.Row == 6 && e.Field == "gender" && e.Message.Contains("性别代码无效"));
        errors.ShouldNotContain(e => e.Row == 2 || e.Row == 4);

        (await StatusOfAsync("C001")).ShouldBe(HttpStatusCode.NotFound); // all or nothing: the good row is not written either
    }

    [Fact]
    public async Task Given_a_misspelled_or_missing_header_Then_the_file_is_rejected_naming_the_column()
    {
        var labels = Labels.ToArray();
        labels[1] = "姓 名";
        labels[2] = "性別";
        var rows = new List<IReadOnlyList<string?>> { labels, Row(Person("D001", 1)) };
        var result = await ImportAsync(api, Office, "d.csv", Utf8(Csv(rows), bom: false));
        var errors = result["errors"]!.AsArray();
        errors.ShouldContain(e => e!["row"]!.GetValue<int>() == 1 && e["field"]!.GetValue<string>() == "性別");
        errors.ShouldContain(e => e!["field"]!.GetValue<string>() == "name" && e["message"]!.GetValue<string>() == "缺少必填列：姓名");
        result["rejected"]!.GetValue<int>().ShouldBe(1);
        (await StatusOfAsync("D001")).ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Given_the_wrong_kind_of_file_Then_415_or_400_or_413_and_never_a_server_error()
    {
        await (await RawImportAsync("名单.txt", "学号\r\n1"u8.ToArray())).ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType, "import.unsupported-type");
        await (await RawImportAsync("名单.xls", [0xD0, 0xCF, 0x11, 0xE0])).ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType, "import.unsupported-type");
        await (await RawImportAsync("名单.xlsx", "not a workbook"u8.ToArray())).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "import.unreadable");
        await (await RawImportAsync("名单.xlsx", [(byte)'P', (byte)'K', 3, 4, 0, 0, 0, 0])).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "import.unreadable");

        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var gbk = Encoding.GetEncoding("GB18030").GetBytes("学号,姓名\r\n2022001,张三\r\n");
        await (await RawImportAsync("gbk.csv", gbk)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "import.encoding");

        var big = new byte[10 * 1024 * 1024 + 1];
        Array.Fill(big, (byte)'a');
        await (await RawImportAsync("big.csv", big)).ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge, "import.too-large");

        await (await api.ClientFor(Office).PostAsync("/api/source-records/import?cohort=2026", new MultipartFormDataContent { { new StringContent("x"), "other" } }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        await (await api.ClientFor(Office).PostAsync("/api/source-records/import?cohort=nope", Upload("a.csv", Utf8(Csv(Sheet([Person("E001", 1)])), false))))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        await (await api.ClientFor(Student("E001")).PostAsync("/api/source-records/import?cohort=2026", Upload("a.csv", Utf8(Csv(Sheet([Person("E001", 1)])), false))))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.forbidden");
        (await RawImportAsync("empty.csv", [])).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var headerOnly = await (await RawImportAsync("h.csv", Utf8(Csv([Labels]), true))).ShouldBeAsync(HttpStatusCode.OK);
        headerOnly["errors"]!.AsArray().ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Given_college_staff_Then_they_import_only_their_own_colleges_rows()
    {
        var own = Person("F001", 1);
        var other = Person("F002", 2, college: "102");
        var result = await ImportAsync(api, College101, "f.csv", Utf8(Csv(Sheet([own, other])), true));
        result["rejected"]!.GetValue<int>().ShouldBe(1);
        result["errors"]![0]!["row"]!.GetValue<int>().ShouldBe(3);
        result["errors"]![0]!["field"]!.GetValue<string>().ShouldBe("collegeCode");
        (await StatusOfAsync("F001")).ShouldBe(HttpStatusCode.NotFound);

        (await ImportAsync(api, College101, "f.csv", Utf8(Csv(Sheet([own])), true)))["created"]!.GetValue<int>().ShouldBe(1);
        // An existing record of another college cannot be overwritten by re-labelling the row.
        (await ImportAsync(api, Office, "g.csv", Utf8(Csv(Sheet([other])), true)))["created"]!.GetValue<int>().ShouldBe(1);
        var relabelled = Person("F002", 2, college: "101");
        var refused = await ImportAsync(api, College101, "g.csv", Utf8(Csv(Sheet([relabelled])), true));
        refused["errors"]![0]!["message"]!.GetValue<string>().ShouldContain("其他学院");
    }

    [Fact]
    public async Task Given_an_xlsx_with_typed_cells_Then_dates_numbers_and_codes_that_lost_their_zero_are_read_as_people_meant_them()
    {
        var fields = global::SourceRecords.Fields.FieldCatalogue.Fields;
        Dictionary<string, object?> XRow(Dictionary<string, string?> s, Action<Dictionary<string, object?>>? change = null)
        {
            var row = fields.ToDictionary(f => f.Label, f => (object?)s.GetValueOrDefault(f.Field));
            change?.Invoke(row);
            return row;
        }
        var rows = new List<Dictionary<string, object?>>
        {
            XRow(Person("900001", 1), r =>
            {
                r["学号"] = 900001d; // a number cell
                r["入学年月"] = new DateTime(2022, 9, 1); // a date cell
                r["毕业年月"] = new DateTime(2026, 6, 30);
                r["民族"] = 1d; // "01" typed as a number
                r["学制"] = 4d;
                r["考生号"] = 22430104151234d; // 14 digits survive as a number
            }),
            fields.ToDictionary(f => f.Label, _ => (object?)null), // a blank row
            XRow(Person("900003", 3), r => r["身份证号"] = 430104200301010123d), // an ID typed as a number loses digits
        };
        var result = await ImportAsync(api, Office, "x.xlsx", Xlsx(rows));
        var errors = result["errors"]!.AsArray();
        var error = errors.ShouldHaveSingleItem()!;
        error["row"]!.GetValue<int>().ShouldBe(4);
        error["field"]!.GetValue<string>().ShouldBe("idNumber");
        error["message"]!.GetValue<string>().ShouldContain("文本");

        rows.RemoveAt(2);
        (await ImportAsync(api, Office, "x.xlsx", Xlsx(rows)))["created"]!.GetValue<int>().ShouldBe(1);
        var record = await (await api.ClientFor(Office).GetAsync("/api/source-records/900001")).ShouldBeAsync(HttpStatusCode.OK);
        record["fields"]!["enrollmentDate"]!.GetValue<string>().ShouldBe("2022-09");
        record["fields"]!["graduationDate"]!.GetValue<string>().ShouldBe("2026-06");
        record["fields"]!["ethnicity"]!.GetValue<string>().ShouldBe("01");
        record["fields"]!["lengthOfSchooling"]!.GetValue<string>().ShouldBe("4");
        record["fields"]!["examineeNumber"]!.GetValue<string>().ShouldBe("22430104151234");
    }

    [Fact]
    public async Task Given_quoted_cells_with_commas_quotes_and_line_breaks_Then_they_are_read_whole()
    {
        var s = Person("G001", 1);
        s["homeAddress"] = "湖南省长沙市, \"岳麓\"区\n麓山南路";
        (await ImportAsync(api, Office, "q.csv", Utf8(Csv(Sheet([s])), true)))["created"]!.GetValue<int>().ShouldBe(1);
        var record = await (await api.ClientFor(Office).GetAsync("/api/source-records/G001")).ShouldBeAsync(HttpStatusCode.OK);
        record["fields"]!["homeAddress"]!.GetValue<string>().ShouldBe("湖南省长沙市, \"岳麓\"区\n麓山南路");
    }
}
