using System.Net;
using Testing;

namespace Identity.Tests.Auth;

public sealed class PasswordChangeTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Given_a_password_change_Then_older_tokens_answer_401_and_only_the_new_password_works()
    {
        var idNumber = await api.StudentAsync("2026200001");
        var oldToken = await api.TokenAsync("2026200001", idNumber[^6..]);
        var client = api.WithToken(oldToken);

        await (await client.PostJsonAsync("/api/auth/password", new { currentPassword = idNumber[^6..], newPassword = "NewPass#2026" }))
            .ShouldBeAsync(HttpStatusCode.NoContent);

        await (await client.GetAsync("/api/auth/me")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.unauthenticated");
        await (await api.Anonymous().LoginAsync("2026200001", idNumber[^6..])).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.invalid-credentials");
        var body = await (await api.Anonymous().LoginAsync("2026200001", "NewPass#2026")).ShouldBeAsync(HttpStatusCode.OK);
        body["user"]!["passwordIsDefault"]!.GetValue<bool>().ShouldBeFalse();
        var me = await api.WithToken(body["accessToken"]!.GetValue<string>()).MeAsync();
        me["passwordIsDefault"]!.GetValue<bool>().ShouldBeFalse();
    }

    [Fact]
    public async Task A_chosen_password_must_be_8_long_and_not_the_default_nor_the_student_number()
    {
        var idNumber = await api.StudentAsync("20262002");
        var client = api.WithToken(await api.TokenAsync("20262002", idNumber[^6..]));
        var current = idNumber[^6..];

        var tooShort = await (await client.PostJsonAsync("/api/auth/password", new { currentPassword = current, newPassword = "abc123" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        tooShort["errors"]!["newPassword"]![0]!.GetValue<string>().ShouldBe("新密码至少需要 8 个字符。");

        var studentNumber = await (await client.PostJsonAsync("/api/auth/password", new { currentPassword = current, newPassword = "20262002" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        studentNumber["errors"]!["newPassword"]!.AsArray().Select(m => m!.GetValue<string>()).ShouldContain("新密码不能与学号（用户名）相同。");

        var wrongCurrent = await (await client.PostJsonAsync("/api/auth/password", new { currentPassword = "not-it-at-all", newPassword = "Good#Password1" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "auth.wrong-password");
        wrongCurrent["errors"]!["currentPassword"].ShouldNotBeNull();

        // Nothing changed: the default still works.
        await (await api.Anonymous().LoginAsync("20262002", current)).ShouldBeAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_chosen_password_may_not_be_the_default_even_after_it_was_changed()
    {
        // An 8-character default is impossible (six characters), so check the rule through the reset flow's twin:
        // change away from the default, then try to change back to it.
        var idNumber = await api.StudentAsync("2026200003");
        var token = await api.TokenAsync("2026200003", idNumber[^6..]);
        await (await api.WithToken(token).PostJsonAsync("/api/auth/password", new { currentPassword = idNumber[^6..], newPassword = "First#Choice1" }))
            .ShouldBeAsync(HttpStatusCode.NoContent);
        var client = api.WithToken(await api.TokenAsync("2026200003", "First#Choice1"));
        var body = await (await client.PostJsonAsync("/api/auth/password", new { currentPassword = "First#Choice1", newPassword = idNumber[^6..] }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        body["errors"]!["newPassword"]!.AsArray().Select(m => m!.GetValue<string>()).ShouldContain("新密码不能与初始密码（身份证后六位）相同。");
    }
}
