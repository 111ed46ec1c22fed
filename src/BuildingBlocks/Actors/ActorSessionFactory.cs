using Marten;

namespace BuildingBlocks.Actors;

/// <summary>
/// Opens every Marten session already stamped with the current actor (user name and headers), so every event
/// of every module carries who did it. Stamping must happen before events are appended, hence at open time.
/// </summary>
public sealed class ActorSessionFactory(IDocumentStore store) : ISessionFactory
{
    public IQuerySession QuerySession() => store.QuerySession();

    public IDocumentSession OpenSession() => Stamp(store.LightweightSession());

    public static IDocumentSession Stamp(IDocumentSession session)
    {
        var actor = ActorContext.Current ?? Actor.System;
        session.LastModifiedBy = actor.UserName;
        session.SetHeader(ActorHeaders.Role, actor.Role);
        if (actor.CollegeCode is not null) session.SetHeader(ActorHeaders.CollegeCode, actor.CollegeCode);
        if (actor.StudentNumber is not null) session.SetHeader(ActorHeaders.StudentNumber, actor.StudentNumber);
        return session;
    }
}
