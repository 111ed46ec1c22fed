using System.Security.Claims;

namespace BuildingBlocks.Actors;

/// <summary>The claim names of our bearer tokens, and the mapping from a principal to an <see cref="Actor"/>.</summary>
public static class ActorClaims
{
    public const string UserName = "sub";
    public const string Role = "role";
    public const string CollegeCode = "college";
    public const string DisplayName = "name";
    public const string SecurityStamp = "stamp";

    public static Actor? ToActor(this ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true) return null;
        var userName = principal.FindFirstValue(UserName);
        var role = principal.FindFirstValue(Role);
        if (userName is null || role is null) return null;
        var college = principal.FindFirstValue(CollegeCode);
        return new Actor(userName, role, string.IsNullOrEmpty(college) ? null : college,
            role == Roles.Student ? userName : null);
    }
}
