using BuildingBlocks.Problems;
using BuildingBlocks.Security;
using FastEndpoints;
using Identity.Accounts;
using Marten;

namespace Identity.Auth.Me;

internal sealed class MeEndpoint(IQuerySession session) : EndpointWithoutRequest<UserResponse>
{
    public override void Configure()
    {
        Get("/api/auth/me");
        Summary(s => s.Summary = "当前登录用户 (any role)");
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var actor = Scope.CurrentActor();
        var account = await session.LoadAsync<Account>(Account.StreamKey(actor.UserName), ct)
            ?? throw new ProblemException(401, ProblemCodes.Unauthenticated, "未登录或登录已失效，请重新登录。");
        await Send.OkAsync(UserResponse.From(account), ct);
    }
}
