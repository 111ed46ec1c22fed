using BuildingBlocks.Actors;
using BuildingBlocks.Problems;
using BuildingBlocks.Security;
using FastEndpoints;
using FluentValidation;
using Marten;
using Wolverine;

namespace Identity.Accounts.ResetPasswords;

internal sealed record ResetPasswordsRequest(IReadOnlyList<string>? Usernames, string? Cohort, string? CollegeCode, string? ClassName)
{
    internal sealed class Validator : Validator<ResetPasswordsRequest>
    {
        public Validator()
        {
            RuleFor(x => x).Must(x => x.Usernames is { Count: > 0 } || !string.IsNullOrWhiteSpace(x.Cohort))
                .OverridePropertyName("usernames")
                .WithMessage("请指定账号列表 usernames，或按届别 cohort（可加学院 collegeCode、班级 className）批量重置");
            RuleFor(x => x.Usernames).Must(u => u is null || u.Count <= 5000).WithMessage("一次最多重置 5000 个账号");
        }
    }
}

public sealed record ResetPasswordsResponse(int Reset);

internal sealed class ResetPasswordsEndpoint(IMessageBus bus) : Endpoint<ResetPasswordsRequest, ResetPasswordsResponse>
{
    public override void Configure()
    {
        Post("/api/accounts/password-resets");
        Roles(BuildingBlocks.Actors.Roles.College, BuildingBlocks.Actors.Roles.School);
        Summary(s => s.Summary = "批量重置学生密码为初始密码（身份证后六位），按账号或按届别/学院/班级；同时解锁");
    }

    public override async Task HandleAsync(ResetPasswordsRequest req, CancellationToken ct)
    {
        var actor = Scope.CurrentActor();
        var command = req.Usernames is { Count: > 0 } names
            ? new ResetToDefault(actor, [.. names.Select(n => n.Trim()).Where(n => n.Length > 0).Distinct()], null, null, null)
            : new ResetToDefault(actor, null, req.Cohort!.Trim(), actor.CollegeFilter(req.CollegeCode), NullIfBlank(req.ClassName));
        var reset = await bus.InvokeAsync<int>(command, ct);
        await Send.OkAsync(new ResetPasswordsResponse(reset), ct);
    }

    private static string? NullIfBlank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

/// <summary>
/// Staff put student passwords back to the default (and unlock them). Either named accounts, or a cohort narrowed by
/// college and class. College staff act only inside their college; staff accounts have no default and are skipped.
/// </summary>
public sealed record ResetToDefault(Actor Actor, IReadOnlyList<string>? UserNames, string? Cohort, string? CollegeCode, string? ClassName);

public static class ResetToDefaultHandler
{
    public static async Task<int> Handle(ResetToDefault command, IDocumentSession session, SecurityStamps stamps, CancellationToken ct)
    {
        IReadOnlyList<Account> accounts;
        if (command.UserNames is { } names)
        {
            var keys = names.Select(Account.StreamKey).ToArray();
            accounts = await session.LoadManyAsync<Account>(ct, keys);
            var outside = accounts.Where(a => !command.Actor.CanAccessCollege(a.CollegeCode)).Select(a => a.UserName).ToList();
            if (outside.Count > 0)
                throw ProblemException.Forbidden($"只能重置本学院账号的密码：{string.Join("、", outside.Take(10))}。");
        }
        else
        {
            IQueryable<Account> query = session.Query<Account>().Where(a => a.Role == Roles.Student && a.Cohort == command.Cohort);
            if (command.CollegeCode is not null) query = query.Where(a => a.CollegeCode == command.CollegeCode);
            if (command.ClassName is not null) query = query.Where(a => a.ClassName == command.ClassName);
            accounts = await query.ToListAsync(ct);
        }

        var reset = 0;
        foreach (var account in accounts.Where(a => a.IsStudent && a.DefaultPasswordHash is not null && !a.Disabled))
        {
            var stamp = Accounts.Passwords.NewSecurityStamp();
            session.Events.Append(account.Id, new PasswordResetToDefault(account.UserName, account.StudentNumber, account.CollegeCode, stamp));
            stamps.Changed(account.UserName, stamp);
            reset++;
        }
        return reset;
    }
}
