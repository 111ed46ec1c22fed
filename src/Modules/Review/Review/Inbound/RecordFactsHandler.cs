using Marten;
using Review.Contracts;
using Review.Verifications;
using SourceRecords.Contracts;

namespace Review.Inbound;

/// <summary>
/// SourceRecords' facts, as Review needs them: a verification opens with each record, follows its subject
/// (college, class…), is archived with a deleted record and comes back with a restored one in the state it had.
/// Idempotent: a redelivered message changes nothing.
/// </summary>
public static class RecordFactsHandler
{
    public static async Task Handle(StudentRecordRegistered m, IDocumentSession session, CancellationToken ct)
    {
        session.Store(new SchoolRecordCopy
        {
            Id = m.StudentNumber, Cohort = m.Cohort, CollegeCode = m.CollegeCode, Values = new(m.Fields),
        });
        var key = Verification.StreamKey(m.StudentNumber);
        if (await session.Events.FetchStreamStateAsync(key, ct) is null)
            session.Events.StartStream<Verification>(key,
                new VerificationOpened(m.StudentNumber, m.Cohort, m.CollegeCode, m.Name, m.MajorName, m.ClassName));
    }

    public static async Task Handle(StudentRecordChanged m, IDocumentSession session, CancellationToken ct)
    {
        var copy = await session.LoadAsync<SchoolRecordCopy>(m.StudentNumber, ct) ?? new SchoolRecordCopy { Id = m.StudentNumber };
        copy.Cohort = m.Cohort;
        copy.CollegeCode = m.CollegeCode;
        copy.Values = new(m.Fields);
        session.Store(copy);

        var key = Verification.StreamKey(m.StudentNumber);
        var verification = await session.LoadAsync<Verification>(key, ct);
        if (verification is null) return;
        if (verification.CollegeCode != m.CollegeCode || verification.Name != m.Name
            || verification.MajorName != m.MajorName || verification.ClassName != m.ClassName)
            session.Events.Append(key, new VerificationSubjectUpdated(m.StudentNumber, m.CollegeCode, m.Name, m.MajorName, m.ClassName));
    }

    public static async Task Handle(StudentRecordDeleted m, IDocumentSession session, CancellationToken ct)
    {
        await MarkDeleted(session, m.StudentNumber, true, ct);
        var key = Verification.StreamKey(m.StudentNumber);
        var verification = await session.LoadAsync<Verification>(key, ct);
        if (verification is { Archived: false })
            session.Events.Append(key, new VerificationArchived(m.StudentNumber, m.CollegeCode,
                m.Note is null ? m.Reason : $"{m.Reason}: {m.Note}"));
    }

    public static async Task Handle(StudentRecordRestored m, IDocumentSession session, CancellationToken ct)
    {
        await MarkDeleted(session, m.StudentNumber, false, ct);
        var key = Verification.StreamKey(m.StudentNumber);
        var verification = await session.LoadAsync<Verification>(key, ct);
        if (verification is { Archived: true })
            session.Events.Append(key, new VerificationRestored(m.StudentNumber, m.CollegeCode));
    }

    public static async Task<VerificationStatusChanged?> Handle(StudentRecordMoved m, IDocumentSession session, CancellationToken ct)
    {
        var copy = await session.LoadAsync<SchoolRecordCopy>(m.StudentNumber, ct);
        if (copy is not null)
        {
            copy.Cohort = m.ToCohort;
            session.Store(copy);
        }
        var key = Verification.StreamKey(m.StudentNumber);
        var verification = await session.LoadAsync<Verification>(key, ct);
        if (verification is null || verification.Cohort == m.ToCohort) return null;
        session.Events.Append(key, new VerificationCohortChanged(m.StudentNumber, m.CollegeCode, m.FromCohort, m.ToCohort, m.Reason));
        return new VerificationStatusChanged(m.StudentNumber, nameof(VerificationStatus.NotStarted), verification.Version + 1);
    }

    public static void Handle(CohortSaved m, IDocumentSession session) => session.Store(new CohortCopy
    {
        Id = m.Code,
        Name = m.Name,
        StudentDeadline = m.StudentDeadline,
        ReviewDeadline = m.ReviewDeadline,
        RequireSchoolReview = m.RequireSchoolReview,
    });

    private static async Task MarkDeleted(IDocumentSession session, string studentNumber, bool deleted, CancellationToken ct)
    {
        var copy = await session.LoadAsync<SchoolRecordCopy>(studentNumber, ct);
        if (copy is null) return;
        copy.Deleted = deleted;
        session.Store(copy);
    }
}
