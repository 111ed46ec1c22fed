using BuildingBlocks.Actors;
using BuildingBlocks.Problems;
using BuildingBlocks.Security;
using FastEndpoints;
using FluentValidation;
using Identity.Accounts;
using Identity.WeChat;
using Marten;
using Wolverine;

namespace Identity.Auth.WeChat;

internal sealed record BindWeChatRequest(string Code)
{
    internal sealed class Validator : Validator<BindWeChatRequest>
    {
        public Validator() => RuleFor(x => x.Code).NotEmpty().WithMessage("缺少微信授权 code");
    }
}

public sealed record WeChatBindingResponse(bool WeChatBound);

internal sealed class BindWeChatEndpoint(IMessageBus bus, IWeChatGateway weChat) : Endpoint<BindWeChatRequest, WeChatBindingResponse>
{
    public override void Configure()
    {
        Post("/api/auth/wechat/bind");
        Roles(BuildingBlocks.Actors.Roles.Student);
        Summary(s => s.Summary = "绑定微信公众号 (student)：用微信网页授权的 code 换取 openid");
    }

    public override async Task HandleAsync(BindWeChatRequest req, CancellationToken ct)
    {
        var actor = Scope.CurrentActor();
        // The call to WeChat happens before, not inside, the account's transaction.
        var openId = await weChat.ExchangeCodeAsync(req.Code.Trim(), ct);
        await bus.InvokeAsync(new BindWeChat(actor.UserName, openId), ct);
        await Send.OkAsync(new WeChatBindingResponse(true), ct);
    }
}

internal sealed class UnbindWeChatEndpoint(IMessageBus bus) : EndpointWithoutRequest
{
    public override void Configure()
    {
        Delete("/api/auth/wechat");
        Roles(BuildingBlocks.Actors.Roles.Student, BuildingBlocks.Actors.Roles.College, BuildingBlocks.Actors.Roles.School);
        Summary(s => s.Summary = "解除微信绑定");
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        await bus.InvokeAsync(new UnbindWeChat(Scope.CurrentActor().UserName), ct);
        await Send.NoContentAsync(ct);
    }
}

public sealed record BindWeChat(string UserName, string OpenId);

public sealed record UnbindWeChat(string UserName);

public static class WeChatBindingHandler
{
    public static async Task Handle(BindWeChat command, IDocumentSession session, CancellationToken ct)
    {
        var stream = await session.Events.FetchForWriting<Account>(Account.StreamKey(command.UserName), ct);
        var account = stream.Aggregate ?? throw ProblemException.NotFound("账号不存在。");
        if (account.WeChatOpenId == command.OpenId) return;
        stream.AppendOne(new WeChatBound(account.UserName, account.StudentNumber, account.CollegeCode, command.OpenId));
    }

    public static async Task Handle(UnbindWeChat command, IDocumentSession session, CancellationToken ct)
    {
        var stream = await session.Events.FetchForWriting<Account>(Account.StreamKey(command.UserName), ct);
        var account = stream.Aggregate ?? throw ProblemException.NotFound("账号不存在。");
        if (account.WeChatOpenId is null) return;
        stream.AppendOne(new WeChatUnbound(account.UserName, account.StudentNumber, account.CollegeCode));
    }
}
