using Xunit;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using BuildingBlocks.Actors;
using Identity.Accounts;
using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SourceRecords.Contracts;
using Wolverine;
using Wolverine.Tracking;

namespace Testing;

/// <summary>
/// The whole system, through real HTTP, on its own database. One per test class (IClassFixture),
/// so test classes run in parallel without sharing state. Tokens come from real logins (POST /api/auth/login).
/// </summary>
public class ApiFactory(PostgresServer server) : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string SigningKey = "test-signing-key-that-is-long-enough-0123456789";
    public const string BootstrapUser = "admin";
    public const string BootstrapPassword = "Admin#2026-Office";
    /// <summary>The password of every staff account that <see cref="ClientFor"/> creates.</summary>
    public const string StaffPassword = "Staff#2026-Password";

    /// <summary>The password <see cref="ClientFor"/> gives an existing student account (one that came from a real record).</summary>
    public const string StudentPassword = "Student#Test2026";

    private string _connectionString = "";
    private IHost? _host;
    private readonly ConcurrentDictionary<string, (string Token, string Password)> _logins = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _studentIdNumbers = new(StringComparer.Ordinal);

    public IHost AppHost => _host ?? throw new InvalidOperationException("The host has not started.");

    public string ConnectionString => _connectionString;

    /// <summary>The Host's clock: real time plus an offset a test may move forward (see <see cref="SettableClock"/>).</summary>
    public SettableClock Clock { get; } = new();

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
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    protected override IHost CreateHost(IHostBuilder builder)
    {
        _host = base.CreateHost(builder);
        return _host;
    }

    /// <summary>
    /// A client logged in (for real) as <paramref name="actor"/>. Blocks; prefer <see cref="ClientForAsync"/> in async code.
    /// </summary>
    public HttpClient ClientFor(Actor actor) => Task.Run(() => ClientForAsync(actor)).GetAwaiter().GetResult();

    /// <summary>
    /// A client logged in (for real) as <paramref name="actor"/>:
    /// - school/college: the staff account is created by the bootstrap admin over POST /api/accounts/staff if missing
    ///   (password <see cref="StaffPassword"/>; a college actor's college is made known to Identity by publishing
    ///   <see cref="CollegeRegistered"/> when needed), then logged in;
    /// - student: if no account exists, one is created the way SourceRecords does it (a <see cref="StudentRecordRegistered"/>
    ///   with a made-up valid ID number, cohort "2026") and logged in with its default password. If the account already
    ///   exists (from a real record), its password is set to <see cref="StudentPassword"/> through the self-service reset;
    ///   to keep the default password (passwordIsDefault), use <see cref="StudentClientAsync"/> with the record's ID number.
    /// Logins are cached per user name (and renewed when the token stopped working): do not change the password of an
    /// actor obtained here; make your own account for that.
    /// </summary>
    public async Task<HttpClient> ClientForAsync(Actor actor)
    {
        if (_logins.TryGetValue(actor.UserName, out var known))
        {
            // A batch reset or disabling may have ended the cached token: check it, log in again when needed.
            var cached = WithToken(known.Token);
            if ((await cached.GetAsync("/api/auth/me")).StatusCode == HttpStatusCode.OK) return cached;
            return await LoginAsync(actor.UserName, known.Password, actor);
        }
        if (actor.IsStudent) return await EnsureStudentAsync(actor);
        if (actor.UserName == BootstrapUser) return await LoginAsync(BootstrapUser, BootstrapPassword, actor);

        var admin = await AdminClientAsync();
        var body = new { username = actor.UserName, displayName = actor.UserName, role = actor.Role, collegeCode = actor.CollegeCode, password = StaffPassword };
        var response = await admin.PostJsonAsync("/api/accounts/staff", body);
        if (response.StatusCode == HttpStatusCode.BadRequest && actor.CollegeCode is not null)
        {
            await PublishAsync(new CollegeRegistered(actor.CollegeCode, $"测试学院 {actor.CollegeCode}"));
            response = await admin.PostJsonAsync("/api/accounts/staff", body);
        }
        if (response.StatusCode is not (HttpStatusCode.Created or HttpStatusCode.Conflict))
            throw new InvalidOperationException($"Could not create staff account {actor.UserName}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await LoginAsync(actor.UserName, StaffPassword, actor);
    }

    /// <summary>A client logged in as a student with the default password (last six characters of <paramref name="idNumber"/>); the account must exist.</summary>
    public Task<HttpClient> StudentClientAsync(string studentNumber, string idNumber) =>
        LoginAsync(studentNumber, Passwords.DefaultFor(idNumber));

    /// <summary>A client logged in as the bootstrap school-office account.</summary>
    public Task<HttpClient> AdminClientAsync() => ClientForAsync(new Actor(BootstrapUser, Roles.School, null, null));

    /// <summary>Logs in over HTTP and returns a client carrying the token; fails with the answer's body otherwise.</summary>
    public async Task<HttpClient> LoginAsync(string userName, string password, Actor? expected = null)
    {
        var response = await CreateClient().PostJsonAsync("/api/auth/login", new { username = userName, password });
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK)
            throw new InvalidOperationException($"Login as {userName} failed: {(int)response.StatusCode} {text}");
        var login = System.Text.Json.JsonSerializer.Deserialize<LoginBody>(text, HttpExtensions.Json)!;
        if (expected is not null && (login.User.Role != expected.Role || (!expected.IsStudent && login.User.CollegeCode != expected.CollegeCode)))
            throw new InvalidOperationException($"{userName} already exists as {login.User.Role}/{login.User.CollegeCode}, not {expected.Role}/{expected.CollegeCode}: use another user name.");
        if (expected is not null) _logins[userName] = (login.AccessToken, password);
        return WithToken(login.AccessToken);
    }

    /// <summary>A client carrying the given bearer token.</summary>
    public HttpClient WithToken(string token)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public HttpClient Anonymous() => CreateClient();

    /// <summary>Publishes a message on the bus, as <paramref name="actor"/> when given, and waits until everything it caused is handled.</summary>
    public Task<ITrackedSession> PublishAsync(object message, Actor? actor = null) => TrackAsync(async () =>
    {
        using var _ = actor is null ? null : ActorContext.Use(actor);
        await AppHost.Services.GetRequiredService<IMessageBus>().PublishAsync(message);
    });

    /// <summary>
    /// Runs <paramref name="action"/> and waits until every message it caused, in every module, has been handled.
    /// Cross-module tests wait on this, never on sleeps.
    /// </summary>
    public Task<ITrackedSession> TrackAsync(Func<Task> action, int timeoutSeconds = 30) =>
        AppHost.TrackActivity()
            .Timeout(TimeSpan.FromSeconds(timeoutSeconds))
            .ExecuteAndWaitAsync((Func<IMessageContext, Task>)(_ => action()));

    /// <summary>A valid 18-character resident ID number (GB 11643 check character) derived from <paramref name="seed"/>.</summary>
    public static string MakeIdNumber(string seed, bool female = false)
    {
        var hash = seed.Aggregate(2166136261u, (h, c) => unchecked((h ^ c) * 16777619u)); // stable across runs
        var serial = hash % 500 * 2 + (female ? 0u : 1u);
        var first17 = $"11010520000101{serial:D3}";
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var sum = first17.Select((c, i) => (c - '0') * weights[i]).Sum();
        return first17 + "10X98765432"[sum % 11];
    }

    private async Task<HttpClient> EnsureStudentAsync(Actor actor)
    {
        if (!_studentIdNumbers.TryGetValue(actor.UserName, out var idNumber))
        {
            await using (var session = Services.GetRequiredService<IDocumentStore>().QuerySession())
            {
                if (await session.LoadAsync<Account>(Account.StreamKey(actor.UserName)) is not null)
                    return await TakeOverStudentAsync(actor);
            }
            idNumber = MakeIdNumber(actor.UserName);
            var fields = new Dictionary<string, string?>
            {
                ["studentNumber"] = actor.UserName, ["name"] = $"学生{actor.UserName}", ["idNumber"] = idNumber,
                ["collegeCode"] = actor.CollegeCode, ["className"] = "测试班",
            };
            await PublishAsync(new StudentRecordRegistered(actor.UserName, "2026", actor.CollegeCode ?? "000", $"学生{actor.UserName}",
                idNumber, null, "测试班", fields));
            _studentIdNumbers[actor.UserName] = idNumber;
        }
        return await LoginAsync(actor.UserName, Passwords.DefaultFor(idNumber), actor);
    }

    /// <summary>
    /// An existing student account whose ID number this factory does not know: the password is set to
    /// <see cref="StudentPassword"/> through the real self-service reset (request, code from the tracked message, confirm).
    /// </summary>
    private async Task<HttpClient> TakeOverStudentAsync(Actor actor)
    {
        var tracked = await TrackAsync(() => CreateClient().PostJsonAsync("/api/auth/password-reset/request", new { username = actor.UserName }));
        var message = tracked.Sent.MessagesOf<Identity.Contracts.PasswordResetRequested>().SingleOrDefault()
            ?? throw new InvalidOperationException($"Student account {actor.UserName} is disabled or missing: no reset code was issued.");
        var confirm = await CreateClient().PostJsonAsync("/api/auth/password-reset/confirm",
            new { username = actor.UserName, code = message.Code, newPassword = StudentPassword });
        if (confirm.StatusCode != HttpStatusCode.NoContent)
            throw new InvalidOperationException($"Could not set the password of {actor.UserName}: {(int)confirm.StatusCode} {await confirm.Content.ReadAsStringAsync()}");
        return await LoginAsync(actor.UserName, StudentPassword, actor);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private sealed record LoginBody(string AccessToken, LoginUser User);

    private sealed record LoginUser(string Role, string? CollegeCode);
}
