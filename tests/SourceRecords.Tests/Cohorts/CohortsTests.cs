using System.Net;
using SourceRecords.Contracts;
using Testing;
using static SourceRecords.Tests.TestData;

namespace SourceRecords.Tests.Cohorts;

public sealed class CohortsTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static object Cohort(string code, string name = "2026届本科毕业生", bool requireSchoolReview = true) => new
    {
        code, name, graduationYear = 2026,
        studentDeadline = "2026-04-30T23:59:00+08:00",
        reviewDeadline = "2026-05-15T23:59:00+08:00",
        requireSchoolReview,
    };

    [Fact]
    public async Task Given_the_office_When_it_creates_then_changes_a_cohort_Then_201_then_200_and_CohortSaved_is_published_each_time()
    {
        HttpResponseMessage? response = null;
        var tracked = await api.TrackAsync(async () => response = await api.ClientFor(Office).PostJsonAsync("/api/cohorts", Cohort("2026B")));
        var created = await response!.ShouldBeAsync(HttpStatusCode.Created);
        created["requireSchoolReview"]!.GetValue<bool>().ShouldBeTrue();
        tracked.Published<CohortSaved>().ShouldHaveSingleItem().Code.ShouldBe("2026B");

        tracked = await api.TrackAsync(async () => response = await api.ClientFor(Office).PostJsonAsync("/api/cohorts",
            Cohort("2026B", "2026届本科毕业生（延长）", requireSchoolReview: false)));
        (await response!.ShouldBeAsync(HttpStatusCode.OK))["name"]!.GetValue<string>().ShouldBe("2026届本科毕业生（延长）");
        tracked.Published<CohortSaved>().ShouldHaveSingleItem().RequireSchoolReview.ShouldBeFalse();

        var list = (await (await api.ClientFor(Student("S1")).GetAsync("/api/cohorts")).ShouldBeAsync(HttpStatusCode.OK)).AsArray();
        var cohort = list.Single(c => c!["code"]!.GetValue<string>() == "2026B")!;
        cohort["requireSchoolReview"]!.GetValue<bool>().ShouldBeFalse();
        cohort["studentDeadline"]!.GetValue<DateTimeOffset>().ShouldBe(DateTimeOffset.Parse("2026-04-30T23:59:00+08:00"));
    }

    [Fact]
    public async Task Given_bad_input_or_college_staff_Then_400_in_Chinese_or_403()
    {
        var body = await (await api.ClientFor(Office).PostJsonAsync("/api/cohorts", new
        {
            code = "", name = "", graduationYear = 1990, studentDeadline = "2026-05-30T00:00:00+08:00", reviewDeadline = "2026-05-01T00:00:00+08:00",
        })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        body["errors"]!["code"]![0]!.GetValue<string>().ShouldBe("届次代码不能为空");
        body["errors"]!["graduationYear"]![0]!.GetValue<string>().ShouldContain("毕业年份");
        body["errors"]!["reviewDeadline"]![0]!.GetValue<string>().ShouldContain("不能早于");

        await (await api.ClientFor(College101).PostJsonAsync("/api/cohorts", Cohort("X"))).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.forbidden");
    }
}
