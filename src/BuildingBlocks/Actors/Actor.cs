namespace BuildingBlocks.Actors;

/// <summary>Who is acting: stamped on every event and carried on every outgoing message.</summary>
public sealed record Actor(string UserName, string Role, string? CollegeCode, string? StudentNumber)
{
    /// <summary>The system itself, when no person is behind an action (seeding, bootstrap).</summary>
    public static readonly Actor System = new("system", "system", null, null);

    public bool IsStudent => Role == Roles.Student;
    public bool IsCollege => Role == Roles.College;
    public bool IsSchool => Role == Roles.School;
}

public static class Roles
{
    public const string Student = "student";
    public const string College = "college";
    public const string School = "school";
    public const string Staff = College + "," + School;
}

/// <summary>
/// The actor of the current flow. An AsyncLocal so that it follows the request into inline Wolverine
/// handlers and Marten sessions without being passed by hand through every slice.
/// </summary>
public static class ActorContext
{
    private static readonly AsyncLocal<Actor?> CurrentActor = new();

    public static Actor? Current
    {
        get => CurrentActor.Value;
        set => CurrentActor.Value = value;
    }

    public static IDisposable Use(Actor actor)
    {
        var previous = CurrentActor.Value;
        CurrentActor.Value = actor;
        return new Restore(previous);
    }

    private sealed class Restore(Actor? previous) : IDisposable
    {
        public void Dispose() => CurrentActor.Value = previous;
    }
}

/// <summary>Names of the actor headers on events (Marten) and envelopes (Wolverine).</summary>
public static class ActorHeaders
{
    public const string Role = "role";
    public const string CollegeCode = "collegeCode";
    public const string StudentNumber = "studentNumber";
}
