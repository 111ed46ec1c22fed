using BuildingBlocks.Actors;
using Identity.Accounts;
using Marten;
using Marten.Exceptions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Identity.Bootstrap;

/// <summary>
/// The first school-office account, from <c>Identity:Bootstrap:Username</c>/<c>Password</c>, created at start when no
/// school account exists yet. It runs while the host starts, so it is done before the first request is served.
/// </summary>
internal sealed class BootstrapAccount(IDocumentStore store, IdentityOptions options, ILogger<BootstrapAccount> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.BootstrapUserName is not { } userName || options.BootstrapPassword is not { } password)
        {
            logger.LogInformation("No Identity:Bootstrap:Username/Password configured; no first office account created");
            return;
        }

        using var _ = ActorContext.Use(Actor.System);
        await using var session = ActorSessionFactory.Stamp(store.LightweightSession());
        if (await session.Query<Account>().AnyAsync(a => a.Role == Roles.School, cancellationToken)) return;
        if (await session.Events.FetchStreamStateAsync(Account.StreamKey(userName), cancellationToken) is not null)
        {
            logger.LogWarning("Identity:Bootstrap:Username {UserName} is already a non-office account; no office account created", userName);
            return;
        }

        session.Events.StartStream<Account>(Account.StreamKey(userName), new StaffAccountCreated(userName, "招生就业处管理员",
            Roles.School, null, Passwords.HashChosen(password), Passwords.NewSecurityStamp()));
        try
        {
            await session.SaveChangesAsync(cancellationToken);
            logger.LogInformation("Created the first school-office account {UserName} from configuration", userName);
        }
        catch (ExistingStreamIdCollisionException)
        {
            // Another node created it at the same moment.
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
