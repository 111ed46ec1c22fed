using System.Net;
using System.Net.Http.Json;
using Review.Contracts;
using Testing;
using static Review.Tests.Flow.FlowData;

namespace Review.Tests.Flow;

/// <summary>The seed's whole flow through HTTP on real PostgreSQL, with every module in the loop.</summary>
public sealed class VerificationFlowTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    public async ValueTask InitializeAsync() => await EnsureBasicsAsync(api);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Start_draft_submit_withdraw_resubmit_copy_college_approve_school_approve()
    {
        var student = await StudentAsync(api, "F1001");
        var view = await (await student.GetAsync("/api/verification")).ShouldBeAsync(HttpStatusCode.OK);
        view["status"]!.GetValue<string>().ShouldBe("NotStarted");
        view["schoolValues"]!["mobile"]!.GetValue<string>().ShouldBe("13812345678");
        view["studentDeadline"].ShouldNotBeNull();

        var started = await (await student.PostAsync("/api/verification/start", null)).ShouldBeAsync(HttpStatusCode.OK);
        started["status"]!.GetValue<string>().ShouldBe("InProgress");
        started["editableFields"]!.AsArray().Select(f => f!.GetValue<string>()).ShouldContain("mobile");
        started["editableFields"]!.AsArray().Select(f => f!.GetValue<string>()).ShouldNotContain("idNumber");

        var drafted = await (await student.PutAsJsonAsync("/api/verification/draft",
            new { fields = new Dictionary<string, string?> { ["mobile"] = "13998765432" } })).ShouldBeAsync(HttpStatusCode.OK);
        drafted["proposedValues"]!["mobile"]!.GetValue<string>().ShouldBe("13998765432");
        drafted["changedFields"]!.AsArray().Select(f => f!.GetValue<string>()).ShouldBe(["mobile"]);
        drafted["fields"]!.AsArray().Single(f => f!["field"]!.GetValue<string>() == "mobile")!["changed"]!.GetValue<bool>().ShouldBeTrue();

        (await (await student.PostAsync("/api/verification/submit", null)).ShouldBeAsync(HttpStatusCode.OK))["status"]!
            .GetValue<string>().ShouldBe("Submitted");

        // While the submission waits for review, staff may not edit the school record.
        var counsellor = await api.ClientForAsync(Counsellor);
        var record = await (await counsellor.GetAsync("/api/source-records/F1001")).ShouldBeAsync(HttpStatusCode.OK);
        await (await counsellor.PatchAsJsonAsync("/api/source-records/F1001", new
            {
                expectedVersion = record["version"]!.GetValue<long>(), reason = "更正班级",
                fields = new Dictionary<string, string?> { ["className"] = "软件2702" },
            }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "record.review-pending");

        // 提交撤回, change again, resubmit.
        (await (await student.PostAsync("/api/verification/withdraw", null)).ShouldBeAsync(HttpStatusCode.OK))["status"]!
            .GetValue<string>().ShouldBe("InProgress");
        await (await student.PutAsJsonAsync("/api/verification/draft",
            new { fields = new Dictionary<string, string?> { ["originRegionCode"] = "430102" } })).ShouldBeAsync(HttpStatusCode.OK);
        await (await student.PostAsync("/api/verification/submit", null)).ShouldBeAsync(HttpStatusCode.OK);

        // The counsellor's queue: 学生已核, with the changed fields.
        var queue = await (await counsellor.GetAsync($"/api/reviews?status=Submitted&cohort={Cohort}")).ShouldBeAsync(HttpStatusCode.OK);
        var item = queue["items"]!.AsArray().Single(i => i!["studentNumber"]!.GetValue<string>() == "F1001")!;
        item["changedFields"]!.AsArray().Select(f => f!.GetValue<string>()).ShouldBe(["mobile", "originRegionCode"], ignoreOrder: true);

        var detail = await (await counsellor.GetAsync("/api/reviews/F1001")).ShouldBeAsync(HttpStatusCode.OK);
        detail["fieldsToCopy"]!.AsArray().Select(f => f!.GetValue<string>()).ShouldBe(["mobile", "originRegionCode"], ignoreOrder: true);
        var mobile = detail["fields"]!.AsArray().Single(f => f!["field"]!.GetValue<string>() == "mobile")!;
        mobile["schoolValue"]!.GetValue<string>().ShouldBe("13812345678");
        mobile["proposedValue"]!.GetValue<string>().ShouldBe("13998765432");
        var version = detail["version"]!.GetValue<long>();

        // Approval before copying would silently lose the student's values: refused.
        await (await counsellor.PostJsonAsync("/api/reviews/F1001/college-review", new { expectedVersion = version, decision = "approve" }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "verification.values-not-copied");

        // 复制学生核验信息到学校库: when it returns the school record holds the values.
        var copied = await (await counsellor.PostJsonAsync("/api/reviews/F1001/copy-to-school-record", new { expectedVersion = version }))
            .ShouldBeAsync(HttpStatusCode.OK);
        copied["copied"]!.AsArray().Select(c => c!["field"]!.GetValue<string>()).ShouldBe(["mobile", "originRegionCode"], ignoreOrder: true);
        var school = await (await counsellor.GetAsync("/api/source-records/F1001")).ShouldBeAsync(HttpStatusCode.OK);
        school["fields"]!["mobile"]!.GetValue<string>().ShouldBe("13998765432");
        school["fields"]!["originRegionCode"]!.GetValue<string>().ShouldBe("430102");

        // 学院审核 → 学院已审, and the student is told.
        HttpResponseMessage? approved = null;
        var tracked = await api.TrackAsync(async () => approved = await counsellor.PostJsonAsync("/api/reviews/F1001/college-review",
            new { expectedVersion = copied["version"]!.GetValue<long>(), decision = "approve" }));
        (await approved!.ShouldBeAsync(HttpStatusCode.OK))["status"]!.GetValue<string>().ShouldBe("CollegeApproved");
        var decided = tracked.Executed.MessagesOf<VerificationDecided>().ShouldHaveSingleItem();
        (decided.Stage, decided.Decision, decided.DecidedBy, decided.Cohort).ShouldBe(("college", "approve", Counsellor.UserName, Cohort));

        // A college cannot do the school's review; the office can.
        var officeClient = await api.ClientForAsync(Office);
        var v2 = await VersionAsync(officeClient, "F1001");
        await (await counsellor.PostJsonAsync("/api/reviews/F1001/school-review", new { expectedVersion = v2, decision = "approve" }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.forbidden");
        (await (await officeClient.PostJsonAsync("/api/reviews/F1001/school-review", new { expectedVersion = v2, decision = "approve" }))
            .ShouldBeAsync(HttpStatusCode.OK))["status"]!.GetValue<string>().ShouldBe("SchoolApproved");

        var final = await (await student.GetAsync("/api/verification")).ShouldBeAsync(HttpStatusCode.OK);
        final["status"]!.GetValue<string>().ShouldBe("SchoolApproved");
        final["statusLabel"]!.GetValue<string>().ShouldBe("核验完成");
        final["canEdit"]!.GetValue<bool>().ShouldBeFalse();
        await (await student.PostAsync("/api/verification/withdraw", null))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "verification.invalid-state");

        // After the review, staff may edit the record again.
        var afterReview = await (await counsellor.GetAsync("/api/source-records/F1001")).ShouldBeAsync(HttpStatusCode.OK);
        HttpResponseMessage? patched = null;
        await api.TrackAsync(async () => patched = await counsellor.PatchAsJsonAsync("/api/source-records/F1001", new
        {
            expectedVersion = afterReview["version"]!.GetValue<long>(), reason = "更正班级",
            fields = new Dictionary<string, string?> { ["className"] = "软件2702" },
        }));
        await patched!.ShouldBeAsync(HttpStatusCode.OK);

        var history = await (await officeClient.GetAsync("/api/reviews/F1001/history")).ShouldBeAsync(HttpStatusCode.OK);
        history.AsArray().Select(e => e!["type"]!.GetValue<string>()).ShouldBe([
            "verification_opened", "verification_started", "draft_saved", "verification_submitted", "submission_withdrawn",
            "draft_saved", "verification_submitted", "values_copied_to_school_record", "college_approved", "school_approved",
            "verification_subject_updated",
        ]);
        var byRole = history.AsArray().ToDictionary(e => e!["version"]!.GetValue<long>(), e => (e!["actor"]!.GetValue<string>(), e["actorRole"]?.GetValue<string>()));
        byRole[2].ShouldBe(("F1001", "student"));
        byRole[9].ShouldBe((Counsellor.UserName, "college"));
        byRole[10].ShouldBe((Office.UserName, "school"));
    }

    [Fact]
    public async Task The_school_record_list_shows_and_filters_by_the_verification_status()
    {
        var student = await StudentAsync(api, "F7001");
        await StudentAsync(api, "F7002");
        await api.TrackAsync(async () => await SubmitAsync(student, new() { ["email"] = "f7001@example.com" }));

        var counsellor = await api.ClientForAsync(Counsellor);
        var submitted = await (await counsellor.GetAsync($"/api/source-records?cohort={Cohort}&status=Submitted&q=F700")).ShouldBeAsync(HttpStatusCode.OK);
        var item = submitted["items"]!.AsArray().ShouldHaveSingleItem()!;
        item["studentNumber"]!.GetValue<string>().ShouldBe("F7001");
        item["verificationStatus"]!.GetValue<string>().ShouldBe("Submitted");

        var notStarted = await (await counsellor.GetAsync($"/api/source-records?cohort={Cohort}&status=NotStarted&q=F700")).ShouldBeAsync(HttpStatusCode.OK);
        notStarted["items"]!.AsArray().ShouldHaveSingleItem()!["studentNumber"]!.GetValue<string>().ShouldBe("F7002");

        var detail = await (await counsellor.GetAsync("/api/source-records/F7001")).ShouldBeAsync(HttpStatusCode.OK);
        detail["verificationStatus"]!.GetValue<string>().ShouldBe("Submitted");
    }

    [Fact]
    public async Task Reject_with_a_reason_then_the_student_fixes_and_resubmits()
    {
        var student = await StudentAsync(api, "F2001");
        await SubmitAsync(student, new() { ["email"] = "new@example.com" });
        var counsellor = await api.ClientForAsync(Counsellor);
        var version = await VersionAsync(counsellor, "F2001");

        var noReason = await (await counsellor.PostJsonAsync("/api/reviews/F2001/college-review", new { expectedVersion = version, decision = "reject" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "verification.reason-required");
        noReason["errors"]!["reason"].ShouldNotBeNull();

        HttpResponseMessage? rejected = null;
        var tracked = await api.TrackAsync(async () => rejected = await counsellor.PostJsonAsync("/api/reviews/F2001/college-review",
            new { expectedVersion = version, decision = "reject", reason = "生源所在地应为户籍所在县区" }));
        (await rejected!.ShouldBeAsync(HttpStatusCode.OK))["status"]!.GetValue<string>().ShouldBe("CollegeRejected");
        tracked.Executed.MessagesOf<VerificationDecided>().ShouldHaveSingleItem().Reason.ShouldBe("生源所在地应为户籍所在县区");
        // 审核提醒: the student's inbox carries the reason.
        var inbox = await (await student.GetAsync("/api/notifications")).ShouldBeAsync(HttpStatusCode.OK);
        var notice = inbox.AsArray().ShouldHaveSingleItem()!;
        notice["title"]!.GetValue<string>().ShouldBe("生源信息学院审核不通过");
        notice["body"]!.GetValue<string>().ShouldContain("生源所在地应为户籍所在县区");
        await (await student.PostAsync($"/api/notifications/{notice["id"]!.GetValue<string>()}/read", null)).ShouldBeAsync(HttpStatusCode.NoContent);
        await (await counsellor.PostAsync($"/api/notifications/{notice["id"]!.GetValue<string>()}/read", null))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        (await (await student.GetAsync("/api/notifications")).ShouldBeAsync(HttpStatusCode.OK))[0]!["readAt"].ShouldNotBeNull();

        var view = await (await student.GetAsync("/api/verification")).ShouldBeAsync(HttpStatusCode.OK);
        view["rejection"]!["stage"]!.GetValue<string>().ShouldBe("college");
        view["rejection"]!["reason"]!.GetValue<string>().ShouldBe("生源所在地应为户籍所在县区");
        view["rejection"]!["by"]!.GetValue<string>().ShouldBe(Counsellor.UserName);
        view["canEdit"]!.GetValue<bool>().ShouldBeTrue();

        // Editing after a rejection withdraws implicitly; the history shows it.
        await (await student.PutAsJsonAsync("/api/verification/draft",
            new { fields = new Dictionary<string, string?> { ["originRegionCode"] = "430111" } })).ShouldBeAsync(HttpStatusCode.OK);
        (await (await student.PostAsync("/api/verification/submit", null)).ShouldBeAsync(HttpStatusCode.OK))["status"]!
            .GetValue<string>().ShouldBe("Submitted");
        var history = await (await counsellor.GetAsync("/api/reviews/F2001/history")).ShouldBeAsync(HttpStatusCode.OK);
        var withdrawn = history.AsArray().Single(e => e!["type"]!.GetValue<string>() == "submission_withdrawn")!;
        withdrawn["data"]!["implicit"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Fact]
    public async Task Two_reviewers_at_once_one_succeeds_the_other_gets_409()
    {
        var student = await StudentAsync(api, "F3001");
        await SubmitAsync(student, new() { ["politicalStatus"] = "01" });
        var counsellor = await api.ClientForAsync(Counsellor);
        var office = await api.ClientForAsync(Office);
        var version = await VersionAsync(counsellor, "F3001");
        var copied = await (await counsellor.PostJsonAsync("/api/reviews/F3001/copy-to-school-record", new { expectedVersion = version }))
            .ShouldBeAsync(HttpStatusCode.OK);
        var v = copied["version"]!.GetValue<long>();

        var responses = await Task.WhenAll(
            counsellor.PostJsonAsync("/api/reviews/F3001/college-review", new { expectedVersion = v, decision = "approve" }),
            office.PostJsonAsync("/api/reviews/F3001/college-review", new { expectedVersion = v, decision = "reject", reason = "重复" }));
        responses.Select(r => r.StatusCode).ShouldBe([HttpStatusCode.OK, HttpStatusCode.Conflict], ignoreOrder: true);
        var loser = responses.Single(r => r.StatusCode == HttpStatusCode.Conflict);
        await loser.ShouldBeProblemAsync(HttpStatusCode.Conflict, "record.version-conflict");

        // A stale version is refused before the school record is touched.
        await (await counsellor.PostJsonAsync("/api/reviews/F3001/copy-to-school-record", new { expectedVersion = v }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "record.version-conflict");
    }

    [Fact]
    public async Task Student_input_is_checked_field_by_field_and_nothing_is_half_saved()
    {
        var student = await StudentAsync(api, "F4001");
        await (await student.PostAsync("/api/verification/start", null)).ShouldBeAsync(HttpStatusCode.OK);

        var locked = await (await student.PutAsJsonAsync("/api/verification/draft",
                new { fields = new Dictionary<string, string?> { ["name"] = "改名", ["mobile"] = "13900001111" } }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "field.locked");
        locked["errors"]!["name"].ShouldNotBeNull();

        var invalid = await (await student.PutAsJsonAsync("/api/verification/draft",
                new { fields = new Dictionary<string, string?> { ["mobile"] = "12345", ["email"] = "ok@example.com" } }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        invalid["errors"]!["mobile"].ShouldNotBeNull();

        var view = await (await student.GetAsync("/api/verification")).ShouldBeAsync(HttpStatusCode.OK);
        view["proposedValues"]!["mobile"]!.GetValue<string>().ShouldBe("13812345678");
        view["proposedValues"]!["email"]!.GetValue<string>().ShouldBe("sF4001@example.com");

        // Clearing required values: submit lists every one of them.
        await (await student.PutAsJsonAsync("/api/verification/draft",
            new { fields = new Dictionary<string, string?> { ["mobile"] = "", ["householdAddress"] = "" } })).ShouldBeAsync(HttpStatusCode.OK);
        var incomplete = await (await student.PostAsync("/api/verification/submit", null))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "verification.incomplete");
        incomplete["errors"]!["mobile"].ShouldNotBeNull();
        incomplete["errors"]!["householdAddress"].ShouldNotBeNull();

        // Withdrawing what was never submitted is a 409.
        await (await student.PostAsync("/api/verification/withdraw", null))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "verification.invalid-state");
    }

    [Fact]
    public async Task Another_colleges_staff_get_403_and_students_cannot_reach_staff_routes()
    {
        var student = await StudentAsync(api, "F5001");
        await SubmitAsync(student, new() { ["email"] = "x@example.com" });
        var other = await api.ClientForAsync(OtherCounsellor);
        await (await other.GetAsync("/api/reviews/F5001")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.forbidden");
        await (await other.PostJsonAsync("/api/reviews/F5001/copy-to-school-record", new { expectedVersion = 4 }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.forbidden");
        await (await other.PostJsonAsync("/api/reviews/F5001/college-review", new { expectedVersion = 4, decision = "approve" }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.forbidden");
        var batch = await (await other.PostJsonAsync("/api/reviews/college-review/batch", new { studentNumbers = new[] { "F5001" }, decision = "approve" }))
            .ShouldBeAsync(HttpStatusCode.OK);
        batch["results"]![0]!["ok"]!.GetValue<bool>().ShouldBeFalse();
        batch["results"]![0]!["code"]!.GetValue<string>().ShouldBe("auth.forbidden");

        await (await student.GetAsync("/api/reviews/F5001")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.forbidden");
        await (await student.GetAsync("/api/reviews/F5001/history")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.forbidden");
    }

    [Fact]
    public async Task Batch_review_answers_per_item_and_next_walks_the_queue()
    {
        var a = await StudentAsync(api, "F6001");
        var b = await StudentAsync(api, "F6002");
        await SubmitAsync(a, new() { ["hardshipCategory"] = "0" });
        await SubmitAsync(b, new() { ["email"] = "b@example.com" });
        var counsellor = await api.ClientForAsync(Counsellor);

        var next = await (await counsellor.GetAsync("/api/reviews/F6001/next?status=Submitted")).ShouldBeAsync(HttpStatusCode.OK);
        next["studentNumber"]!.GetValue<string>().ShouldNotBe("F6001");

        // F6001 proposed nothing new: approvable at once. F6002 changed its e-mail, not yet copied: refused on its own.
        var batch = await (await counsellor.PostJsonAsync("/api/reviews/college-review/batch",
            new { studentNumbers = new[] { "F6001", "F6002", "nobody" }, decision = "approve" })).ShouldBeAsync(HttpStatusCode.OK);
        var results = batch["results"]!.AsArray().ToDictionary(r => r!["studentNumber"]!.GetValue<string>(), r => r!);
        results["F6001"]["ok"]!.GetValue<bool>().ShouldBeTrue();
        results["F6001"]["status"]!.GetValue<string>().ShouldBe("CollegeApproved");
        results["F6002"]["code"]!.GetValue<string>().ShouldBe("verification.values-not-copied");
        results["nobody"]["code"]!.GetValue<string>().ShouldBe("verification.not-found");

        var office = await api.ClientForAsync(Office);
        var school = await (await office.PostJsonAsync("/api/reviews/school-review/batch",
            new { studentNumbers = new[] { "F6001" }, decision = "approve" })).ShouldBeAsync(HttpStatusCode.OK);
        school["results"]![0]!["status"]!.GetValue<string>().ShouldBe("SchoolApproved");

        var progress = await (await office.GetAsync($"/api/reviews/progress?cohort={Cohort}")).ShouldBeAsync(HttpStatusCode.OK);
        progress["totals"]!["SchoolApproved"]!.GetValue<int>().ShouldBeGreaterThanOrEqualTo(1);
    }
}
