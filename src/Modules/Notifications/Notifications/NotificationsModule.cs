using BuildingBlocks.Modules;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Notifications.Inbox;

namespace Notifications;

/// <summary>Inbox, delivery channels (WeChat, e-mail, in-app), deliveries, reminders.</summary>
public sealed class NotificationsModule : IModule
{
    public string Name => "notifications";

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
    }

    public void ConfigureMarten(StoreOptions options)
    {
        options.Schema.For<Notification>().DatabaseSchemaName(Name).Duplicate(n => n.UserName);
        options.AddAuditTrail(this);
    }
}
