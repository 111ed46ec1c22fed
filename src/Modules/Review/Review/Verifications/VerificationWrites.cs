using BuildingBlocks.Actors;
using BuildingBlocks.Problems;
using BuildingBlocks.Security;
using Marten;
using Review.Contracts;
using Review.Inbound;
using Wolverine;

namespace Review.Verifications;

/// <summary>The one way a verification command is carried out: fetch for writing, check scope, decide, append.</summary>
public static class VerificationWrites
{
    public static async Task<(Verification Before, IReadOnlyList<object> Events)> ExecuteAsync(IDocumentSession session, IMessageBus bus,
        TimeProvider clock, string studentNumber, long? expectedVersion, object command, CancellationToken ct)
    {
        var actor = ActorContext.Current ?? throw ProblemException.Forbidden();
        var key = Verification.StreamKey(studentNumber);
        var stream = expectedVersion is { } version
            ? await session.Events.FetchForWriting<Verification>(key, version, ct)
            : await session.Events.FetchForWriting<Verification>(key, ct);
        var state = stream.Aggregate ?? throw ReviewScope.NotFound();
        ReviewScope.EnsureCanAct(actor, state);

        var context = await ContextAsync(session, actor, clock, state, ct);
        var events = VerificationDecider.Decide(state, command, context);
        stream.AppendMany(events);

        // SourceRecords shows the status in its lists: tell it, through the outbox, in this transaction.
        var after = VerificationDecider.StatusAfter(state.Status, events);
        if (after != state.Status)
            await bus.PublishAsync(new VerificationStatusChanged(studentNumber, after.ToString(), (stream.StartingVersion ?? 0) + events.Count));
        return (state, events);
    }

    public static async Task<DecisionContext> ContextAsync(IQuerySession session, Actor actor, TimeProvider clock,
        Verification state, CancellationToken ct)
    {
        var record = await session.LoadAsync<SchoolRecordCopy>(state.StudentNumber, ct);
        var cohort = await session.LoadAsync<CohortCopy>(state.Cohort, ct);
        return new DecisionContext(actor, clock.GetUtcNow(),
            cohort is null ? null : new CohortRules(cohort.StudentDeadline, cohort.ReviewDeadline, cohort.RequireSchoolReview),
            record?.Values ?? new Dictionary<string, string?>());
    }
}

/// <summary>Who may see and act on a verification: the shared scope rules, with Review's own not-found answer.</summary>
public static class ReviewScope
{
    public static ProblemException NotFound() => new(404, "verification.not-found", "生源信息不存在，请联系学院辅导员。");

    public static void EnsureCanAct(Actor actor, Verification state)
    {
        if (actor.IsStudent && actor.StudentNumber != state.StudentNumber) throw NotFound();
        actor.EnsureCanSeeStudent(state.StudentNumber, state.CollegeCode);
    }
}
