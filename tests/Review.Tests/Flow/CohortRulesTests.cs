using System.Net;
using System.Net.Http.Json;
using Testing;
using static Review.Tests.Flow.FlowData;

namespace Review.Tests.Flow;

/// <summary>A cohort without school review, and a record deleted (退学) and restored while under review.</summary>
public sealed class CohortRulesTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private const string CollegeOnlyCohort = "2032";

    public async ValueTask InitializeAsync()
    {
        await EnsureBasicsAsync(api);
        var office = await api.ClientForAsync(Office);
        await api.TrackAsync(async () => (await office.PostJsonAsync("/api/cohorts", new
        {
            code = CollegeOnlyCohort, name = "2032届毕业生", graduationYear = 2032,
            studentDeadline = StudentDeadline.AddYears(1), reviewDeadline = ReviewDeadline.AddYears(1),
            requireSchoolReview = false,
        })).StatusCode.ShouldBeOneOf(HttpStatusCode.Created, HttpStatusCode.OK));
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Without_school_review_the_college_approval_completes_the_verification()
    {
        var student = await StudentAsync(api, "C1001", cohort: CollegeOnlyCohort);
        await SubmitAsync(student, new() { ["politicalStatus"] = "03" });
        var counsellor = await api.ClientForAsync(Counsellor);
        var version = await VersionAsync(counsellor, "C1001");
        HttpResponseMessage? response = null;
        await api.TrackAsync(async () => response = await counsellor.PostJsonAsync("/api/reviews/C1001/college-review",
            new { expectedVersion = version, decision = "approve" }));
        var approved = await response!.ShouldBeAsync(HttpStatusCode.OK);
        approved["statusLabel"]!.GetValue<string>().ShouldBe("核验完成（学院已审）");

        var view = await (await student.GetAsync("/api/verification")).ShouldBeAsync(HttpStatusCode.OK);
        view["completed"]!.GetValue<bool>().ShouldBeTrue();
        var inbox = await (await student.GetAsync("/api/notifications")).ShouldBeAsync(HttpStatusCode.OK);
        inbox.AsArray().ShouldHaveSingleItem()!["title"]!.GetValue<string>().ShouldBe("生源信息核验完成");
    }

    [Fact]
    public async Task A_deleted_record_archives_its_verification_and_restoring_brings_it_back_as_it_was()
    {
        var student = await StudentAsync(api, "C2001");
        await SubmitAsync(student, new() { ["email"] = "c2001@example.com" });
        var office = await api.ClientForAsync(Office);
        var version = await VersionAsync(office, "C2001");

        await api.TrackAsync(async () => (await office.DeleteAsync("/api/source-records/C2001?reason=withdrawal&note=退学"))
            .StatusCode.ShouldBe(HttpStatusCode.NoContent));
        await (await office.PostJsonAsync("/api/reviews/C2001/college-review", new { expectedVersion = version + 1, decision = "approve" }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "verification.archived");
        var queue = await (await office.GetAsync($"/api/reviews?q=C2001")).ShouldBeAsync(HttpStatusCode.OK);
        queue["total"]!.GetValue<int>().ShouldBe(0);

        await api.TrackAsync(async () => (await office.PostAsync("/api/source-records/C2001/restore", null))
            .StatusCode.ShouldBe(HttpStatusCode.NoContent));
        var detail = await (await office.GetAsync("/api/reviews/C2001")).ShouldBeAsync(HttpStatusCode.OK);
        detail["status"]!.GetValue<string>().ShouldBe("Submitted");
        detail["fields"]!.AsArray().Single(f => f!["field"]!.GetValue<string>() == "email")!["proposedValue"]!
            .GetValue<string>().ShouldBe("c2001@example.com");
    }
}
