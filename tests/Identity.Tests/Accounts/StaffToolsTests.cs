using System.Net;
using BuildingBlocks.Actors;
using SourceRecords.Contracts;
using Testing;

namespace Identity.Tests.Accounts;

public sealed class StaffToolsTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static readonly Actor College101 = new("t101", Roles.College, "101", null);
    private static readonly Actor College102 = new("t102", Roles.College, "102", null);

    [Fact]
    public async Task The_office_creates_college_and_school_staff_accounts_that_can_log_in()
    {
        await api.PublishAsync(new CollegeRegistered("201", "机械工程学院"));
        var admin = await api.AdminClientAsync();

        var created = await (await admin.PostJsonAsync("/api/accounts/staff",
            new { username = "fdy201", displayName = "李老师", role = "college", collegeCode = "201", password = "Teacher#2026" }))
            .ShouldBeAsync(HttpStatusCode.Created);
        created["username"]!.GetValue<string>().ShouldBe("fdy201");
        created["collegeCode"]!.GetValue<string>().ShouldBe("201");

        var login = await (await api.Anonymous().LoginAsync("fdy201", "Teacher#2026")).ShouldBeAsync(HttpStatusCode.OK);
        login["user"]!["role"]!.GetValue<string>().ShouldBe("college");
        login["user"]!["collegeCode"]!.GetValue<string>().ShouldBe("201");
        login["user"]!["displayName"]!.GetValue<string>().ShouldBe("李老师");

        await (await admin.PostJsonAsync("/api/accounts/staff",
            new { username = "office2", displayName = "王老师", role = "school", collegeCode = (string?)null, password = "Office#2026" }))
            .ShouldBeAsync(HttpStatusCode.Created);
        var office2 = await (await api.Anonymous().LoginAsync("office2", "Office#2026")).ShouldBeAsync(HttpStatusCode.OK);
        office2["user"]!["role"]!.GetValue<string>().ShouldBe("school");
    }

    [Fact]
    public async Task Staff_creation_refuses_an_unknown_college_a_taken_username_bad_input_and_non_office_callers()
    {
        var admin = await api.AdminClientAsync();
        var unknown = await (await admin.PostJsonAsync("/api/accounts/staff",
            new { username = "fdy999", displayName = "X", role = "college", collegeCode = "999", password = "Teacher#2026" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        unknown["errors"]!["collegeCode"]![0]!.GetValue<string>().ShouldContain("999");

        await (await admin.PostJsonAsync("/api/accounts/staff",
            new { username = ApiFactory.BootstrapUser, displayName = "X", role = "school", password = "Whatever#2026" }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "account.duplicate");

        var bad = await (await admin.PostJsonAsync("/api/accounts/staff",
            new { username = "", displayName = "", role = "student", password = "short" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        bad["errors"]!["username"].ShouldNotBeNull();
        bad["errors"]!["role"]![0]!.GetValue<string>().ShouldContain("college");
        bad["errors"]!["password"].ShouldNotBeNull();

        var college = await api.ClientForAsync(College101);
        await (await college.PostJsonAsync("/api/accounts/staff",
            new { username = "sneaky", displayName = "X", role = "school", password = "Sneaky#2026" }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.forbidden");
        var student = await api.ClientForAsync(new Actor("2026500099", Roles.Student, "101", "2026500099"));
        await (await student.PostJsonAsync("/api/accounts/staff",
            new { username = "sneaky", displayName = "X", role = "school", password = "Sneaky#2026" }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.forbidden");
        await (await student.GetAsync("/api/accounts")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.forbidden");
        await (await student.PostJsonAsync("/api/accounts/password-resets", new { usernames = new[] { "2026500099" } }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.forbidden");
    }

    [Fact]
    public async Task College_staff_list_only_their_college_and_the_office_filters_everything()
    {
        await api.StudentAsync("2026510001", cohort: "2030", college: "101", className: "A1");
        await api.StudentAsync("2026510002", cohort: "2030", college: "101", className: "A2");
        await api.StudentAsync("2026520001", cohort: "2030", college: "102", className: "B1");
        var college101 = await api.ClientForAsync(College101);
        await api.ClientForAsync(College102);

        var mine = await (await college101.GetAsync("/api/accounts?role=student&cohort=2030")).ShouldBeAsync(HttpStatusCode.OK);
        var names = mine["items"]!.AsArray().Select(i => i!["username"]!.GetValue<string>()).ToList();
        names.ShouldContain("2026510001");
        names.ShouldContain("2026510002");
        names.ShouldNotContain("2026520001");
        mine["items"]!.AsArray().ShouldAllBe(i => i!["collegeCode"]!.GetValue<string>() == "101");

        await (await college101.GetAsync("/api/accounts?collegeCode=102")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.forbidden");

        var admin = await api.AdminClientAsync();
        var all = await (await admin.GetAsync("/api/accounts?role=student&cohort=2030")).ShouldBeAsync(HttpStatusCode.OK);
        all["total"]!.GetValue<int>().ShouldBe(3);
        var only102 = await (await admin.GetAsync("/api/accounts?collegeCode=102")).ShouldBeAsync(HttpStatusCode.OK);
        only102["items"]!.AsArray().ShouldAllBe(i => i!["collegeCode"]!.GetValue<string>() == "102");
        only102["items"]!.AsArray().Select(i => i!["username"]!.GetValue<string>()).ShouldContain("t102");
        var staffOnly = await (await admin.GetAsync("/api/accounts?role=school")).ShouldBeAsync(HttpStatusCode.OK);
        staffOnly["items"]!.AsArray().Select(i => i!["username"]!.GetValue<string>()).ShouldContain(ApiFactory.BootstrapUser);

        var page = await (await admin.GetAsync("/api/accounts?role=student&cohort=2030&page=2&pageSize=2")).ShouldBeAsync(HttpStatusCode.OK);
        page["items"]!.AsArray().Count.ShouldBe(1);
        page["total"]!.GetValue<int>().ShouldBe(3);
        page["page"]!.GetValue<int>().ShouldBe(2);

        for (var i = 1; i <= 5; i++) await api.Anonymous().LoginAsync("2026510002", "wrong");
        var locked = await (await college101.GetAsync("/api/accounts?locked=true&cohort=2030")).ShouldBeAsync(HttpStatusCode.OK);
        locked["items"]!.AsArray().Select(i => i!["username"]!.GetValue<string>()).ShouldBe(["2026510002"]);
        var unlockedItem = (await (await college101.GetAsync("/api/accounts?locked=false&q=2026510001")).ShouldBeAsync(HttpStatusCode.OK))["items"]![0]!;
        unlockedItem["locked"]!.GetValue<bool>().ShouldBeFalse();
        unlockedItem["passwordIsDefault"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Fact]
    public async Task Batch_reset_by_usernames_puts_the_default_back_ends_tokens_and_respects_the_college_scope()
    {
        var id1 = await api.StudentAsync("2026530001", college: "101");
        var id2 = await api.StudentAsync("2026530002", college: "102");
        var token = await api.TokenAsync("2026530001", id1[^6..]);
        await (await api.WithToken(token).PostJsonAsync("/api/auth/password", new { currentPassword = id1[^6..], newPassword = "Chosen#2026" }))
            .ShouldBeAsync(HttpStatusCode.NoContent);
        var newToken = await api.TokenAsync("2026530001", "Chosen#2026");

        var college101 = await api.ClientForAsync(College101);
        await (await college101.PostJsonAsync("/api/accounts/password-resets", new { usernames = new[] { "2026530001", "2026530002" } }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.forbidden");

        var reset = await (await college101.PostJsonAsync("/api/accounts/password-resets", new { usernames = new[] { "2026530001", "no-such-user", "t101" } }))
            .ShouldBeAsync(HttpStatusCode.OK);
        reset["reset"]!.GetValue<int>().ShouldBe(1);

        await (await api.WithToken(newToken).GetAsync("/api/auth/me")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.unauthenticated");
        await (await api.Anonymous().LoginAsync("2026530001", "Chosen#2026")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.invalid-credentials");
        var again = await (await api.Anonymous().LoginAsync("2026530001", id1[^6..])).ShouldBeAsync(HttpStatusCode.OK);
        again["user"]!["passwordIsDefault"]!.GetValue<bool>().ShouldBeTrue();
        // The other college's student was not touched.
        await (await api.Anonymous().LoginAsync("2026530002", id2[^6..])).ShouldBeAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Batch_reset_by_cohort_college_and_class()
    {
        await api.StudentAsync("2026540001", cohort: "2027", college: "101", className: "C1");
        await api.StudentAsync("2026540002", cohort: "2027", college: "101", className: "C1");
        await api.StudentAsync("2026540003", cohort: "2027", college: "101", className: "C2");
        await api.StudentAsync("2026540004", cohort: "2027", college: "102", className: "C1");

        var college101 = await api.ClientForAsync(College101);
        (await (await college101.PostJsonAsync("/api/accounts/password-resets", new { cohort = "2027", collegeCode = "101", className = "C1" }))
            .ShouldBeAsync(HttpStatusCode.OK))["reset"]!.GetValue<int>().ShouldBe(2);
        // College staff without a college: their own college only.
        (await (await college101.PostJsonAsync("/api/accounts/password-resets", new { cohort = "2027" }))
            .ShouldBeAsync(HttpStatusCode.OK))["reset"]!.GetValue<int>().ShouldBe(3);
        await (await college101.PostJsonAsync("/api/accounts/password-resets", new { cohort = "2027", collegeCode = "102" }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.forbidden");

        var admin = await api.AdminClientAsync();
        (await (await admin.PostJsonAsync("/api/accounts/password-resets", new { cohort = "2027" }))
            .ShouldBeAsync(HttpStatusCode.OK))["reset"]!.GetValue<int>().ShouldBe(4);

        var empty = await (await admin.PostJsonAsync("/api/accounts/password-resets", new { }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        empty["errors"]!["usernames"].ShouldNotBeNull();
    }
}
