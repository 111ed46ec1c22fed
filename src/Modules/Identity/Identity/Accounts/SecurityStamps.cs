using System.Collections.Concurrent;
using BuildingBlocks.Security;
using Marten;

namespace Identity.Accounts;

/// <summary>
/// Checks a token's security stamp against the account, for every authenticated request. The current stamp is cached
/// per user for a few seconds so that a busy wave of requests does not read the account each time; a change made in
/// this process (password change, reset, disable) updates the cache at once. Another node sees it within the TTL.
/// </summary>
public sealed class SecurityStamps(IDocumentStore store, TimeProvider clock) : ISecurityStampValidator
{
    private static readonly TimeSpan Ttl = TimeSpan.FromSeconds(30);
    private readonly ConcurrentDictionary<string, (string? Stamp, DateTimeOffset Until)> _cache = new(StringComparer.Ordinal);

    public async ValueTask<bool> IsCurrentAsync(string userName, string stamp, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (!_cache.TryGetValue(userName, out var cached) || cached.Until <= now)
        {
            await using var session = store.QuerySession();
            var account = await session.LoadAsync<Account>(Account.StreamKey(userName), ct);
            cached = (account is null || account.Disabled ? null : account.SecurityStamp, now + Ttl);
            _cache[userName] = cached;
        }
        return cached.Stamp is not null && string.Equals(cached.Stamp, stamp, StringComparison.Ordinal);
    }

    /// <summary>The user's stamp changed (or the account was disabled: null) in this process.</summary>
    public void Changed(string userName, string? newStamp) =>
        _cache[userName] = (newStamp, clock.GetUtcNow() + Ttl);
}
