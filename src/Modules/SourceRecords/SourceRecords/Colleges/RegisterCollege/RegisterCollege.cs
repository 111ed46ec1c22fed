using BuildingBlocks.Actors;
using BuildingBlocks.Problems;
using FastEndpoints;
using FluentValidation;
using Marten;
using SourceRecords.Contracts;
using Wolverine;

namespace SourceRecords.Colleges.RegisterCollege;

internal sealed record RegisterCollegeRequest(string Code, string Name)
{
    internal sealed class Validator : Validator<RegisterCollegeRequest>
    {
        public Validator()
        {
            RuleFor(x => x.Code).NotEmpty().WithMessage("学院代码不能为空")
                .MaximumLength(20).WithMessage("学院代码最多 20 个字符")
                .Matches("^[0-9A-Za-z_-]+$").WithMessage("学院代码只能包含字母、数字、下划线和连字符");
            RuleFor(x => x.Name).NotEmpty().WithMessage("学院名称不能为空")
                .MaximumLength(50).WithMessage("学院名称最多 50 个字符");
        }
    }
}

public sealed record CollegeResponse(string Code, string Name);

internal sealed class RegisterCollegeEndpoint(IMessageBus bus) : Endpoint<RegisterCollegeRequest, CollegeResponse>
{
    public override void Configure()
    {
        Post("/api/colleges");
        Roles(BuildingBlocks.Actors.Roles.School);
        Summary(s => s.Summary = "新增学院 (school office)");
    }

    public override async Task HandleAsync(RegisterCollegeRequest req, CancellationToken ct)
    {
        var college = await bus.InvokeAsync<CollegeResponse>(new RegisterCollege(req.Code.Trim(), req.Name.Trim()), ct);
        await Send.ResponseAsync(college, 201, ct);
    }
}

/// <summary>Adds a college; Identity learns of it through <see cref="CollegeRegistered"/>.</summary>
public sealed record RegisterCollege(string Code, string Name);

public static class RegisterCollegeHandler
{
    public static async Task<(CollegeResponse, CollegeRegistered)> Handle(RegisterCollege command, IDocumentSession session, CancellationToken ct)
    {
        var key = College.StreamKey(command.Code);
        if (await session.Events.FetchStreamStateAsync(key, ct) is not null)
            throw ProblemException.Conflict("college.duplicate", $"学院代码 {command.Code} 已存在。");

        session.Events.StartStream<College>(key, new CollegeAdded(command.Code, command.Name));
        return (new CollegeResponse(command.Code, command.Name), new CollegeRegistered(command.Code, command.Name));
    }
}
