using System.Net;
using BuildingBlocks.Actors;
using BuildingBlocks.Security;
using Microsoft.Extensions.DependencyInjection;
using Testing;

namespace Identity.Tests.Auth;

public sealed class LoginTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Given_the_bootstrap_office_account_When_it_logs_in_Then_it_gets_a_token_and_the_user_object()
    {
        var body = await (await api.Anonymous().LoginAsync(ApiFactory.BootstrapUser, ApiFactory.BootstrapPassword)).ShouldBeAsync(HttpStatusCode.OK);
        body["accessToken"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();
        var expiresAt = body["expiresAt"]!.GetValue<DateTimeOffset>();
        expiresAt.ShouldBeInRange(DateTimeOffset.UtcNow.AddHours(7.9), DateTimeOffset.UtcNow.AddHours(8.1));
        var user = body["user"]!;
        user["username"]!.GetValue<string>().ShouldBe(ApiFactory.BootstrapUser);
        user["role"]!.GetValue<string>().ShouldBe(Roles.School);
        user["collegeCode"].ShouldBeNull();
        user["passwordIsDefault"]!.GetValue<bool>().ShouldBeFalse();
        user["weChatBound"]!.GetValue<bool>().ShouldBeFalse();
        user["displayName"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();

        var me = await api.WithToken(body["accessToken"]!.GetValue<string>()).MeAsync();
        me["username"]!.GetValue<string>().ShouldBe(ApiFactory.BootstrapUser);
        me["role"]!.GetValue<string>().ShouldBe(Roles.School);
    }

    [Fact]
    public async Task Unknown_user_wrong_password_and_disabled_account_answer_the_same_401()
    {
        await api.StudentAsync("2026100001");
        await api.PublishAsync(new SourceRecords.Contracts.StudentRecordDeleted("2026100001", "2026", "101", "withdrawal", null), TestData.Office);

        var unknown = await (await api.Anonymous().LoginAsync("nobody-here", "whatever-123")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.invalid-credentials");
        var wrong = await (await api.Anonymous().LoginAsync(ApiFactory.BootstrapUser, "wrong-password")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.invalid-credentials");
        var disabled = await (await api.Anonymous().LoginAsync("2026100001", "whatever")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.invalid-credentials");
        wrong["detail"]!.GetValue<string>().ShouldBe(unknown["detail"]!.GetValue<string>());
        disabled["detail"]!.GetValue<string>().ShouldBe(unknown["detail"]!.GetValue<string>());
        wrong["title"]!.GetValue<string>().ShouldBe(unknown["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task Empty_fields_answer_400_in_Chinese()
    {
        var body = await (await api.Anonymous().LoginAsync("", "")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        body["errors"]!["username"]![0]!.GetValue<string>().ShouldContain("用户名");
        body["errors"]!["password"]![0]!.GetValue<string>().ShouldContain("密码");
    }

    [Fact]
    public async Task Without_a_token_or_with_a_forged_stamp_Then_401()
    {
        await (await api.Anonymous().GetAsync("/api/auth/me")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.unauthenticated");

        // A correctly signed token whose security stamp is not the account's is refused.
        var jwt = api.Services.GetRequiredService<JwtSettings>();
        var (forged, _) = TokenIssuer.Issue(jwt, ApiFactory.BootstrapUser, "x", Roles.School, null, "not-the-stamp", DateTimeOffset.UtcNow);
        await (await api.WithToken(forged).GetAsync("/api/auth/me")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.unauthenticated");
        // And one for a user that does not exist.
        var (ghost, _) = TokenIssuer.Issue(jwt, "ghost", "x", Roles.School, null, "any", DateTimeOffset.UtcNow);
        await (await api.WithToken(ghost).GetAsync("/api/auth/me")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.unauthenticated");
    }

    [Fact]
    public async Task Given_a_student_account_When_the_student_logs_in_with_the_last_six_characters_of_the_ID_Then_passwordIsDefault()
    {
        var idNumber = await api.StudentAsync("2026100002");
        var password = idNumber[^6..];
        var body = await (await api.Anonymous().LoginAsync("2026100002", password)).ShouldBeAsync(HttpStatusCode.OK);
        var user = body["user"]!;
        user["role"]!.GetValue<string>().ShouldBe(Roles.Student);
        user["collegeCode"]!.GetValue<string>().ShouldBe("101");
        user["displayName"]!.GetValue<string>().ShouldBe("张三");
        user["passwordIsDefault"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Fact]
    public async Task An_ID_number_ending_in_X_accepts_the_upper_case_default_and_a_lower_case_x()
    {
        var idNumber = Enumerable.Range(0, 2000).Select(i => ApiFactory.MakeIdNumber($"x-seed-{i}")).First(n => n.EndsWith('X'));
        await api.PublishAsync(TestData.Registered("2026100003", idNumber), TestData.Office);
        await (await api.Anonymous().LoginAsync("2026100003", idNumber[^6..])).ShouldBeAsync(HttpStatusCode.OK);
        await (await api.Anonymous().LoginAsync("2026100003", idNumber[^6..].ToLowerInvariant())).ShouldBeAsync(HttpStatusCode.OK);
        await (await api.Anonymous().LoginAsync("2026100003", idNumber[^7..^1])).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.invalid-credentials");
    }
    [Fact]
    public async Task The_test_helpers_log_in_for_real_for_staff_new_students_and_students_from_records()
    {
        var staff = await api.ClientForAsync(new Actor("t301", Roles.College, "301", null));
        (await staff.MeAsync())["collegeCode"]!.GetValue<string>().ShouldBe("301");

        var fresh = api.ClientFor(new Actor("2026100010", Roles.Student, "301", "2026100010"));
        (await fresh.MeAsync())["passwordIsDefault"]!.GetValue<bool>().ShouldBeTrue();

        var idNumber = await api.StudentAsync("2026100011");
        var fromRecord = await api.StudentClientAsync("2026100011", idNumber);
        (await fromRecord.MeAsync())["username"]!.GetValue<string>().ShouldBe("2026100011");
        var takenOver = await api.ClientForAsync(new Actor("2026100011", Roles.Student, "101", "2026100011"));
        (await takenOver.MeAsync())["passwordIsDefault"]!.GetValue<bool>().ShouldBeFalse();
    }
}
