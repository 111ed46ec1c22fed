using Marten;
using Notifications.Inbox;
using Review.Contracts;

namespace Notifications.Inbound;

/// <summary>学院/学校审核后，学生自动收到审核提醒: approved means done; rejected carries the reason to fix.</summary>
public static class VerificationDecidedHandler
{
    public static void Handle(VerificationDecided m, IDocumentSession session)
    {
        var stage = m.Stage == "school" ? "学校" : "学院";
        var approved = m.Decision == "approve";
        var title = approved
            ? m.Completed ? "生源信息核验完成" : $"生源信息{stage}审核通过"
            : $"生源信息{stage}审核不通过";
        var body = approved
            ? m.Completed
                ? $"你的生源信息已通过{stage}审核，核验完成。"
                : $"你的生源信息已通过{stage}审核，等待学校审核。"
            : $"你的生源信息未通过{stage}审核，原因：{m.Reason}。请登录系统按原因修改后重新提交。";
        session.Store(new Notification
        {
            Id = Guid.NewGuid(),
            UserName = m.StudentNumber,
            Kind = approved ? "verification.approved" : "verification.rejected",
            Title = title,
            Body = body,
            CreatedAt = m.DecidedAt,
        });
    }
}
