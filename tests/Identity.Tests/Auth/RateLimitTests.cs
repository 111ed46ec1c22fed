using System.Net;
using Microsoft.AspNetCore.Hosting;
using Testing;

namespace Identity.Tests.Auth;

public sealed class TightRateLimitFactory(PostgresServer server) : ApiFactory(server)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Identity:RateLimit:PerMinute", "3");
    }
}

public sealed class RateLimitTests(TightRateLimitFactory api) : IClassFixture<TightRateLimitFactory>
{
    [Fact]
    public async Task Login_and_reset_requests_beyond_the_per_address_limit_answer_429()
    {
        await (await api.Anonymous().LoginAsync("nobody", "x")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.invalid-credentials");
        await (await api.Anonymous().PostJsonAsync("/api/auth/password-reset/request", new { username = "nobody" })).ShouldBeAsync(HttpStatusCode.Accepted);
        await (await api.Anonymous().LoginAsync("nobody", "x")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.invalid-credentials");

        await (await api.Anonymous().LoginAsync("nobody", "x")).ShouldBeProblemAsync(HttpStatusCode.TooManyRequests, "rate-limited");
        await (await api.Anonymous().PostJsonAsync("/api/auth/password-reset/request", new { username = "nobody" }))
            .ShouldBeProblemAsync(HttpStatusCode.TooManyRequests, "rate-limited");
        // Other routes are not limited by it.
        (await api.Anonymous().GetAsync("/health")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
