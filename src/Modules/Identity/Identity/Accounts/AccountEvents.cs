using BuildingBlocks.Audit;

namespace Identity.Accounts;

// The account's history. Every event lands in the audit trail through Describe(); summaries never carry a password,
// a hash or a reset code. Hashes are kept in the events (the stream is the account), never in audit rows or logs.

/// <summary>A student account was opened from a new source record; the password is the default (a keyed fast hash).</summary>
public sealed record StudentAccountCreated(string StudentNumber, string Name, string Cohort, string CollegeCode, string? ClassName,
    string DefaultPasswordHash, string SecurityStamp) : IAuditedEvent
{
    public AuditDescription Describe() => new($"创建学生账号 {StudentNumber}（{Name}），初始密码为身份证后六位", StudentNumber, CollegeCode);
}

/// <summary>A staff account (college or school) was created by the office, or from configuration for the first office account.</summary>
public sealed record StaffAccountCreated(string UserName, string DisplayName, string Role, string? CollegeCode,
    string PasswordHash, string SecurityStamp) : IAuditedEvent
{
    public AuditDescription Describe() => new($"创建{RoleName(Role)}账号 {UserName}（{DisplayName}）", CollegeCode: CollegeCode);

    internal static string RoleName(string role) => role switch
    {
        BuildingBlocks.Actors.Roles.School => "学校",
        BuildingBlocks.Actors.Roles.College => "学院",
        _ => "学生",
    };
}

/// <summary>The student's source record changed (name, college, class, or the ID number and with it the default password).</summary>
public sealed record StudentProfileChanged(string StudentNumber, string Name, string CollegeCode, string? ClassName,
    string? DefaultPasswordHash) : IAuditedEvent
{
    public AuditDescription Describe() => new(
        DefaultPasswordHash is null ? "学生账号信息随生源记录更新" : "学生账号信息随生源记录更新（身份证号变更，初始密码随之更新）",
        StudentNumber, CollegeCode);
}

/// <summary>The student's record moved to another cohort (延期毕业).</summary>
public sealed record StudentCohortMoved(string StudentNumber, string CollegeCode, string FromCohort, string ToCohort) : IAuditedEvent
{
    public AuditDescription Describe() => new($"学生账号所属届别由 {FromCohort} 改为 {ToCohort}", StudentNumber, CollegeCode,
        Changes: [new FieldChange("cohort", FromCohort, ToCohort)]);
}

/// <summary>The user chose a new password (old tokens stop working: new security stamp).</summary>
public sealed record PasswordChanged(string UserName, string? StudentNumber, string? CollegeCode, string PasswordHash,
    string SecurityStamp) : IAuditedEvent
{
    public AuditDescription Describe() => new("修改密码", StudentNumber, CollegeCode);
}

/// <summary>Staff reset the password back to the default (batch reset); this also unlocks the account.</summary>
public sealed record PasswordResetToDefault(string UserName, string? StudentNumber, string? CollegeCode, string SecurityStamp) : IAuditedEvent
{
    public AuditDescription Describe() => new("密码重置为初始密码（身份证后六位）", StudentNumber, CollegeCode);
}

/// <summary>A forgotten-password code was issued (only its hash is kept).</summary>
public sealed record PasswordResetCodeIssued(string UserName, string? StudentNumber, string? CollegeCode, string CodeHash,
    DateTimeOffset ExpiresAt) : IAuditedEvent
{
    public AuditDescription Describe() => new("申请找回密码，已发送验证码", StudentNumber, CollegeCode);
}

/// <summary>A wrong reset code was entered; the fifth in a row voids the code.</summary>
public sealed record PasswordResetCodeRejected(string UserName, string? StudentNumber, string? CollegeCode, int Attempt) : IAuditedEvent
{
    public AuditDescription Describe() => new(Attempt >= Account.MaxResetCodeFailures
        ? $"找回密码验证码连续错误 {Attempt} 次，验证码已作废" : $"找回密码验证码错误（第 {Attempt} 次）", StudentNumber, CollegeCode);
}

/// <summary>The user confirmed a reset code and chose a new password; the account is unlocked.</summary>
public sealed record PasswordResetConfirmed(string UserName, string? StudentNumber, string? CollegeCode, string PasswordHash,
    string SecurityStamp) : IAuditedEvent
{
    public AuditDescription Describe() => new("通过验证码重设密码并解锁", StudentNumber, CollegeCode);
}

/// <summary>A wrong password; <paramref name="Attempt"/> counts the consecutive failures.</summary>
public sealed record LoginFailed(string UserName, string? StudentNumber, string? CollegeCode, int Attempt, string? ClientIp) : IAuditedEvent
{
    public AuditDescription Describe() => new($"登录失败（连续第 {Attempt} 次）{(ClientIp is null ? "" : $"，来自 {ClientIp}")}", StudentNumber, CollegeCode);
}

/// <summary>A successful login after failures resets the counter.</summary>
public sealed record FailedLoginsCleared(string UserName, string? StudentNumber, string? CollegeCode) : IAuditedEvent
{
    public AuditDescription Describe() => new("登录成功，失败次数清零", StudentNumber, CollegeCode);
}

/// <summary>Too many consecutive failures locked the account.</summary>
public sealed record AccountLocked(string UserName, string? StudentNumber, string? CollegeCode, DateTimeOffset LockedAt,
    DateTimeOffset? Until) : IAuditedEvent
{
    public AuditDescription Describe() => new(
        Until is null ? "连续登录失败，账号已锁定（需工作人员解锁）" : $"连续登录失败，账号已锁定至 {Until:yyyy-MM-dd HH:mm} (UTC)",
        StudentNumber, CollegeCode);
}

/// <summary>The lock ended: by staff, by a confirmed reset, or by itself once the lockout time passed.</summary>
public sealed record AccountUnlocked(string UserName, string? StudentNumber, string? CollegeCode, bool Automatic) : IAuditedEvent
{
    public AuditDescription Describe() => new(Automatic ? "锁定时间已过，账号自动解锁" : "工作人员解锁账号", StudentNumber, CollegeCode);
}

/// <summary>The source record was deleted (退学、休学…): the student can no longer log in.</summary>
public sealed record AccountDisabled(string UserName, string? StudentNumber, string? CollegeCode, string Reason,
    string SecurityStamp) : IAuditedEvent
{
    public AuditDescription Describe() => new("账号已停用（生源记录已删除）", StudentNumber, CollegeCode, Reason);
}

/// <summary>The source record was restored: the account works again.</summary>
public sealed record AccountEnabled(string UserName, string? StudentNumber, string? CollegeCode) : IAuditedEvent
{
    public AuditDescription Describe() => new("账号已恢复启用（生源记录已恢复）", StudentNumber, CollegeCode);
}

/// <summary>The user bound the WeChat official account (openid from WeChat's OAuth exchange).</summary>
public sealed record WeChatBound(string UserName, string? StudentNumber, string? CollegeCode, string OpenId) : IAuditedEvent
{
    public AuditDescription Describe() => new("绑定微信公众号", StudentNumber, CollegeCode);
}

/// <summary>The user unbound WeChat.</summary>
public sealed record WeChatUnbound(string UserName, string? StudentNumber, string? CollegeCode) : IAuditedEvent
{
    public AuditDescription Describe() => new("解除微信绑定", StudentNumber, CollegeCode);
}
