using BuildingBlocks.Actors;

namespace Identity.Accounts;

/// <summary>
/// An account (stream <c>account:{username}</c>), projected inline from its events: what login, the token check and
/// the staff lists read. Students: username = student number, created from SourceRecords' messages.
/// </summary>
public sealed record Account(
    string Id,
    string UserName,
    string DisplayName,
    string Role,
    string? CollegeCode,
    string? StudentNumber,
    string? Cohort,
    string? ClassName,
    string PasswordHash,
    string? DefaultPasswordHash,
    bool PasswordIsDefault,
    string SecurityStamp,
    int FailedLogins,
    DateTimeOffset? LockedAt,
    bool Disabled,
    string? WeChatOpenId,
    string? ResetCodeHash,
    DateTimeOffset? ResetCodeExpiresAt,
    int ResetCodeFailures = 0)
{
    public const int MaxFailedLogins = 5;

    /// <summary>Wrong reset codes tolerated before the code is void (with the rate limit, guessing six digits stays hopeless).</summary>
    public const int MaxResetCodeFailures = 5;

    public static string StreamKey(string userName) => $"account:{userName}";

    public bool IsStudent => Role == Roles.Student;

    /// <summary>Locked now: a lock with no expiry (0 minutes) or one that has not yet run out.</summary>
    public bool IsLockedAt(DateTimeOffset now, TimeSpan lockout) =>
        LockedAt is { } at && (lockout <= TimeSpan.Zero || now < at + lockout);

    public static Account Create(StudentAccountCreated e) => new(StreamKey(e.StudentNumber), e.StudentNumber, e.Name,
        Roles.Student, e.CollegeCode, e.StudentNumber, e.Cohort, e.ClassName, e.DefaultPasswordHash, e.DefaultPasswordHash,
        true, e.SecurityStamp, 0, null, false, null, null, null);

    public static Account Create(StaffAccountCreated e) => new(StreamKey(e.UserName), e.UserName, e.DisplayName,
        e.Role, e.CollegeCode, null, null, null, e.PasswordHash, null, false, e.SecurityStamp, 0, null, false, null, null, null);

    public Account Apply(StudentProfileChanged e) => this with
    {
        DisplayName = e.Name,
        CollegeCode = e.CollegeCode,
        ClassName = e.ClassName,
        DefaultPasswordHash = e.DefaultPasswordHash ?? DefaultPasswordHash,
        PasswordHash = e.DefaultPasswordHash is not null && PasswordIsDefault ? e.DefaultPasswordHash : PasswordHash,
    };

    public Account Apply(StudentCohortMoved e) => this with { Cohort = e.ToCohort };

    public Account Apply(PasswordChanged e) => this with
    {
        PasswordHash = e.PasswordHash, PasswordIsDefault = false, SecurityStamp = e.SecurityStamp,
        ResetCodeHash = null, ResetCodeExpiresAt = null,
    };

    public Account Apply(PasswordResetToDefault e) => this with
    {
        PasswordHash = DefaultPasswordHash ?? PasswordHash, PasswordIsDefault = DefaultPasswordHash is not null,
        SecurityStamp = e.SecurityStamp, FailedLogins = 0, LockedAt = null, ResetCodeHash = null, ResetCodeExpiresAt = null,
    };

    public Account Apply(PasswordResetCodeIssued e) => this with { ResetCodeHash = e.CodeHash, ResetCodeExpiresAt = e.ExpiresAt, ResetCodeFailures = 0 };

    public Account Apply(PasswordResetCodeRejected e) => e.Attempt >= MaxResetCodeFailures
        ? this with { ResetCodeHash = null, ResetCodeExpiresAt = null, ResetCodeFailures = 0 }
        : this with { ResetCodeFailures = e.Attempt };

    public Account Apply(PasswordResetConfirmed e) => this with
    {
        PasswordHash = e.PasswordHash, PasswordIsDefault = false, SecurityStamp = e.SecurityStamp,
        FailedLogins = 0, LockedAt = null, ResetCodeHash = null, ResetCodeExpiresAt = null,
    };

    public Account Apply(LoginFailed e) => this with { FailedLogins = e.Attempt };

    public Account Apply(FailedLoginsCleared _) => this with { FailedLogins = 0 };

    public Account Apply(AccountLocked e) => this with { LockedAt = e.LockedAt };

    public Account Apply(AccountUnlocked _) => this with { LockedAt = null, FailedLogins = 0 };

    public Account Apply(AccountDisabled e) => this with { Disabled = true, SecurityStamp = e.SecurityStamp };

    public Account Apply(AccountEnabled _) => this with { Disabled = false };

    public Account Apply(WeChatBound e) => this with { WeChatOpenId = e.OpenId };

    public Account Apply(WeChatUnbound _) => this with { WeChatOpenId = null };
}
