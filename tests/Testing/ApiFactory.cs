using Xunit;
using System.Net.Http.Headers;
using BuildingBlocks.Actors;
using BuildingBlocks.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Wolverine;
using Wolverine.Tracking;

namespace Testing;

/// <summary>
/// The whole system, through real HTTP, on its own database. One per test class (IClassFixture),
/// so test classes run in parallel without sharing state.
/// </summary>
public class ApiFactory(PostgresServer server) : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string SigningKey = "test-signing-key-that-is-long-enough-0123456789";
    public const string BootstrapUser = "admin";
    public const string BootstrapPassword = "Admin#2026-Office";

    private string _connectionString = "";
    private IHost? _host;

    public IHost AppHost => _host ?? throw new InvalidOperationException("The host has not started.");

    public string ConnectionString => _connectionString;

    public virtual async ValueTask InitializeAsync()
    {
        _connectionString = await server.CreateDatabaseAsync();
        // Program ends in RunJasperFxCommands: under WebApplicationFactory it must start the host itself.
        JasperFx.CommandLine.JasperFxEnvironment.AutoStartHost = true;
        _ = Services; // starts the host: migrations, Wolverine, bootstrap account
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Postgres", _connectionString);
        builder.UseSetting("Identity:Jwt:SigningKey", SigningKey);
        builder.UseSetting("Identity:Bootstrap:Username", BootstrapUser);
        builder.UseSetting("Identity:Bootstrap:Password", BootstrapPassword);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
    }

    protected override IHost CreateHost(IHostBuilder builder)
    {
        _host = base.CreateHost(builder);
        return _host;
    }

    /// <summary>A client that carries a token for the given actor.</summary>
    public HttpClient ClientFor(Actor actor, string securityStamp = "test")
    {
        var jwt = Services.GetRequiredService<JwtSettings>();
        var (token, _) = TokenIssuer.Issue(jwt, actor.UserName, actor.UserName, actor.Role, actor.CollegeCode,
            securityStamp, DateTimeOffset.UtcNow);
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public HttpClient Anonymous() => CreateClient();

    /// <summary>
    /// Runs <paramref name="action"/> and waits until every message it caused, in every module, has been handled.
    /// Cross-module tests wait on this, never on sleeps.
    /// </summary>
    public Task<ITrackedSession> TrackAsync(Func<Task> action, int timeoutSeconds = 30) =>
        AppHost.TrackActivity()
            .Timeout(TimeSpan.FromSeconds(timeoutSeconds))
            .ExecuteAndWaitAsync((Func<IMessageContext, Task>)(_ => action()));

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
