using System.Net;
using SourceRecords.Demo;
using SourceRecords.Fields;
using Testing;
using static SourceRecords.Tests.TestData;

namespace SourceRecords.Tests.Demo;

public sealed class DemoSeedTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public void The_demo_students_are_deterministic_unique_and_valid_under_the_field_catalogue()
    {
        var students = DemoUniversity.Students();
        students.Count.ShouldBe(360);
        students.Select(s => s["studentNumber"]).Distinct().Count().ShouldBe(360);
        DemoUniversity.Students().Select(s => s["idNumber"]).ShouldBe(students.Select(s => s["idNumber"]));

        var colleges = DemoUniversity.Colleges.Select(c => c.Code).ToHashSet();
        foreach (var s in students)
        {
            var errors = FieldCatalogue.Validate(s, FieldCatalogue.Fields.Where(f => f.RequiredOnImport), colleges, new DateOnly(2026, 1, 1));
            errors.ShouldBeEmpty($"{s["studentNumber"]}: {string.Join("; ", errors.SelectMany(e => e.Value))}");
            global::SourceRecords.Fields.IdNumber.GenderCode(s["idNumber"]!).ShouldBe(s["gender"]);
        }
        students.Count(s => s["trainingMode"] == "2").ShouldBeGreaterThan(0);
        students.Select(s => s["className"]).Distinct().Count().ShouldBeGreaterThan(10);
    }

    [Fact]
    public async Task Seeding_an_empty_school_record_creates_the_university_once()
    {
        (await DemoSeed.RunAsync(api.Services, TestContext.Current.CancellationToken)).ShouldBe(360);
        (await DemoSeed.RunAsync(api.Services, TestContext.Current.CancellationToken)).ShouldBe(0);

        var list = await (await api.ClientFor(Office).GetAsync("/api/source-records?cohort=2026&collegeCode=104")).ShouldBeAsync(HttpStatusCode.OK);
        list["total"]!.GetValue<int>().ShouldBe(60);
        var colleges = (await (await api.ClientFor(Office).GetAsync("/api/colleges")).ShouldBeAsync(HttpStatusCode.OK)).AsArray();
        colleges.Count.ShouldBe(6);
    }
}
