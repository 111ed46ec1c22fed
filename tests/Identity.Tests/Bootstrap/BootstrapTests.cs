using System.Net;
using BuildingBlocks.Actors;
using Identity.Accounts;
using Identity.Bootstrap;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Testing;

namespace Identity.Tests.Bootstrap;

public sealed class BootstrapTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task The_first_office_account_comes_from_configuration_once_and_a_later_start_changes_nothing()
    {
        await (await api.Anonymous().LoginAsync(ApiFactory.BootstrapUser, ApiFactory.BootstrapPassword)).ShouldBeAsync(HttpStatusCode.OK);

        // A restart with other settings: a school account exists, so nothing is created or changed.
        var store = api.Services.GetRequiredService<IDocumentStore>();
        var options = api.Services.GetRequiredService<IdentityOptions>();
        var again = new BootstrapAccount(store, new IdentityOptions
        {
            DefaultPasswordKey = options.DefaultPasswordKey,
            BootstrapUserName = "another-admin",
            BootstrapPassword = "Another#Admin2026",
        }, NullLogger<BootstrapAccount>.Instance);
        await again.StartAsync(CancellationToken.None);

        await using var session = store.QuerySession();
        var school = await session.Query<Account>().Where(a => a.Role == Roles.School).ToListAsync();
        school.Select(a => a.UserName).ShouldBe([ApiFactory.BootstrapUser]);
        await (await api.Anonymous().LoginAsync("another-admin", "Another#Admin2026")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.invalid-credentials");
        api.Services.GetServices<IHostedService>().OfType<BootstrapAccount>().ShouldHaveSingleItem();
    }
}
