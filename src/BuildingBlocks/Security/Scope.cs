using BuildingBlocks.Actors;
using BuildingBlocks.Problems;

namespace BuildingBlocks.Security;

/// <summary>
/// Scope rules every module reuses (DOMAIN.md, roles and scopes). They throw <see cref="ProblemException"/>, which
/// the pipeline turns into problem+json: 403 for a forbidden action, 404 for another student's data, so a student
/// never learns whether somebody else's record exists.
/// </summary>
public static class Scope
{
    /// <summary>The caller of the current request or message; 401 when nobody is logged in.</summary>
    public static Actor CurrentActor() =>
        ActorContext.Current ?? throw new ProblemException(401, ProblemCodes.Unauthenticated, "未登录或登录已失效，请重新登录。");

    /// <summary>True for the school office, and for college staff inside their own college.</summary>
    public static bool CanAccessCollege(this Actor actor, string? collegeCode) =>
        actor.IsSchool || (actor.IsCollege && actor.CollegeCode is not null && actor.CollegeCode == collegeCode);

    /// <summary>Staff acting on a college's data: the office anywhere, college staff only in their own college (else 403).</summary>
    public static void EnsureCanAccessCollege(this Actor actor, string? collegeCode)
    {
        if (!actor.CanAccessCollege(collegeCode))
            throw ProblemException.Forbidden(actor.IsCollege
                ? $"只能操作本学院（{actor.CollegeCode}）的数据。"
                : "无权执行此操作。");
    }

    /// <summary>Staff only (college or school); a student gets 403.</summary>
    public static void EnsureStaff(this Actor actor)
    {
        if (!actor.IsSchool && !actor.IsCollege) throw ProblemException.Forbidden("仅限学院或学校工作人员。");
    }

    /// <summary>The school office only (403 otherwise).</summary>
    public static void EnsureSchool(this Actor actor)
    {
        if (!actor.IsSchool) throw ProblemException.Forbidden("仅限招生就业处（学校）操作。");
    }

    /// <summary>
    /// Reading one student's data: a student sees only their own (404 otherwise, as if it did not exist);
    /// college staff only their college's students (403); the office everyone.
    /// </summary>
    public static void EnsureCanSeeStudent(this Actor actor, string studentNumber, string? collegeCode)
    {
        if (actor.IsStudent)
        {
            if (actor.StudentNumber != studentNumber) throw ProblemException.NotFound();
            return;
        }
        actor.EnsureCanAccessCollege(collegeCode);
    }

    /// <summary>
    /// The college filter of a staff list: the office may ask for any college (or none = all); college staff always
    /// get their own college, and asking for another one is 403.
    /// </summary>
    public static string? CollegeFilter(this Actor actor, string? requestedCollegeCode)
    {
        actor.EnsureStaff();
        if (actor.IsSchool) return string.IsNullOrWhiteSpace(requestedCollegeCode) ? null : requestedCollegeCode;
        if (actor.CollegeCode is null) throw ProblemException.Forbidden("该学院账号未设置所属学院。");
        if (!string.IsNullOrWhiteSpace(requestedCollegeCode) && requestedCollegeCode != actor.CollegeCode)
            actor.EnsureCanAccessCollege(requestedCollegeCode);
        return actor.CollegeCode;
    }
}
