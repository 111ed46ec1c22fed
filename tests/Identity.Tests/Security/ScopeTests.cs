using BuildingBlocks.Actors;
using BuildingBlocks.Problems;
using BuildingBlocks.Security;

namespace Identity.Tests.Security;

/// <summary>The shared scope rules, as pure functions.</summary>
public sealed class ScopeTests
{
    private static readonly Actor School = new("office", Roles.School, null, null);
    private static readonly Actor College = new("t101", Roles.College, "101", null);
    private static readonly Actor Student = new("2026000001", Roles.Student, "101", "2026000001");

    [Fact]
    public void College_staff_act_only_inside_their_college_the_office_everywhere()
    {
        School.EnsureCanAccessCollege("101");
        School.EnsureCanAccessCollege("102");
        College.EnsureCanAccessCollege("101");
        Should.Throw<ProblemException>(() => College.EnsureCanAccessCollege("102")).Status.ShouldBe(403);
        Should.Throw<ProblemException>(() => College.EnsureCanAccessCollege(null)).Status.ShouldBe(403);
        Should.Throw<ProblemException>(() => Student.EnsureCanAccessCollege("101")).Status.ShouldBe(403);
    }

    [Fact]
    public void A_student_asking_about_another_student_gets_404_never_403()
    {
        Student.EnsureCanSeeStudent("2026000001", "101");
        var e = Should.Throw<ProblemException>(() => Student.EnsureCanSeeStudent("2026000002", "101"));
        e.Status.ShouldBe(404);
        e.Code.ShouldBe(ProblemCodes.NotFound);
        College.EnsureCanSeeStudent("2026000002", "101");
        Should.Throw<ProblemException>(() => College.EnsureCanSeeStudent("2026000003", "102")).Status.ShouldBe(403);
        School.EnsureCanSeeStudent("2026000003", "102");
    }

    [Fact]
    public void The_college_filter_of_a_list_is_the_callers_college_for_college_staff()
    {
        College.CollegeFilter(null).ShouldBe("101");
        College.CollegeFilter("101").ShouldBe("101");
        Should.Throw<ProblemException>(() => College.CollegeFilter("102")).Status.ShouldBe(403);
        School.CollegeFilter(null).ShouldBeNull();
        School.CollegeFilter("102").ShouldBe("102");
        Should.Throw<ProblemException>(() => Student.CollegeFilter(null)).Status.ShouldBe(403);
        Should.Throw<ProblemException>(() => Student.EnsureStaff()).Status.ShouldBe(403);
        Should.Throw<ProblemException>(() => College.EnsureSchool()).Status.ShouldBe(403);
        Should.Throw<ProblemException>(() => new Actor("t0", Roles.College, null, null).CollegeFilter(null)).Status.ShouldBe(403);
    }
}
