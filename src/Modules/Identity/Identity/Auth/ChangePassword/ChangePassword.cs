using BuildingBlocks.Problems;
using BuildingBlocks.Security;
using FastEndpoints;
using FluentValidation;
using Identity.Accounts;
using Marten;
using Wolverine;

namespace Identity.Auth.ChangePassword;

internal sealed record ChangePasswordRequest(string CurrentPassword, string NewPassword)
{
    internal sealed class Validator : Validator<ChangePasswordRequest>
    {
        public Validator()
        {
            RuleFor(x => x.CurrentPassword).NotEmpty().WithMessage("请输入当前密码");
            RuleFor(x => x.NewPassword).NotEmpty().WithMessage("请输入新密码");
        }
    }
}

internal sealed class ChangePasswordEndpoint(IMessageBus bus) : Endpoint<ChangePasswordRequest>
{
    public override void Configure()
    {
        Post("/api/auth/password");
        Summary(s => s.Summary = "修改密码 (any role)：成功后旧令牌全部失效，请重新登录");
    }

    public override async Task HandleAsync(ChangePasswordRequest req, CancellationToken ct)
    {
        var actor = Scope.CurrentActor();
        await bus.InvokeAsync(new ChangeOwnPassword(actor.UserName, req.CurrentPassword, req.NewPassword), ct);
        await Send.NoContentAsync(ct);
    }
}

/// <summary>The user changes their own password; a new security stamp ends every older token.</summary>
public sealed record ChangeOwnPassword(string UserName, string CurrentPassword, string NewPassword)
{
    /// <summary>Wolverine logs a failed message with its text: never the passwords.</summary>
    public override string ToString() => $"ChangeOwnPassword {{ UserName = {UserName} }}";
}

public static class ChangeOwnPasswordHandler
{
    public static async Task Handle(ChangeOwnPassword command, IDocumentSession session, Passwords passwords,
        SecurityStamps stamps, CancellationToken ct)
    {
        var stream = await session.Events.FetchForWriting<Account>(Account.StreamKey(command.UserName), ct);
        var account = stream.Aggregate is { Disabled: false } a ? a
            : throw new ProblemException(401, ProblemCodes.Unauthenticated, "未登录或登录已失效，请重新登录。");
        if (!passwords.Verify(account.PasswordHash, command.CurrentPassword))
            throw new ProblemException(400, IdentityProblems.WrongCurrentPassword, "当前密码不正确。",
                new Dictionary<string, string[]> { ["currentPassword"] = ["当前密码不正确。"] });
        passwords.EnsureAcceptable(account, command.NewPassword);

        var stamp = Passwords.NewSecurityStamp();
        stream.AppendOne(new PasswordChanged(account.UserName, account.StudentNumber, account.CollegeCode,
            Passwords.HashChosen(command.NewPassword), stamp));
        stamps.Changed(account.UserName, stamp);
    }
}
