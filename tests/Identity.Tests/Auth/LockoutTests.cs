using System.Net;
using BuildingBlocks.Audit;
using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Testing;

namespace Identity.Tests.Auth;

public sealed class LockoutTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_with_423_and_it_unlocks_by_itself_after_30_minutes()
    {
        var idNumber = await api.StudentAsync("2026300001");
        for (var i = 1; i <= 4; i++)
            await (await api.Anonymous().LoginAsync("2026300001", $"wrong-{i}")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.invalid-credentials");
        await (await api.Anonymous().LoginAsync("2026300001", "wrong-5")).ShouldBeProblemAsync(HttpStatusCode.Locked, "auth.locked");
        // Locked: even the right password answers 423.
        await (await api.Anonymous().LoginAsync("2026300001", idNumber[^6..])).ShouldBeProblemAsync(HttpStatusCode.Locked, "auth.locked");

        try
        {
            api.Clock.Advance(TimeSpan.FromMinutes(29));
            await (await api.Anonymous().LoginAsync("2026300001", idNumber[^6..])).ShouldBeProblemAsync(HttpStatusCode.Locked, "auth.locked");
            api.Clock.Advance(TimeSpan.FromMinutes(2));
            await (await api.Anonymous().LoginAsync("2026300001", idNumber[^6..])).ShouldBeAsync(HttpStatusCode.OK);
        }
        finally
        {
            api.Clock.Reset();
        }

        await using var session = api.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var types = (await session.Events.FetchStreamAsync("account:2026300001")).Select(e => e.EventTypeName).ToList();
        types.Count(t => t == "login_failed").ShouldBe(5);
        types.ShouldContain("account_locked");
        types.ShouldContain("account_unlocked");
        var audit = await session.Query<AuditEntry>().Where(a => a.Stream == "account:2026300001").ToListAsync();
        audit.ShouldContain(a => a.Summary.Contains("锁定"));
        audit.ShouldAllBe(a => a.StudentNumber == "2026300001" && a.Module == "identity");
    }

    [Fact]
    public async Task A_right_password_before_the_fifth_failure_starts_the_count_again()
    {
        var idNumber = await api.StudentAsync("2026300002");
        for (var i = 1; i <= 4; i++) await api.Anonymous().LoginAsync("2026300002", "wrong");
        await (await api.Anonymous().LoginAsync("2026300002", idNumber[^6..])).ShouldBeAsync(HttpStatusCode.OK);
        for (var i = 1; i <= 4; i++)
            await (await api.Anonymous().LoginAsync("2026300002", "wrong")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.invalid-credentials");
        await (await api.Anonymous().LoginAsync("2026300002", idNumber[^6..])).ShouldBeAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Concurrent_wrong_passwords_still_lock_after_five()
    {
        var idNumber = await api.StudentAsync("2026300003");
        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => api.Anonymous().LoginAsync("2026300003", "wrong")));
        answers.Count(a => a.StatusCode == HttpStatusCode.Unauthorized).ShouldBe(4);
        answers.Count(a => a.StatusCode == HttpStatusCode.Locked).ShouldBe(4);
        await (await api.Anonymous().LoginAsync("2026300003", idNumber[^6..])).ShouldBeProblemAsync(HttpStatusCode.Locked, "auth.locked");
    }
}

/// <summary><c>Identity:Lockout:Minutes = 0</c>: a lock lasts until staff unlock it.</summary>
public sealed class NoExpiryLockoutFactory(PostgresServer server) : ApiFactory(server)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Identity:Lockout:Minutes", "0");
    }
}

public sealed class LockoutWithoutExpiryTests(NoExpiryLockoutFactory api) : IClassFixture<NoExpiryLockoutFactory>
{
    [Fact]
    public async Task With_0_minutes_the_lock_stays_until_college_staff_of_the_students_college_unlock_it()
    {
        var idNumber = await api.StudentAsync("2026310001", college: "101");
        for (var i = 1; i <= 5; i++) await api.Anonymous().LoginAsync("2026310001", "wrong");
        try
        {
            api.Clock.Advance(TimeSpan.FromDays(3));
            await (await api.Anonymous().LoginAsync("2026310001", idNumber[^6..])).ShouldBeProblemAsync(HttpStatusCode.Locked, "auth.locked");
        }
        finally
        {
            api.Clock.Reset();
        }

        var listed = await (await (await api.ClientForAsync(new BuildingBlocks.Actors.Actor("t101", "college", "101", null)))
            .GetAsync("/api/accounts?locked=true")).ShouldBeAsync(HttpStatusCode.OK);
        listed["items"]!.AsArray().Select(i => i!["username"]!.GetValue<string>()).ShouldBe(["2026310001"]);
        listed["items"]![0]!["locked"]!.GetValue<bool>().ShouldBeTrue();

        var otherCollege = await api.ClientForAsync(new BuildingBlocks.Actors.Actor("t102", "college", "102", null));
        await (await otherCollege.PostAsync("/api/accounts/2026310001/unlock", null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.forbidden");
        var staff = await api.ClientForAsync(new BuildingBlocks.Actors.Actor("t101", "college", "101", null));
        await (await staff.PostAsync("/api/accounts/2026310001/unlock", null)).ShouldBeAsync(HttpStatusCode.NoContent);
        await (await api.Anonymous().LoginAsync("2026310001", idNumber[^6..])).ShouldBeAsync(HttpStatusCode.OK);
        await (await staff.PostAsync("/api/accounts/no-such-user/unlock", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
    }
}
