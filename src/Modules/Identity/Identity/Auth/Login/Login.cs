using BuildingBlocks.Actors;
using BuildingBlocks.Problems;
using BuildingBlocks.Security;
using FastEndpoints;
using FluentValidation;
using Identity.Accounts;
using Marten;
using Microsoft.AspNetCore.Builder;
using Wolverine;

namespace Identity.Auth.Login;

internal sealed record LoginRequest(string Username, string Password)
{
    internal sealed class Validator : Validator<LoginRequest>
    {
        public Validator()
        {
            RuleFor(x => x.Username).NotEmpty().WithMessage("请输入用户名（学生为学号）");
            RuleFor(x => x.Password).NotEmpty().WithMessage("请输入密码");
        }
    }
}

public sealed record LoginResponse(string AccessToken, DateTimeOffset ExpiresAt, UserResponse User);

internal sealed class LoginEndpoint(IMessageBus bus) : Endpoint<LoginRequest, LoginResponse>
{
    public override void Configure()
    {
        Post("/api/auth/login");
        AllowAnonymous();
        Options(x => x.RequireRateLimiting(IdentityModule.AuthRateLimitPolicy));
        Summary(s => s.Summary = "登录：学生用学号，初始密码为身份证后六位；返回 bearer 令牌");
    }

    public override async Task HandleAsync(LoginRequest req, CancellationToken ct)
    {
        var userName = req.Username.Trim();
        // Nobody is logged in yet: the events of this attempt are recorded as the attempted user name.
        using var _ = ActorContext.Use(new Actor(userName, "anonymous", null, null));
        var outcome = await bus.InvokeAsync<LoginOutcome>(
            new LogIn(userName, req.Password, HttpContext.Connection.RemoteIpAddress?.ToString()), ct);
        if (outcome.Locked)
            throw new ProblemException(423, IdentityProblems.Locked, "账号因连续多次密码错误已被锁定，请稍后再试或联系辅导员解锁，也可通过“忘记密码”重设。");
        if (outcome.Success is null)
            throw new ProblemException(401, IdentityProblems.InvalidCredentials, "用户名或密码错误。");
        await Send.OkAsync(outcome.Success, ct);
    }
}

/// <summary>A login attempt. Failures are recorded; the fifth in a row locks the account.</summary>
public sealed record LogIn(string UserName, string Password, string? ClientIp)
{
    /// <summary>Wolverine logs a failed message with its text: never the password.</summary>
    public override string ToString() => $"LogIn {{ UserName = {UserName}, ClientIp = {ClientIp} }}";
}

/// <summary>Success carries the token; otherwise Locked tells 423 from 401.</summary>
public sealed record LoginOutcome(LoginResponse? Success, bool Locked)
{
    public static readonly LoginOutcome Invalid = new(null, false);
    public static readonly LoginOutcome IsLocked = new(null, true);
}

public enum LoginResult
{
    Invalid,
    Locked,
    Success,
}

public static class LogInHandler
{
    public static async Task<LoginOutcome> Handle(LogIn command, IDocumentSession session, Passwords passwords,
        IdentityOptions options, JwtSettings jwt, TimeProvider clock, CancellationToken ct)
    {
        var key = Account.StreamKey(command.UserName);
        var now = clock.GetUtcNow();
        var account = await session.LoadAsync<Account>(key, ct);
        // Unknown and disabled accounts answer exactly like a wrong password.
        if (account is null || account.Disabled) return LoginOutcome.Invalid;
        if (account.IsLockedAt(now, options.Lockout)) return LoginOutcome.IsLocked;

        var ok = passwords.Verify(account.PasswordHash, command.Password);
        // The hot path (a right password, nothing to clear) reads one document and writes nothing.
        if (ok && account.FailedLogins == 0 && account.LockedAt is null) return Success(account, jwt, now);

        // Counting failures: one attempt at a time per account, so five wrong passwords lock it even when concurrent.
        var stream = await session.Events.FetchForExclusiveWriting<Account>(key, ct);
        var current = stream.Aggregate ?? account;
        var (events, result) = Decide(current, ok, now, options.Lockout, command.ClientIp);
        stream.AppendMany(events);
        return result switch
        {
            LoginResult.Success => Success(current, jwt, now),
            LoginResult.Locked => LoginOutcome.IsLocked,
            _ => LoginOutcome.Invalid,
        };
    }

    /// <summary>
    /// The lockout rules, pure: a live lock refuses (no event); an expired one ends (auto-unlock) and the count starts
    /// again; a right password clears earlier failures; the fifth wrong one in a row locks.
    /// </summary>
    public static (IReadOnlyList<object> Events, LoginResult Result) Decide(Account account, bool passwordOk, DateTimeOffset now,
        TimeSpan lockout, string? clientIp)
    {
        if (account.IsLockedAt(now, lockout)) return ([], LoginResult.Locked);
        var events = new List<object>();
        var failures = account.FailedLogins;
        if (account.LockedAt is not null)
        {
            events.Add(new AccountUnlocked(account.UserName, account.StudentNumber, account.CollegeCode, Automatic: true));
            failures = 0;
        }
        if (passwordOk)
        {
            if (failures > 0) events.Add(new FailedLoginsCleared(account.UserName, account.StudentNumber, account.CollegeCode));
            return (events, LoginResult.Success);
        }

        var attempt = failures + 1;
        events.Add(new LoginFailed(account.UserName, account.StudentNumber, account.CollegeCode, attempt, clientIp));
        if (attempt < Account.MaxFailedLogins) return (events, LoginResult.Invalid);
        events.Add(new AccountLocked(account.UserName, account.StudentNumber, account.CollegeCode, now,
            lockout > TimeSpan.Zero ? now + lockout : null));
        return (events, LoginResult.Locked);
    }

    private static LoginOutcome Success(Account account, JwtSettings jwt, DateTimeOffset now)
    {
        var (token, expiresAt) = TokenIssuer.Issue(jwt, account.UserName, account.DisplayName, account.Role, account.CollegeCode,
            account.SecurityStamp, now);
        return new LoginOutcome(new LoginResponse(token, expiresAt, UserResponse.From(account)), false);
    }
}
