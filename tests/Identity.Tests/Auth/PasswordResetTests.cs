using System.Net;
using Identity.Contracts;
using Microsoft.Extensions.DependencyInjection;
using Testing;
using Wolverine.Tracking;

namespace Identity.Tests.Auth;

public sealed class PasswordResetTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private async Task<(HttpResponseMessage Response, PasswordResetRequested? Message)> RequestAsync(string username)
    {
        HttpResponseMessage? response = null;
        var tracked = await api.TrackAsync(async () =>
            response = await api.Anonymous().PostJsonAsync("/api/auth/password-reset/request", new { username }));
        return (response!, tracked.Sent.MessagesOf<PasswordResetRequested>().SingleOrDefault());
    }

    [Fact]
    public async Task An_unknown_user_gets_the_same_202_and_no_code_is_sent()
    {
        await api.StudentAsync("2026400001");
        var (unknown, none) = await RequestAsync("no-such-user");
        var (known, message) = await RequestAsync("2026400001");

        unknown.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        known.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await unknown.Content.ReadAsStringAsync()).ShouldBe(await known.Content.ReadAsStringAsync());
        none.ShouldBeNull();
        message.ShouldNotBeNull();
        message.UserName.ShouldBe("2026400001");
        message.Code.ShouldMatch("^[0-9]{6}$");
        message.ExpiresAt.ShouldBeInRange(DateTimeOffset.UtcNow.AddMinutes(9), DateTimeOffset.UtcNow.AddMinutes(11));
    }

    [Fact]
    public async Task Confirming_the_code_sets_the_password_unlocks_the_account_ends_old_tokens_and_the_code_works_once()
    {
        var idNumber = await api.StudentAsync("2026400002");
        var oldToken = await api.TokenAsync("2026400002", idNumber[^6..]);
        for (var i = 1; i <= 5; i++) await api.Anonymous().LoginAsync("2026400002", "wrong");
        await (await api.Anonymous().LoginAsync("2026400002", idNumber[^6..])).ShouldBeProblemAsync(HttpStatusCode.Locked, "auth.locked");

        var (_, message) = await RequestAsync("2026400002");
        var wrongCode = message!.Code == "000000" ? "111111" : "000000";
        await (await api.Anonymous().PostJsonAsync("/api/auth/password-reset/confirm", new { username = "2026400002", code = wrongCode, newPassword = "Reset#Pass2026" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "auth.invalid-reset-code");

        var weak = await (await api.Anonymous().PostJsonAsync("/api/auth/password-reset/confirm", new { username = "2026400002", code = message.Code, newPassword = "short" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        weak["errors"]!["newPassword"].ShouldNotBeNull();

        await (await api.Anonymous().PostJsonAsync("/api/auth/password-reset/confirm", new { username = "2026400002", code = message.Code, newPassword = "Reset#Pass2026" }))
            .ShouldBeAsync(HttpStatusCode.NoContent);
        await (await api.Anonymous().LoginAsync("2026400002", "Reset#Pass2026")).ShouldBeAsync(HttpStatusCode.OK);
        await (await api.WithToken(oldToken).GetAsync("/api/auth/me")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.unauthenticated");

        await (await api.Anonymous().PostJsonAsync("/api/auth/password-reset/confirm", new { username = "2026400002", code = message.Code, newPassword = "Another#Pass2026" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "auth.invalid-reset-code");
    }

    [Fact]
    public async Task A_code_expires_after_10_minutes_and_an_unknown_user_is_refused_alike()
    {
        await api.StudentAsync("2026400003");
        var (_, message) = await RequestAsync("2026400003");
        HttpResponseMessage expired;
        try
        {
            api.Clock.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));
            expired = await api.Anonymous().PostJsonAsync("/api/auth/password-reset/confirm", new { username = "2026400003", code = message!.Code, newPassword = "Reset#Pass2026" });
        }
        finally
        {
            api.Clock.Reset();
        }
        var a = await expired.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "auth.invalid-reset-code");
        var b = await (await api.Anonymous().PostJsonAsync("/api/auth/password-reset/confirm", new { username = "nobody", code = "123456", newPassword = "Reset#Pass2026" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "auth.invalid-reset-code");
        a["detail"]!.GetValue<string>().ShouldBe(b["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task Five_wrong_codes_void_the_code()
    {
        await api.StudentAsync("2026400005");
        var (_, message) = await RequestAsync("2026400005");
        var wrong = Enumerable.Range(100000, 6).Select(n => n.ToString()).Where(c => c != message!.Code).Take(5).ToList();
        foreach (var code in wrong)
            await (await api.Anonymous().PostJsonAsync("/api/auth/password-reset/confirm", new { username = "2026400005", code, newPassword = "Reset#Pass2026" }))
                .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "auth.invalid-reset-code");
        await (await api.Anonymous().PostJsonAsync("/api/auth/password-reset/confirm", new { username = "2026400005", code = message!.Code, newPassword = "Reset#Pass2026" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "auth.invalid-reset-code");

        // A new code works again.
        var (_, fresh) = await RequestAsync("2026400005");
        await (await api.Anonymous().PostJsonAsync("/api/auth/password-reset/confirm", new { username = "2026400005", code = fresh!.Code, newPassword = "Reset#Pass2026" }))
            .ShouldBeAsync(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task The_reset_message_is_handled_not_dropped_and_the_audit_never_holds_the_code()
    {
        await api.StudentAsync("2026400004");
        HttpResponseMessage? response = null;
        var tracked = await api.TrackAsync(async () =>
            response = await api.Anonymous().PostJsonAsync("/api/auth/password-reset/request", new { username = "2026400004" }));
        response!.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var message = tracked.Executed.MessagesOf<PasswordResetRequested>().ShouldHaveSingleItem();
        tracked.NoRoutes.MessagesOf<PasswordResetRequested>().ShouldBeEmpty();

        await using var session = api.Services.GetRequiredService<Marten.IDocumentStore>().QuerySession();
        var rows = await Marten.QueryableExtensions.ToListAsync(
            Queryable.Where(session.Query<BuildingBlocks.Audit.AuditEntry>(), r => r.Stream == "account:2026400004"));
        rows.ShouldNotBeEmpty();
        rows.ShouldAllBe(r => !r.Summary.Contains(message.Code));
    }
}
