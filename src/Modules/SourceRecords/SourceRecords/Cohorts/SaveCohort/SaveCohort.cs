using System.Globalization;
using BuildingBlocks.Audit;
using FastEndpoints;
using FluentValidation;
using Marten;
using SourceRecords.Contracts;
using Wolverine;

namespace SourceRecords.Cohorts.SaveCohort;

internal sealed record SaveCohortRequest(string Code, string Name, int GraduationYear, DateTimeOffset? StudentDeadline,
    DateTimeOffset? ReviewDeadline, bool RequireSchoolReview)
{
    internal sealed class Validator : Validator<SaveCohortRequest>
    {
        public Validator()
        {
            RuleFor(x => x.Code).NotEmpty().WithMessage("届次代码不能为空")
                .MaximumLength(20).WithMessage("届次代码最多 20 个字符")
                .Matches("^[0-9A-Za-z_-]+$").WithMessage("届次代码只能包含字母、数字、下划线和连字符");
            RuleFor(x => x.Name).NotEmpty().WithMessage("届次名称不能为空")
                .MaximumLength(50).WithMessage("届次名称最多 50 个字符");
            RuleFor(x => x.GraduationYear).InclusiveBetween(2000, 2100).WithMessage("毕业年份必须在 2000 到 2100 之间");
            RuleFor(x => x.StudentDeadline).NotNull().WithMessage("学生核验截止时间不能为空");
            RuleFor(x => x.ReviewDeadline).NotNull().WithMessage("审核截止时间不能为空")
                .GreaterThanOrEqualTo(x => x.StudentDeadline).When(x => x.StudentDeadline is not null)
                .WithMessage("审核截止时间不能早于学生核验截止时间");
        }
    }
}

public sealed record CohortResponse(string Code, string Name, int GraduationYear, DateTimeOffset StudentDeadline,
    DateTimeOffset ReviewDeadline, bool RequireSchoolReview)
{
    public static CohortResponse From(Cohort c) =>
        new(c.Code, c.Name, c.GraduationYear, c.StudentDeadline, c.ReviewDeadline, c.RequireSchoolReview);
}

internal sealed class SaveCohortEndpoint(IMessageBus bus) : Endpoint<SaveCohortRequest, CohortResponse>
{
    public override void Configure()
    {
        Post("/api/cohorts");
        Roles(BuildingBlocks.Actors.Roles.School);
        Summary(s => s.Summary = "新增届次，或修改已有届次的名称与截止时间 (school office): 201 created, 200 changed");
    }

    public override async Task HandleAsync(SaveCohortRequest req, CancellationToken ct)
    {
        var result = await bus.InvokeAsync<SaveCohortResult>(new SaveCohort(req.Code.Trim(), req.Name.Trim(), req.GraduationYear,
            req.StudentDeadline!.Value, req.ReviewDeadline!.Value, req.RequireSchoolReview), ct);
        await Send.ResponseAsync(result.Cohort, result.Created ? 201 : 200, ct);
    }
}

/// <summary>Creates a cohort or changes it; other modules learn of it through <see cref="CohortSaved"/>.</summary>
public sealed record SaveCohort(string Code, string Name, int GraduationYear, DateTimeOffset StudentDeadline,
    DateTimeOffset ReviewDeadline, bool RequireSchoolReview);

public sealed record SaveCohortResult(CohortResponse Cohort, bool Created);

public static class SaveCohortHandler
{
    public static async Task<(SaveCohortResult, CohortSaved?)> Handle(SaveCohort command, IDocumentSession session, CancellationToken ct)
    {
        var key = Cohort.StreamKey(command.Code);
        var stream = await session.Events.FetchForWriting<Cohort>(key, ct);
        Cohort saved;
        if (stream.Aggregate is null)
        {
            var created = new CohortCreated(command.Code, command.Name, command.GraduationYear, command.StudentDeadline,
                command.ReviewDeadline, command.RequireSchoolReview);
            session.Events.StartStream<Cohort>(key, created);
            saved = Cohort.Create(created);
            return (new SaveCohortResult(CohortResponse.From(saved), true), saved.ToContract());
        }

        var current = stream.Aggregate;
        var changes = Changes(current, command);
        if (changes.Count == 0) return (new SaveCohortResult(CohortResponse.From(current), false), null);
        var changed = new CohortChanged(command.Code, command.Name, command.GraduationYear, command.StudentDeadline,
            command.ReviewDeadline, command.RequireSchoolReview, changes);
        stream.AppendOne(changed);
        saved = current.Apply(changed);
        return (new SaveCohortResult(CohortResponse.From(saved), false), saved.ToContract());
    }

    private static List<FieldChange> Changes(Cohort c, SaveCohort n)
    {
        static string D(DateTimeOffset d) => d.ToString("O", CultureInfo.InvariantCulture);
        return new List<FieldChange>
        {
            new("name", c.Name, n.Name),
            new("graduationYear", c.GraduationYear.ToString(CultureInfo.InvariantCulture), n.GraduationYear.ToString(CultureInfo.InvariantCulture)),
            new("studentDeadline", D(c.StudentDeadline), D(n.StudentDeadline)),
            new("reviewDeadline", D(c.ReviewDeadline), D(n.ReviewDeadline)),
            new("requireSchoolReview", c.RequireSchoolReview.ToString(), n.RequireSchoolReview.ToString()),
        }.Where(x => x.From != x.To).ToList();
    }
}
