using System.Security.Cryptography;
using BuildingBlocks.Actors;
using BuildingBlocks.Problems;
using FastEndpoints;
using FluentValidation;
using Identity.Accounts;
using Identity.Contracts;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Wolverine;

namespace Identity.Auth.PasswordReset;

// 忘记密码: request a one-time code (202 whatever the user name, so nobody learns which accounts exist), then confirm
// it with a new password. The code goes out in PasswordResetRequested, which Notifications delivers on the bound channel.

internal sealed record RequestPasswordResetRequest(string Username)
{
    internal sealed class Validator : Validator<RequestPasswordResetRequest>
    {
        public Validator() => RuleFor(x => x.Username).NotEmpty().WithMessage("请输入用户名（学生为学号）");
    }
}

internal sealed class RequestPasswordResetEndpoint(IMessageBus bus) : Endpoint<RequestPasswordResetRequest>
{
    public override void Configure()
    {
        Post("/api/auth/password-reset/request");
        AllowAnonymous();
        Options(x => x.RequireRateLimiting(IdentityModule.AuthRateLimitPolicy));
        Summary(s => s.Summary = "忘记密码：申请验证码（总是 202；验证码发到已绑定的渠道，10 分钟内有效，只能用一次）");
    }

    public override async Task HandleAsync(RequestPasswordResetRequest req, CancellationToken ct)
    {
        var userName = req.Username.Trim();
        using var _ = ActorContext.Use(new Actor(userName, "anonymous", null, null));
        await bus.InvokeAsync(new RequestPasswordReset(userName), ct);
        await Send.StatusCodeAsync(202, ct);
    }
}

public sealed record RequestPasswordReset(string UserName);

public static class RequestPasswordResetHandler
{
    public static readonly TimeSpan CodeLifetime = TimeSpan.FromMinutes(10);

    public static async Task<OutgoingMessages> Handle(RequestPasswordReset command, IDocumentSession session, Passwords passwords,
        TimeProvider clock, CancellationToken ct)
    {
        var messages = new OutgoingMessages();
        var stream = await session.Events.FetchForWriting<Account>(Account.StreamKey(command.UserName), ct);
        if (stream.Aggregate is not { Disabled: false } account) return messages;

        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        var expiresAt = clock.GetUtcNow() + CodeLifetime;
        stream.AppendOne(new PasswordResetCodeIssued(account.UserName, account.StudentNumber, account.CollegeCode,
            passwords.HashCode(account.UserName, code), expiresAt));
        messages.Add(new PasswordResetRequested(account.UserName, code, expiresAt, account.WeChatOpenId, null));
        return messages;
    }
}

/// <summary>
/// Until Notifications delivers reset codes, Identity receives its own message so it is kept in the durable queue,
/// not dropped for want of a route; in Development the code is written to the log, never elsewhere.
/// </summary>
public static class PasswordResetRequestedLogHandler
{
    public static void Handle(PasswordResetRequested message, IHostEnvironment environment, ILogger<RequestPasswordReset> logger)
    {
        if (environment.IsDevelopment())
            logger.LogWarning("[Development] 找回密码验证码 for {UserName}: {Code} (expires {ExpiresAt:O})", message.UserName, message.Code, message.ExpiresAt);
        else
            logger.LogInformation("A password-reset code was issued for {UserName}, expires {ExpiresAt:O}", message.UserName, message.ExpiresAt);
    }
}

internal sealed record ConfirmPasswordResetRequest(string Username, string Code, string NewPassword)
{
    internal sealed class Validator : Validator<ConfirmPasswordResetRequest>
    {
        public Validator()
        {
            RuleFor(x => x.Username).NotEmpty().WithMessage("请输入用户名（学生为学号）");
            RuleFor(x => x.Code).NotEmpty().WithMessage("请输入验证码");
            RuleFor(x => x.NewPassword).NotEmpty().WithMessage("请输入新密码");
        }
    }
}

internal sealed class ConfirmPasswordResetEndpoint(IMessageBus bus) : Endpoint<ConfirmPasswordResetRequest>
{
    public override void Configure()
    {
        Post("/api/auth/password-reset/confirm");
        AllowAnonymous();
        Options(x => x.RequireRateLimiting(IdentityModule.AuthRateLimitPolicy));
        Summary(s => s.Summary = "忘记密码：用验证码设置新密码（同时解锁账号）");
    }

    public override async Task HandleAsync(ConfirmPasswordResetRequest req, CancellationToken ct)
    {
        var userName = req.Username.Trim();
        using var _ = ActorContext.Use(new Actor(userName, "anonymous", null, null));
        var confirmed = await bus.InvokeAsync<bool>(new ConfirmPasswordReset(userName, req.Code.Trim(), req.NewPassword), ct);
        if (!confirmed)
            throw new ProblemException(400, IdentityProblems.InvalidResetCode, "验证码错误或已过期，请重新获取。",
                new Dictionary<string, string[]> { ["code"] = ["验证码错误或已过期，请重新获取。"] });
        await Send.NoContentAsync(ct);
    }
}

public sealed record ConfirmPasswordReset(string UserName, string Code, string NewPassword)
{
    /// <summary>Wolverine logs a failed message with its text: never the code or the password.</summary>
    public override string ToString() => $"ConfirmPasswordReset {{ UserName = {UserName} }}";
}

public static class ConfirmPasswordResetHandler
{
    /// <summary>
    /// False for an unknown user, a wrong, used or expired code (all alike); five wrong codes void the code.
    /// A bad new password is a 400 problem (and, the code being right, does not count as a wrong code).
    /// </summary>
    public static async Task<bool> Handle(ConfirmPasswordReset command, IDocumentSession session, Passwords passwords,
        SecurityStamps stamps, TimeProvider clock, CancellationToken ct)
    {
        var stream = await session.Events.FetchForWriting<Account>(Account.StreamKey(command.UserName), ct);
        if (stream.Aggregate is not { Disabled: false, ResetCodeHash: { } codeHash, ResetCodeExpiresAt: { } expiresAt } account
            || clock.GetUtcNow() >= expiresAt)
            return false;
        if (!passwords.VerifyCode(codeHash, account.UserName, command.Code))
        {
            stream.AppendOne(new PasswordResetCodeRejected(account.UserName, account.StudentNumber, account.CollegeCode, account.ResetCodeFailures + 1));
            return false;
        }

        passwords.EnsureAcceptable(account, command.NewPassword);
        var stamp = Passwords.NewSecurityStamp();
        stream.AppendOne(new PasswordResetConfirmed(account.UserName, account.StudentNumber, account.CollegeCode,
            Passwords.HashChosen(command.NewPassword), stamp));
        stamps.Changed(account.UserName, stamp);
        return true;
    }
}
