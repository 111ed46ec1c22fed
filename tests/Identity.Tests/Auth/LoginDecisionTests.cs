using Identity.Accounts;
using Identity.Auth.Login;

namespace Identity.Tests.Auth;

/// <summary>The lockout rules as a pure decision, without a database.</summary>
public sealed class LoginDecisionTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 20, 8, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Lockout = TimeSpan.FromMinutes(30);

    private static Account Student(int failures = 0, DateTimeOffset? lockedAt = null) =>
        Account.Create(new StudentAccountCreated("2026000001", "张三", "2026", "101", "A1", "hmac:x", "stamp")) with
        {
            FailedLogins = failures,
            LockedAt = lockedAt,
        };

    [Fact]
    public void A_right_password_with_nothing_to_clear_writes_nothing()
    {
        var (events, result) = LogInHandler.Decide(Student(), true, Now, Lockout, null);
        result.ShouldBe(LoginResult.Success);
        events.ShouldBeEmpty();
    }

    [Fact]
    public void The_fifth_failure_in_a_row_locks_until_now_plus_the_lockout()
    {
        var (events, result) = LogInHandler.Decide(Student(failures: 4), false, Now, Lockout, "10.0.0.1");
        result.ShouldBe(LoginResult.Locked);
        events.OfType<LoginFailed>().ShouldHaveSingleItem().Attempt.ShouldBe(5);
        var locked = events.OfType<AccountLocked>().ShouldHaveSingleItem();
        locked.Until.ShouldBe(Now + Lockout);
        locked.StudentNumber.ShouldBe("2026000001");
    }

    [Fact]
    public void The_fourth_failure_is_still_401_and_a_right_password_then_clears_the_count()
    {
        LogInHandler.Decide(Student(failures: 3), false, Now, Lockout, null).Result.ShouldBe(LoginResult.Invalid);
        var (events, result) = LogInHandler.Decide(Student(failures: 4), true, Now, Lockout, null);
        result.ShouldBe(LoginResult.Success);
        events.ShouldHaveSingleItem().ShouldBeOfType<FailedLoginsCleared>();
    }

    [Fact]
    public void A_live_lock_refuses_even_the_right_password_and_writes_nothing()
    {
        var (events, result) = LogInHandler.Decide(Student(5, Now.AddMinutes(-29)), true, Now, Lockout, null);
        result.ShouldBe(LoginResult.Locked);
        events.ShouldBeEmpty();
    }

    [Fact]
    public void An_expired_lock_ends_by_itself_and_counting_starts_again()
    {
        var (ok, okResult) = LogInHandler.Decide(Student(5, Now.AddMinutes(-31)), true, Now, Lockout, null);
        okResult.ShouldBe(LoginResult.Success);
        ok.ShouldHaveSingleItem().ShouldBeOfType<AccountUnlocked>().Automatic.ShouldBeTrue();

        var (wrong, wrongResult) = LogInHandler.Decide(Student(5, Now.AddMinutes(-31)), false, Now, Lockout, null);
        wrongResult.ShouldBe(LoginResult.Invalid);
        wrong.OfType<LoginFailed>().ShouldHaveSingleItem().Attempt.ShouldBe(1);
    }

    [Fact]
    public void With_no_lockout_time_a_lock_never_ends_by_itself()
    {
        var (events, result) = LogInHandler.Decide(Student(5, Now.AddYears(-1)), true, Now, TimeSpan.Zero, null);
        result.ShouldBe(LoginResult.Locked);
        events.ShouldBeEmpty();
        LogInHandler.Decide(Student(4), false, Now, TimeSpan.Zero, null).Events.OfType<AccountLocked>().Single().Until.ShouldBeNull();
    }
}
