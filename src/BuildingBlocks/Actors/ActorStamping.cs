using Marten;
using Microsoft.AspNetCore.Http;
using Wolverine;

namespace BuildingBlocks.Actors;

/// <summary>Carries the actor on every outgoing Wolverine envelope, so queued handlers act on its behalf.</summary>
public sealed class ActorEnvelopeRule : IEnvelopeRule
{
    public void Modify(Envelope envelope)
    {
        var actor = ActorContext.Current;
        if (actor is null) return;
        envelope.UserName = actor.UserName;
        envelope.Headers[ActorHeaders.Role] = actor.Role;
        if (actor.CollegeCode is not null) envelope.Headers[ActorHeaders.CollegeCode] = actor.CollegeCode;
        if (actor.StudentNumber is not null) envelope.Headers[ActorHeaders.StudentNumber] = actor.StudentNumber;
    }

    public void ApplyCorrelation(IMessageContext originator, Envelope outgoing) => Modify(outgoing);
}

/// <summary>
/// Wolverine middleware: a message received from a queue restores the actor that sent it, and the handler's
/// outboxed Marten session (which Wolverine opens itself) is stamped with that actor.
/// </summary>
public static class ActorMessageMiddleware
{
    public static void Before(Envelope? envelope, IDocumentSession session)
    {
        if (ActorContext.Current is null && envelope?.UserName is not null)
        {
            envelope.Headers.TryGetValue(ActorHeaders.Role, out var role);
            envelope.Headers.TryGetValue(ActorHeaders.CollegeCode, out var college);
            envelope.Headers.TryGetValue(ActorHeaders.StudentNumber, out var student);
            ActorContext.Current = new Actor(envelope.UserName, role ?? Actor.System.Role, college, student);
        }
        ActorSessionFactory.Stamp(session);
    }
}

/// <summary>HTTP middleware: the authenticated caller becomes the actor of the request.</summary>
public sealed class ActorHttpMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var actor = context.User.ToActor();
        if (actor is null)
        {
            await next(context);
            return;
        }
        using (ActorContext.Use(actor)) await next(context);
    }
}
