namespace Testing;

/// <summary>
/// The Host's <see cref="TimeProvider"/> in tests: the real clock plus an offset a test may move forward
/// (lockout expiry, reset-code expiry, deadlines). Tokens issued after a large jump have a future "not before" and are
/// refused by the bearer check, which uses the real clock: log in again after moving time back with <see cref="Reset"/>.
/// </summary>
public sealed class SettableClock : TimeProvider
{
    private long _offsetTicks;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);

    public void Reset() => Interlocked.Exchange(ref _offsetTicks, 0);
}
