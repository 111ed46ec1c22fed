using System.Net.Http.Json;
using System.Net;
using BuildingBlocks.Audit;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using SourceRecords.Contracts;
using Testing;
using static SourceRecords.Tests.TestData;

namespace SourceRecords.Tests.Records;

public sealed class RecordsTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    public async ValueTask InitializeAsync() => await EnsureBasicsAsync(api);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Given_every_required_field_When_the_office_adds_a_record_Then_201_the_detail_and_list_show_it_and_StudentRecordRegistered_is_published()
    {
        HttpResponseMessage? response = null;
        var tracked = await api.TrackAsync(async () =>
            response = await api.ClientFor(Office).PostJsonAsync("/api/source-records", new { cohort = "2026", fields = ValidFields("R0001") }));
        var created = await response!.ShouldBeAsync(HttpStatusCode.Created);
        created["version"]!.GetValue<long>().ShouldBe(1);
        created["verificationStatus"]!.GetValue<string>().ShouldBe("NotStarted");

        var published = tracked.Published<StudentRecordRegistered>()
            .Where(m => m.StudentNumber == "R0001").ShouldHaveSingleItem();
        published.IdNumber.ShouldBe(ValidFields("R0001")["idNumber"]);
        published.CollegeCode.ShouldBe("101");
        published.Cohort.ShouldBe("2026");

        var detail = await (await api.ClientFor(Office).GetAsync("/api/source-records/R0001")).ShouldBeAsync(HttpStatusCode.OK);
        detail["cohort"]!.GetValue<string>().ShouldBe("2026");
        detail["fields"]!["originRegionCode"]!.GetValue<string>().ShouldBe("430104");
        detail["deleted"]!.GetValue<bool>().ShouldBeFalse();

        var list = await (await api.ClientFor(College101).GetAsync("/api/source-records?q=R0001")).ShouldBeAsync(HttpStatusCode.OK);
        list["total"]!.GetValue<int>().ShouldBe(1);
        var item = list["items"]![0]!;
        item["collegeName"]!.GetValue<string>().ShouldBe("计算机学院");
        var id = ValidFields("R0001")["idNumber"]!;
        item["idNumberMasked"]!.GetValue<string>().ShouldBe(id[..4] + "**********" + id[^4..]);
        item["version"]!.GetValue<long>().ShouldBe(1);
    }

    [Fact]
    public async Task Given_bad_values_When_a_record_is_added_Then_400_names_every_field_in_Chinese_and_nothing_is_written()
    {
        var fields = ValidFields("R0002");
        fields["idNumber"] = fields["idNumber"]![..17] + (fields["idNumber"]![17] == '1' ? "2" : "1"); // wrong check character
        fields["mobile"] = "12812345678";
        fields["email"] = "not-an-email";
        fields["enrollmentDate"] = "2022/09";
        fields["lengthOfSchooling"] = "9";
        fields["originRegionCode"] = "430100"; // 长沙市: a prefecture, not a county
        fields["sponsorUnit"] = "某单位"; // not 定向/委培
        fields["ethnicity"] = "57";
        fields.Remove("name");

        var body = await (await api.ClientFor(Office).PostJsonAsync("/api/source-records", new { cohort = "2026", fields }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        var errors = body["errors"]!;
        errors["idNumber"]![0]!.GetValue<string>().ShouldBe("身份证号校验位不正确");
        errors["mobile"]![0]!.GetValue<string>().ShouldContain("手机号码");
        errors["email"]![0]!.GetValue<string>().ShouldContain("电子邮箱");
        errors["enrollmentDate"]![0]!.GetValue<string>().ShouldContain("yyyy-MM");
        errors["lengthOfSchooling"]![0]!.GetValue<string>().ShouldContain("1.5 到 8");
        errors["originRegionCode"]![0]!.GetValue<string>().ShouldContain("区/县级");
        errors["sponsorUnit"]![0]!.GetValue<string>().ShouldContain("定向或委培");
        errors["ethnicity"]![0]!.GetValue<string>().ShouldContain("民族代码无效");
        errors["name"]![0]!.GetValue<string>().ShouldBe("姓名不能为空");

        await (await api.ClientFor(Office).GetAsync("/api/source-records/R0002")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task Given_cross_field_rules_Then_gender_must_match_the_ID_graduation_follows_enrollment_and_sponsor_fields_come_with_directed_training()
    {
        var fields = ValidFields("R0003");
        fields["gender"] = "2"; // the ID number says male
        fields["graduationDate"] = "2022-09"; // same month as enrollment
        fields["trainingMode"] = "2"; // 定向 without sponsor fields
        fields["idNumber"] = fields["idNumber"]![..6] + "20030231" + fields["idNumber"]![14..]; // 31 February

        var errors = (await (await api.ClientFor(Office).PostJsonAsync("/api/source-records", new { cohort = "2026", fields }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed"))["errors"]!;
        errors["idNumber"]![0]!.GetValue<string>().ShouldBe("身份证号中的出生日期无效");
        errors["graduationDate"]![0]!.GetValue<string>().ShouldBe("毕业年月必须晚于入学年月");
        errors["sponsorUnit"]![0]!.GetValue<string>().ShouldContain("必填");
        errors["sponsorUnitRegionCode"]![0]!.GetValue<string>().ShouldContain("必填");

        fields = ValidFields("R0003");
        fields["gender"] = "2";
        errors = (await (await api.ClientFor(Office).PostJsonAsync("/api/source-records", new { cohort = "2026", fields }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed"))["errors"]!;
        errors["gender"]![0]!.GetValue<string>().ShouldContain("性别与身份证号不一致");

        fields = ValidFields("R0003");
        fields["trainingMode"] = "4";
        fields["sponsorUnit"] = "长沙市第一中学";
        fields["sponsorUnitRegionCode"] = "430100"; // any GB/T 2260 code will do for the sponsor
        await (await api.ClientFor(Office).PostJsonAsync("/api/source-records", new { cohort = "2026", fields })).ShouldBeAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Given_college_staff_Then_they_add_and_see_only_their_own_college()
    {
        await (await api.ClientFor(College102).PostJsonAsync("/api/source-records", new { cohort = "2026", fields = ValidFields("R0004") }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.forbidden");
        var noCollege = ValidFields("R0004");
        noCollege.Remove("collegeCode");
        (await (await api.ClientFor(College102).PostJsonAsync("/api/source-records", new { cohort = "2026", fields = noCollege }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed"))["errors"]!["collegeCode"]![0]!.GetValue<string>().ShouldBe("所在院系不能为空");
        await (await api.ClientFor(College101).PostJsonAsync("/api/source-records", new { cohort = "2026", fields = ValidFields("R0004") }))
            .ShouldBeAsync(HttpStatusCode.Created);

        await (await api.ClientFor(College102).GetAsync("/api/source-records/R0004")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.forbidden");
        await (await api.ClientFor(College102).GetAsync("/api/source-records?collegeCode=101")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.forbidden");
        var list = await (await api.ClientFor(College102).GetAsync("/api/source-records?q=R0004")).ShouldBeAsync(HttpStatusCode.OK);
        list["total"]!.GetValue<int>().ShouldBe(0);
        await (await api.ClientFor(College102).PatchAsJsonAsync("/api/source-records/R0004",
            new { expectedVersion = 1, reason = "x", fields = new { name = "王五" } }, HttpExtensions.Json))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.forbidden");
        await (await api.ClientFor(College102).DeleteAsync("/api/source-records/R0004?reason=withdrawal"))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.forbidden");
    }

    [Fact]
    public async Task Given_a_student_Then_they_read_only_their_own_record_and_never_learn_whether_another_exists()
    {
        var fields = ValidFields("R0005");
        await AddAsync(api, fields);
        await AddAsync(api, ValidFields("R0006", sequence: 6));
        // The record created the student's account: log in with the default password, as the student would.
        var student = await api.StudentClientAsync("R0005", fields["idNumber"]!);

        var own = await (await student.GetAsync("/api/source-records/R0005")).ShouldBeAsync(HttpStatusCode.OK);
        own["studentNumber"]!.GetValue<string>().ShouldBe("R0005");

        var other = await (await student.GetAsync("/api/source-records/R0006")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        var missing = await (await student.GetAsync("/api/source-records/NOSUCH")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        other["detail"]!.GetValue<string>().ShouldBe(missing["detail"]!.GetValue<string>());

        await (await student.GetAsync("/api/source-records")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.forbidden");
        await (await student.GetAsync("/api/source-records/R0005/history")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.forbidden");
    }

    [Fact]
    public async Task Given_a_correction_Then_the_version_moves_on_a_stale_version_answers_409_and_the_change_is_published()
    {
        var version = await AddAsync(api, ValidFields("R0007", sequence: 7));
        HttpResponseMessage? response = null;
        var tracked = await api.TrackAsync(async () => response = await api.ClientFor(College101).PatchAsJsonAsync("/api/source-records/R0007",
            new { expectedVersion = version, reason = "学籍系统姓名有误", fields = new { name = "张叁", className = "计科2202" } }, HttpExtensions.Json));
        var body = await response!.ShouldBeAsync(HttpStatusCode.OK);
        body["version"]!.GetValue<long>().ShouldBe(version + 1);
        body["fields"]!["name"]!.GetValue<string>().ShouldBe("张叁");
        var changed = tracked.Published<StudentRecordChanged>().ShouldHaveSingleItem();
        changed.ChangedFields.ShouldBe(["name", "className"], ignoreOrder: true);
        changed.ClassName.ShouldBe("计科2202");

        await (await api.ClientFor(Office).PatchAsJsonAsync("/api/source-records/R0007",
            new { expectedVersion = version, reason = "再改", fields = new { name = "张三丰" } }, HttpExtensions.Json))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "record.version-conflict");

        var detail = await (await api.ClientFor(Office).GetAsync("/api/source-records/R0007")).ShouldBeAsync(HttpStatusCode.OK);
        detail["fields"]!["name"]!.GetValue<string>().ShouldBe("张叁");
    }

    [Fact]
    public async Task Given_two_staff_editing_at_once_Then_one_succeeds_and_the_other_gets_409()
    {
        var version = await AddAsync(api, ValidFields("R0017", sequence: 17));
        var results = await Task.WhenAll(
            api.ClientFor(College101).PatchAsJsonAsync("/api/source-records/R0017",
                new { expectedVersion = version, reason = "a", fields = new { name = "甲" } }, HttpExtensions.Json),
            api.ClientFor(Office).PatchAsJsonAsync("/api/source-records/R0017",
                new { expectedVersion = version, reason = "b", fields = new { name = "乙" } }, HttpExtensions.Json));
        results.Select(r => r.StatusCode).OrderBy(s => s).ShouldBe([HttpStatusCode.OK, HttpStatusCode.Conflict]);
    }

    [Fact]
    public async Task Given_field_permissions_Then_collegeCode_is_only_for_the_office_and_studentNumber_for_nobody()
    {
        var version = await AddAsync(api, ValidFields("R0008", sequence: 8));
        var locked = await (await api.ClientFor(College101).PatchAsJsonAsync("/api/source-records/R0008",
            new { expectedVersion = version, reason = "转院", fields = new { collegeCode = "102" } }, HttpExtensions.Json))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "field.locked");
        locked["errors"]!["collegeCode"]![0]!.GetValue<string>().ShouldContain("招生就业处");

        await (await api.ClientFor(Office).PatchAsJsonAsync("/api/source-records/R0008",
            new { expectedVersion = version, reason = "改学号", fields = new { studentNumber = "R9999" } }, HttpExtensions.Json))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "field.locked");

        // Sending a locked field back unchanged is not an edit.
        await (await api.ClientFor(College101).PatchAsJsonAsync("/api/source-records/R0008",
            new { expectedVersion = version, reason = "改手机", fields = new { collegeCode = "101", mobile = "13900001111" } }, HttpExtensions.Json))
            .ShouldBeAsync(HttpStatusCode.OK);

        var moved = await (await api.ClientFor(Office).PatchAsJsonAsync("/api/source-records/R0008",
            new { expectedVersion = version + 1, reason = "转专业到土木学院", fields = new { collegeCode = "102" } }, HttpExtensions.Json))
            .ShouldBeAsync(HttpStatusCode.OK);
        moved["fields"]!["collegeCode"]!.GetValue<string>().ShouldBe("102");

        await (await api.ClientFor(Office).PatchAsJsonAsync("/api/source-records/R0008",
            new { expectedVersion = version + 2, reason = "x", fields = new { collegeCode = "999" } }, HttpExtensions.Json))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        await (await api.ClientFor(Office).PatchAsJsonAsync("/api/source-records/R0008",
            new { expectedVersion = version + 2, reason = "", fields = new { name = "x" } }, HttpExtensions.Json))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        await (await api.ClientFor(College101).GetAsync("/api/source-records/R0008")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.forbidden");
    }

    [Fact]
    public async Task Given_corrections_Then_history_lists_every_event_with_actor_reason_and_changes_and_as_of_rebuilds_the_past()
    {
        var version = await AddAsync(api, ValidFields("R0009", sequence: 9));
        var beforeChange = DateTimeOffset.UtcNow;
        await Task.Delay(50, TestContext.Current.CancellationToken); // timestamps come from the database clock
        await (await api.ClientFor(College101).PatchAsJsonAsync("/api/source-records/R0009",
            new { expectedVersion = version, reason = "生源地填错", fields = new { originRegionCode = "110101" } }, HttpExtensions.Json))
            .ShouldBeAsync(HttpStatusCode.OK);

        var history = (await (await api.ClientFor(Office).GetAsync("/api/source-records/R0009/history")).ShouldBeAsync(HttpStatusCode.OK)).AsArray();
        history.Count.ShouldBe(2);
        history[0]!["type"]!.GetValue<string>().ShouldBe("record_added");
        history[0]!["actor"]!.GetValue<string>().ShouldBe("office1");
        history[1]!["version"]!.GetValue<long>().ShouldBe(2);
        history[1]!["actor"]!.GetValue<string>().ShouldBe("t101");
        history[1]!["actorRole"]!.GetValue<string>().ShouldBe("college");
        history[1]!["reason"]!.GetValue<string>().ShouldBe("生源地填错");
        var change = history[1]!["changes"]![0]!;
        change["field"]!.GetValue<string>().ShouldBe("originRegionCode");
        change["from"]!.GetValue<string>().ShouldBe("430104");
        change["to"]!.GetValue<string>().ShouldBe("110101");

        var v1 = await (await api.ClientFor(Office).GetAsync("/api/source-records/R0009/as-of?version=1")).ShouldBeAsync(HttpStatusCode.OK);
        v1["fields"]!["originRegionCode"]!.GetValue<string>().ShouldBe("430104");
        v1["version"]!.GetValue<long>().ShouldBe(1);
        var then = await (await api.ClientFor(Office).GetAsync(
            $"/api/source-records/R0009/as-of?at={Uri.EscapeDataString(beforeChange.ToString("O"))}")).ShouldBeAsync(HttpStatusCode.OK);
        then["fields"]!["originRegionCode"]!.GetValue<string>().ShouldBe("430104");
        var now = await (await api.ClientFor(Office).GetAsync(
            $"/api/source-records/R0009/as-of?at={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddMinutes(1).ToString("O"))}")).ShouldBeAsync(HttpStatusCode.OK);
        now["fields"]!["originRegionCode"]!.GetValue<string>().ShouldBe("110101");
        await (await api.ClientFor(Office).GetAsync("/api/source-records/R0009/as-of?at=2000-01-01T00:00:00Z")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await api.ClientFor(Office).GetAsync("/api/source-records/R0009/as-of")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");

        await using var session = api.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var audit = await session.Query<AuditEntry>().Where(a => a.Stream == "record:R0009").OrderBy(a => a.Sequence).ToListAsync();
        audit.Count.ShouldBe(2);
        audit[1].StudentNumber.ShouldBe("R0009");
        audit[1].CollegeCode.ShouldBe("101");
        audit[1].Reason.ShouldBe("生源地填错");
        audit[1].Changes.ShouldHaveSingleItem().To.ShouldBe("110101");
    }

    [Fact]
    public async Task Given_a_withdrawal_Then_the_record_is_deleted_hidden_from_the_list_restored_only_by_the_office_and_both_facts_are_published()
    {
        await AddAsync(api, ValidFields("R0010", sequence: 10));
        await (await api.ClientFor(College101).DeleteAsync("/api/source-records/R0010?reason=quit")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");

        HttpResponseMessage? response = null;
        var tracked = await api.TrackAsync(async () => response = await api.ClientFor(College101).DeleteAsync("/api/source-records/R0010?reason=withdrawal&note=本人申请退学"));
        await response!.ShouldBeAsync(HttpStatusCode.NoContent);
        var deleted = tracked.Published<StudentRecordDeleted>().ShouldHaveSingleItem();
        deleted.Reason.ShouldBe("withdrawal");
        deleted.Note.ShouldBe("本人申请退学");

        (await (await api.ClientFor(Office).GetAsync("/api/source-records/R0010")).ShouldBeAsync(HttpStatusCode.OK))["deleted"]!.GetValue<bool>().ShouldBeTrue();
        (await (await api.ClientFor(Office).GetAsync("/api/source-records?q=R0010")).ShouldBeAsync(HttpStatusCode.OK))["total"]!.GetValue<int>().ShouldBe(0);
        await (await api.ClientFor(Office).PatchAsJsonAsync("/api/source-records/R0010",
            new { expectedVersion = 2, reason = "x", fields = new { name = "王五" } }, HttpExtensions.Json))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "record.deleted");
        (await (await api.ClientFor(Office).GetAsync("/api/source-records?q=R0010&status=Deleted")).ShouldBeAsync(HttpStatusCode.OK))["total"]!.GetValue<int>().ShouldBe(1);
        await (await api.ClientFor(Office).DeleteAsync("/api/source-records/R0010?reason=other&note=x")).ShouldBeProblemAsync(HttpStatusCode.Conflict, "record.deleted");

        await (await api.ClientFor(College101).PostAsync("/api/source-records/R0010/restore", null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.forbidden");
        await (await api.ClientFor(Office).PostAsync("/api/source-records/R0010/restore?expectedVersion=1", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "record.version-conflict");
        tracked = await api.TrackAsync(async () => response = await api.ClientFor(Office).PostAsync("/api/source-records/R0010/restore", null));
        await response!.ShouldBeAsync(HttpStatusCode.NoContent);
        tracked.Published<StudentRecordRestored>().ShouldHaveSingleItem().StudentNumber.ShouldBe("R0010");
        (await (await api.ClientFor(Office).GetAsync("/api/source-records?q=R0010")).ShouldBeAsync(HttpStatusCode.OK))["total"]!.GetValue<int>().ShouldBe(1);
        await (await api.ClientFor(Office).PostJsonAsync("/api/source-records/R0010/restore", new { })).ShouldBeProblemAsync(HttpStatusCode.Conflict, "record.not-deleted");
    }

    [Fact]
    public async Task Given_deferred_graduation_Then_the_record_moves_to_the_other_cohort_and_StudentRecordMoved_is_published()
    {
        await AddAsync(api, ValidFields("R0011", sequence: 11));
        HttpResponseMessage? response = null;
        var tracked = await api.TrackAsync(async () => response = await api.ClientFor(College101).PostJsonAsync("/api/source-records/R0011/move",
            new { toCohort = "2027", reason = "延期毕业" }));
        (await response!.ShouldBeAsync(HttpStatusCode.OK))["cohort"]!.GetValue<string>().ShouldBe("2027");
        var moved = tracked.Published<StudentRecordMoved>().ShouldHaveSingleItem();
        moved.FromCohort.ShouldBe("2026");
        moved.ToCohort.ShouldBe("2027");

        (await (await api.ClientFor(Office).GetAsync("/api/source-records?cohort=2027&q=R0011")).ShouldBeAsync(HttpStatusCode.OK))["total"]!.GetValue<int>().ShouldBe(1);
        await (await api.ClientFor(Office).PostJsonAsync("/api/source-records/R0011/move", new { toCohort = "1999", reason = "x" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        await (await api.ClientFor(Office).PostJsonAsync("/api/source-records/R0011/move", new { toCohort = "2026", reason = "x", expectedVersion = 1 }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "record.version-conflict");
    }

    [Fact]
    public async Task Given_an_existing_student_number_When_added_again_Then_409()
    {
        await AddAsync(api, ValidFields("R0012", sequence: 12));
        await (await api.ClientFor(Office).PostJsonAsync("/api/source-records", new { cohort = "2026", fields = ValidFields("R0012", sequence: 13) }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "record.duplicate");
        await (await api.ClientFor(Office).PostJsonAsync("/api/source-records", new { cohort = "nope", fields = ValidFields("R0013", sequence: 13) }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
    }

    [Fact]
    public async Task Given_filters_Then_the_list_pages_and_filters_by_major_class_and_keyword()
    {
        for (var i = 20; i < 25; i++)
        {
            var f = ValidFields($"L00{i}", sequence: i);
            f["className"] = i < 23 ? "软工2201" : "软工2202";
            f["majorName"] = "软件工程";
            f["majorCode"] = "080902";
            f["name"] = $"学生{i}";
            await AddAsync(api, f);
        }
        var office = api.ClientFor(Office);
        var page = await (await office.GetAsync("/api/source-records?major=软件工程&pageSize=2&page=2")).ShouldBeAsync(HttpStatusCode.OK);
        page["total"]!.GetValue<int>().ShouldBe(5);
        page["items"]!.AsArray().Select(x => x!["studentNumber"]!.GetValue<string>()).ShouldBe(["L0022", "L0023"]);
        (await (await office.GetAsync("/api/source-records?major=080902&className=软工2202")).ShouldBeAsync(HttpStatusCode.OK))["total"]!.GetValue<int>().ShouldBe(2);
        (await (await office.GetAsync("/api/source-records?q=学生24")).ShouldBeAsync(HttpStatusCode.OK))["total"]!.GetValue<int>().ShouldBe(1);
        (await (await office.GetAsync("/api/source-records?major=软件工程&status=NotStarted&cohort=2026")).ShouldBeAsync(HttpStatusCode.OK))["total"]!.GetValue<int>().ShouldBe(5);
        (await (await office.GetAsync("/api/source-records?major=软件工程&status=Submitted")).ShouldBeAsync(HttpStatusCode.OK))["total"]!.GetValue<int>().ShouldBe(0);
    }
}
