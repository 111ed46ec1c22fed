using BuildingBlocks.Actors;
using BuildingBlocks.Problems;
using BuildingBlocks.Security;
using FastEndpoints;
using Marten;
using Wolverine;

namespace Identity.Accounts.Unlock;

internal sealed class UnlockEndpoint(IMessageBus bus) : EndpointWithoutRequest
{
    public override void Configure()
    {
        Post("/api/accounts/{username}/unlock");
        Roles(BuildingBlocks.Actors.Roles.College, BuildingBlocks.Actors.Roles.School);
        Summary(s => s.Summary = "解锁账号 (college: 本学院; school: 全部)");
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        await bus.InvokeAsync(new UnlockAccount(Scope.CurrentActor(), Route<string>("username")!), ct);
        await Send.NoContentAsync(ct);
    }
}

/// <summary>Staff unlock an account in their scope; unlocking an unlocked account changes nothing.</summary>
public sealed record UnlockAccount(Actor Actor, string UserName);

public static class UnlockAccountHandler
{
    public static async Task Handle(UnlockAccount command, IDocumentSession session, CancellationToken ct)
    {
        var stream = await session.Events.FetchForWriting<Account>(Account.StreamKey(command.UserName), ct);
        var account = stream.Aggregate ?? throw ProblemException.NotFound("账号不存在。");
        command.Actor.EnsureCanAccessCollege(account.CollegeCode);
        if (account.LockedAt is null && account.FailedLogins == 0) return;
        stream.AppendOne(new AccountUnlocked(account.UserName, account.StudentNumber, account.CollegeCode, Automatic: false));
    }
}
