using BuildingBlocks.Actors;
using BuildingBlocks.Audit;
using BuildingBlocks.Modules;
using BuildingBlocks.Problems;
using BuildingBlocks.Security;
using FastEndpoints;
using FastEndpoints.Swagger;
using Host.Infrastructure;
using JasperFx;
using JasperFx.Events;
using Marten;
using Scalar.AspNetCore;
using Weasel.Core;
using Wolverine;
using Wolverine.Marten;

var builder = WebApplication.CreateBuilder(args);
IModule[] modules =
[
    new Identity.IdentityModule(),
    new SourceRecords.SourceRecordsModule(),
    new Review.ReviewModule(),
    new Notifications.NotificationsModule(),
];

// Without a configured server, Development runs on its own local PostgreSQL (the one-command start).
var localPostgres = await DevelopmentDatabase.EnsureConnectionStringAsync(builder);
var connectionString = builder.Configuration.GetConnectionString("Postgres")
    ?? throw new InvalidOperationException("缺少数据库连接：请设置 ConnectionStrings__Postgres (ConnectionStrings:Postgres)。");
var jwt = JwtSettings.FromConfiguration(builder.Configuration, builder.Environment.IsDevelopment());

builder.Services.AddSingleton(jwt);
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddRateLimiter(o => o.OnRejected = RateLimiting.WriteProblemAsync);
builder.Services.AddSingleton(_ => Npgsql.NpgsqlDataSource.Create(connectionString));
foreach (var module in modules) module.AddServices(builder.Services, builder.Configuration);

builder.Services.AddMarten(opts =>
    {
        opts.DatabaseSchemaName = "public";
        opts.UseSystemTextJsonForSerialization(EnumStorage.AsString);
        opts.Events.StreamIdentity = StreamIdentity.AsString;
        // Rich mode gives inline projections the event sequence and timestamp the audit rows need.
        opts.Events.AppendMode = EventAppendMode.Rich;
        opts.Events.MetadataConfig.EnableAll();
        opts.Events.MetadataConfig.UserNameEnabled = true;
        AuditStore.Configure(opts);
        foreach (var module in modules) module.ConfigureMarten(opts);
    })
    .UseNpgsqlDataSource()
    .BuildSessionsWith<ActorSessionFactory>()
    .IntegrateWithWolverine()
    .ApplyAllDatabaseChangesOnStartup();

builder.Host.UseWolverine(opts =>
{
    opts.ApplicationAssembly = typeof(Program).Assembly;
    // Each module's handler of a shared contract message runs on its own: its own queue, transaction and retries.
    opts.MultipleHandlerBehavior = MultipleHandlerBehavior.Separated;
    opts.Policies.AutoApplyTransactions();
    opts.Policies.UseDurableLocalQueues();
    opts.Policies.AddMiddleware(typeof(ActorMessageMiddleware));
    opts.MetadataRules.Add(new ActorEnvelopeRule());
    opts.CodeGeneration.ReuseCompiledAssemblies = true;
    foreach (var module in modules) module.ConfigureWolverine(opts);
});

builder.Services.AddBearerAuthentication(jwt);
builder.Services.AddHealthChecks().AddCheck<PostgresHealthCheck>("postgres");
builder.Services
    .AddFastEndpoints(o => o.Assemblies = modules.Select(m => m.GetType().Assembly))
    .SwaggerDocument(o =>
    {
        o.ShortSchemaNames = true;
        o.DocumentSettings = s =>
        {
            s.DocumentName = "v1";
            s.Title = "毕业生生源信息核验 API";
            s.Version = "v1";
        };
    });

var app = builder.Build();

app.UseMiddleware<ProblemExceptionMiddleware>();
app.UseDefaultFiles();
app.UseStaticFiles();
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();
app.UseMiddleware<ActorHttpMiddleware>();
app.UseFastEndpoints(c =>
{
    c.Endpoints.ShortNames = true;
    c.Serializer.Options.Encoder = Problem.JsonOptions.Encoder;
    c.Errors.ContentType = "application/problem+json";
    c.Errors.ResponseBuilder = ValidationProblems.Build;
});
app.UseSwaggerGen(o => o.Path = "/openapi/{documentName}.json");
app.MapScalarApiReference("/scalar", o => o.WithOpenApiRoutePattern("/openapi/{documentName}.json").WithTitle("毕业生生源信息核验 API"));
app.MapHealthChecks("/health");

app.Lifetime.ApplicationStarted.Register(() =>
{
    foreach (var url in app.Urls)
        app.Logger.LogInformation("Listening on {Url}: API reference {Url}/scalar, OpenAPI {Url}/openapi/v1.json, front end {Url}/", url, url, url, url);
});

try
{
    return await app.RunJasperFxCommands(args);
}
finally
{
    // The one-command start's own PostgreSQL stops with the Host (and after one-off commands such as projections).
    if (localPostgres is not null) await localPostgres.DisposeAsync();
}

/// <summary>The entry point, public for WebApplicationFactory.</summary>
public partial class Program;
