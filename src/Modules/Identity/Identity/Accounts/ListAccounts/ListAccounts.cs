using BuildingBlocks.Security;
using FastEndpoints;
using Marten;

namespace Identity.Accounts.ListAccounts;

internal sealed record ListAccountsRequest
{
    [QueryParam] public string? Role { get; init; }
    [QueryParam] public string? CollegeCode { get; init; }
    [QueryParam] public bool? Locked { get; init; }
    [QueryParam] public string? Cohort { get; init; }
    [QueryParam] public string? ClassName { get; init; }
    [QueryParam] public string? Q { get; init; }
    [QueryParam] public int Page { get; init; } = 1;
    [QueryParam] public int PageSize { get; init; } = 50;
}

public sealed record AccountListItem(string Username, string DisplayName, string Role, string? CollegeCode, string? Cohort,
    string? ClassName, bool Locked, DateTimeOffset? LockedAt, DateTimeOffset? LockedUntil, int FailedLogins, bool Disabled,
    bool PasswordIsDefault, bool WeChatBound);

public sealed record AccountListResponse(IReadOnlyList<AccountListItem> Items, int Total, int Page, int PageSize);

internal sealed class ListAccountsEndpoint(IQuerySession session, IdentityOptions options, TimeProvider clock)
    : Endpoint<ListAccountsRequest, AccountListResponse>
{
    public override void Configure()
    {
        Get("/api/accounts");
        Roles(BuildingBlocks.Actors.Roles.College, BuildingBlocks.Actors.Roles.School);
        Summary(s => s.Summary = "账号列表 (college: 本学院; school: 全部)，含锁定状态");
    }

    public override async Task HandleAsync(ListAccountsRequest req, CancellationToken ct)
    {
        var actor = Scope.CurrentActor();
        var college = actor.CollegeFilter(req.CollegeCode);
        var page = Math.Max(1, req.Page);
        var pageSize = Math.Clamp(req.PageSize, 1, 500);
        var now = clock.GetUtcNow();

        IQueryable<Account> query = session.Query<Account>();
        if (college is not null) query = query.Where(a => a.CollegeCode == college);
        if (!string.IsNullOrWhiteSpace(req.Role)) query = query.Where(a => a.Role == req.Role);
        if (!string.IsNullOrWhiteSpace(req.Cohort)) query = query.Where(a => a.Cohort == req.Cohort);
        if (!string.IsNullOrWhiteSpace(req.ClassName)) query = query.Where(a => a.ClassName == req.ClassName);
        if (!string.IsNullOrWhiteSpace(req.Q))
        {
            var q = req.Q.Trim();
            query = query.Where(a => a.UserName.Contains(q) || a.DisplayName.Contains(q));
        }
        if (req.Locked is { } locked)
        {
            // Locked now = locked, and (with a lockout time) not yet run out.
            if (options.Lockout <= TimeSpan.Zero)
                query = locked ? query.Where(a => a.LockedAt != null) : query.Where(a => a.LockedAt == null);
            else
            {
                var since = now - options.Lockout;
                query = locked ? query.Where(a => a.LockedAt != null && a.LockedAt > since)
                    : query.Where(a => a.LockedAt == null || a.LockedAt <= since);
            }
        }

        var total = await query.CountAsync(ct);
        var accounts = await query.OrderBy(a => a.UserName).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        var items = accounts.Select(a =>
        {
            var isLocked = a.IsLockedAt(now, options.Lockout);
            return new AccountListItem(a.UserName, a.DisplayName, a.Role, a.CollegeCode, a.Cohort, a.ClassName, isLocked,
                isLocked ? a.LockedAt : null, isLocked && options.Lockout > TimeSpan.Zero ? a.LockedAt + options.Lockout : null,
                a.FailedLogins, a.Disabled, a.PasswordIsDefault, a.WeChatOpenId is not null);
        }).ToList();
        await Send.OkAsync(new AccountListResponse(items, total, page, pageSize), ct);
    }
}
