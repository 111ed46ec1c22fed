using BuildingBlocks.Actors;
using BuildingBlocks.Problems;
using FastEndpoints;
using FluentValidation;
using Identity.Colleges;
using Marten;
using Wolverine;

namespace Identity.Accounts.CreateStaff;

internal sealed record CreateStaffRequest(string Username, string DisplayName, string Role, string? CollegeCode, string Password)
{
    internal sealed class Validator : Validator<CreateStaffRequest>
    {
        public Validator()
        {
            RuleFor(x => x.Username).NotEmpty().WithMessage("用户名不能为空")
                .MaximumLength(50).WithMessage("用户名最多 50 个字符")
                .Matches("^[0-9A-Za-z_.@-]+$").WithMessage("用户名只能包含字母、数字和 _ . @ -");
            RuleFor(x => x.DisplayName).NotEmpty().WithMessage("姓名不能为空").MaximumLength(50).WithMessage("姓名最多 50 个字符");
            RuleFor(x => x.Role).Must(r => r is Roles.College or Roles.School).WithMessage("角色只能是 college（学院）或 school（学校）");
            RuleFor(x => x.CollegeCode).NotEmpty().When(x => x.Role == Roles.College).WithMessage("学院账号必须指定学院代码");
            RuleFor(x => x.Password).NotEmpty().WithMessage("密码不能为空").MinimumLength(8).WithMessage("密码至少需要 8 个字符");
            RuleFor(x => x.Password).Must((x, p) => !string.Equals(p, x.Username, StringComparison.OrdinalIgnoreCase))
                .WithMessage("密码不能与用户名相同");
        }
    }
}

internal sealed class CreateStaffEndpoint(IMessageBus bus) : Endpoint<CreateStaffRequest, UserResponse>
{
    public override void Configure()
    {
        Post("/api/accounts/staff");
        Roles(BuildingBlocks.Actors.Roles.School);
        Summary(s => s.Summary = "创建工作人员账号 (school)：学院账号限定一个学院，学校账号可见全部");
    }

    public override async Task HandleAsync(CreateStaffRequest req, CancellationToken ct)
    {
        var user = await bus.InvokeAsync<UserResponse>(new CreateStaffAccount(req.Username.Trim(), req.DisplayName.Trim(), req.Role,
            req.Role == BuildingBlocks.Actors.Roles.College ? req.CollegeCode?.Trim() : null, req.Password), ct);
        await Send.ResponseAsync(user, 201, ct);
    }
}

public sealed record CreateStaffAccount(string UserName, string DisplayName, string Role, string? CollegeCode, string Password)
{
    /// <summary>Wolverine logs a failed message with its text: never the password.</summary>
    public override string ToString() => $"CreateStaffAccount {{ UserName = {UserName}, Role = {Role}, CollegeCode = {CollegeCode} }}";
}

public static class CreateStaffAccountHandler
{
    public static async Task<UserResponse> Handle(CreateStaffAccount command, IDocumentSession session, CancellationToken ct)
    {
        if (command.CollegeCode is not null && await session.LoadAsync<KnownCollege>(command.CollegeCode, ct) is null)
            throw ProblemException.Validation("collegeCode", $"学院代码 {command.CollegeCode} 不存在，请先在学院列表中添加。");
        var key = Account.StreamKey(command.UserName);
        if (await session.Events.FetchStreamStateAsync(key, ct) is not null)
            throw ProblemException.Conflict(IdentityProblems.AccountExists, $"用户名 {command.UserName} 已存在。");

        var created = new StaffAccountCreated(command.UserName, command.DisplayName, command.Role, command.CollegeCode,
            Passwords.HashChosen(command.Password), Passwords.NewSecurityStamp());
        session.Events.StartStream<Account>(key, created);
        return UserResponse.From(Account.Create(created));
    }
}
