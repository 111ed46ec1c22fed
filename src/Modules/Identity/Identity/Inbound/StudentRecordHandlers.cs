using Identity.Accounts;
using Marten;
using Microsoft.Extensions.Logging;
using SourceRecords.Contracts;

namespace Identity.Inbound;

// Student accounts follow SourceRecords' facts. Every handler is idempotent: it compares with the account and appends
// only what changed, so a replayed or duplicated message neither fails nor writes twice.

public static class StudentRecordRegisteredHandler
{
    public static async Task Handle(StudentRecordRegistered message, IDocumentSession session, Passwords passwords,
        ILogger<StudentRecordRegistered> logger, CancellationToken ct)
    {
        var key = Account.StreamKey(message.StudentNumber);
        var account = await session.LoadAsync<Account>(key, ct);
        var defaultHash = passwords.HashDefault(message.IdNumber);
        if (account is null)
        {
            session.Events.StartStream<Account>(key, new StudentAccountCreated(message.StudentNumber, message.Name, message.Cohort,
                message.CollegeCode, message.ClassName, defaultHash, Passwords.NewSecurityStamp()));
            return;
        }
        if (!account.IsStudent)
        {
            logger.LogWarning("Student number {StudentNumber} is already a {Role} account; no student account created", message.StudentNumber, account.Role);
            return;
        }
        StudentAccountUpdates.Append(session, account, message.Name, message.CollegeCode, message.ClassName,
            account.DefaultPasswordHash == defaultHash ? null : defaultHash);
        StudentAccountUpdates.Move(session, account, message.Cohort);
    }
}

public static class StudentRecordChangedHandler
{
    public static async Task Handle(StudentRecordChanged message, IDocumentSession session, Passwords passwords, CancellationToken ct)
    {
        var account = await session.LoadAsync<Account>(Account.StreamKey(message.StudentNumber), ct);
        if (account is not { IsStudent: true }) return;
        string? defaultHash = null;
        if (message.Fields.TryGetValue("idNumber", out var idNumber) && !string.IsNullOrWhiteSpace(idNumber))
        {
            var hash = passwords.HashDefault(idNumber);
            if (hash != account.DefaultPasswordHash) defaultHash = hash;
        }
        StudentAccountUpdates.Append(session, account, message.Name, message.CollegeCode, message.ClassName, defaultHash);
        StudentAccountUpdates.Move(session, account, message.Cohort);
    }
}

public static class StudentRecordDeletedHandler
{
    public static async Task Handle(StudentRecordDeleted message, IDocumentSession session, SecurityStamps stamps, CancellationToken ct)
    {
        var account = await session.LoadAsync<Account>(Account.StreamKey(message.StudentNumber), ct);
        if (account is not { IsStudent: true, Disabled: false }) return;
        session.Events.Append(account.Id, new AccountDisabled(account.UserName, account.StudentNumber, account.CollegeCode,
            message.Note is null ? message.Reason : $"{message.Reason}: {message.Note}", Passwords.NewSecurityStamp()));
        stamps.Changed(account.UserName, null);
    }
}

public static class StudentRecordRestoredHandler
{
    public static async Task Handle(StudentRecordRestored message, IDocumentSession session, CancellationToken ct)
    {
        var account = await session.LoadAsync<Account>(Account.StreamKey(message.StudentNumber), ct);
        if (account is not { IsStudent: true, Disabled: true }) return;
        session.Events.Append(account.Id, new AccountEnabled(account.UserName, account.StudentNumber, account.CollegeCode));
    }
}

public static class StudentRecordMovedHandler
{
    public static async Task Handle(StudentRecordMoved message, IDocumentSession session, CancellationToken ct)
    {
        var account = await session.LoadAsync<Account>(Account.StreamKey(message.StudentNumber), ct);
        if (account is not { IsStudent: true }) return;
        StudentAccountUpdates.Move(session, account, message.ToCohort);
    }
}

internal static class StudentAccountUpdates
{
    public static void Append(IDocumentSession session, Account account, string name, string collegeCode, string? className, string? defaultHash)
    {
        if (account.DisplayName == name && account.CollegeCode == collegeCode && account.ClassName == className && defaultHash is null) return;
        session.Events.Append(account.Id, new StudentProfileChanged(account.UserName, name, collegeCode, className, defaultHash));
    }

    public static void Move(IDocumentSession session, Account account, string cohort)
    {
        if (account.Cohort == cohort) return;
        session.Events.Append(account.Id, new StudentCohortMoved(account.UserName, account.CollegeCode ?? "", account.Cohort ?? "", cohort));
    }
}
