using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Host.Infrastructure;
using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

// The benchmark: a realistic university on a fresh PostgreSQL, measured in one run beside the raw
// PostgreSQL ceiling (pgbench on the same server), so the figures read as ratios on a noisy shared machine.
//   dotnet run --project bench -c Release -- [--students 2000] [--concurrency 16]
var students = Arg("--students", 2000);
var concurrency = Arg("--concurrency", 16);
var auditRows = Arg("--audit-rows", 0);
var results = new List<(string Measure, double Value, string Unit, string Note)>();
void Report(string measure, double value, string unit, string note = "")
{
    results.Add((measure, value, unit, note));
    Console.WriteLine($"{measure,-48} {value,12:0.##} {unit,-10} {note}");
}

Console.WriteLine($"bench: {students} students, concurrency {concurrency}, {Environment.ProcessorCount} cores");
var dataDirectory = Path.Combine(Path.GetTempPath(), $"gsv-bench-{Guid.NewGuid():N}");
var postgres = await LocalPostgres.StartAsync(dataDirectory, durable: true);
await postgres.EnsureDatabaseAsync("gsv_bench");
await postgres.EnsureDatabaseAsync("pgbench");

// 1. The ceiling: pgbench TPC-B-like, 8 clients, 10 s, on the same server.
var pgbench = Path.Combine(Path.GetDirectoryName(Directory.GetDirectories("/usr/lib/postgresql").Max()!)!,
    Path.GetFileName(Directory.GetDirectories("/usr/lib/postgresql").Max()!), "bin", "pgbench");
await Run(pgbench, $"-i -q -s 5 -h 127.0.0.1 -p {postgres.Port} -U postgres pgbench");
var pgOut = await Run(pgbench, $"-c 8 -j 2 -T 10 -h 127.0.0.1 -p {postgres.Port} -U postgres pgbench");
var tps = double.Parse(pgOut.Split('\n').First(l => l.StartsWith("tps", StringComparison.Ordinal)).Split(' ')[2], CultureInfo.InvariantCulture);
Report("pgbench TPC-B (8 clients)", tps, "tx/s", "the ceiling");

// 2. The system, on Kestrel (real HTTP over loopback), in Production mode.
JasperFx.CommandLine.JasperFxEnvironment.AutoStartHost = true; // Program ends in RunJasperFxCommands
var port = FreePort();
var app = new BenchApp(postgres.ConnectionString("gsv_bench"));
app.UseKestrel(port);
app.StartServer();
var baseAddress = new Uri($"http://127.0.0.1:{port}");
using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency * 2 }) { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(5) };
var office = await LoginToken(BenchApp.AdminUser, BenchApp.AdminPassword);

var colleges = Enumerable.Range(1, 10).Select(i => $"{600 + i}").ToList();
foreach (var c in colleges) (await Post(office, "/api/colleges", new { code = c, name = $"第{c}学院" })).EnsureSuccessStatusCode();
(await Post(office, "/api/cohorts", new
{
    code = "2031", name = "2031届毕业生", graduationYear = 2031,
    studentDeadline = new DateTimeOffset(2031, 4, 30, 23, 59, 0, TimeSpan.FromHours(8)),
    reviewDeadline = new DateTimeOffset(2031, 5, 15, 23, 59, 0, TimeSpan.FromHours(8)), requireSchoolReview = true,
})).EnsureSuccessStatusCode();
foreach (var c in colleges)
    (await Post(office, "/api/accounts/staff", new { username = $"fdy{c}", displayName = $"辅导员{c}", role = "college", collegeCode = c, password = "Bench#2031-Staff" }))
        .EnsureSuccessStatusCode();

// 3. Import: one CSV file of every student.
var people = Enumerable.Range(1, students).Select(i => Student.Make(i, colleges[i % colleges.Count])).ToList();
var csv = Student.Csv(people);
var sw = Stopwatch.StartNew();
using (var form = new MultipartFormDataContent())
{
    form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(csv)) { Headers = { ContentType = new MediaTypeHeaderValue("text/csv") } }, "file", "students.csv");
    var imported = await SendRequest(office, new HttpRequestMessage(HttpMethod.Post, "/api/source-records/import?cohort=2031") { Content = form });
    var body = await imported.Content.ReadAsStringAsync();
    if (!imported.IsSuccessStatusCode) throw new InvalidOperationException(body);
}
var importSeconds = sw.Elapsed.TotalSeconds;
Report("import (csv, all-or-nothing)", students / importSeconds, "rows/s", $"{students} rows in {importSeconds:0.0} s");

// The other modules follow through the outbox: accounts and verifications.
sw.Restart();
while (await Total(office, "/api/reviews?cohort=2031&pageSize=1") < students)
{
    if (sw.Elapsed > TimeSpan.FromMinutes(10)) throw new TimeoutException("verifications did not open");
    await Task.Delay(200);
}
Report("records → verifications opened (outbox)", students / (importSeconds + sw.Elapsed.TotalSeconds), "rows/s", $"all open {sw.Elapsed.TotalSeconds:0.0} s after import");

// 4. Students log in (default password), start, save, submit.
var tokens = new string[students];
var loginSeconds = await Parallel(students, concurrency, async i =>
    tokens[i] = await LoginToken(people[i].StudentNumber, people[i].IdNumber[^6..]));
Report($"student login ({concurrency} at once)", students / loginSeconds, "req/s");

// Warm-up on student 0 (Wolverine compiles each handler on first use), then measure the others.
var submitSeconds = await Parallel(1, 1, async i => await SubmitOne(i));
Console.WriteLine($"(warm-up submit: {submitSeconds:0.0} s)");
submitSeconds = await Parallel(students - 1, concurrency, async i => await SubmitOne(i + 1));
Report($"student start+save+submit ({concurrency} at once)", (students - 1) * 3 / submitSeconds, "req/s", $"{(students - 1) / submitSeconds:0.#} students/s");

async Task SubmitOne(int i)
{
    var t = tokens[i];
    (await Send(t, HttpMethod.Post, "/api/verification/start")).EnsureSuccessStatusCode();
    (await Send(t, HttpMethod.Put, "/api/verification/draft", new { fields = new Dictionary<string, string?> { ["mobile"] = $"139{i:00000000}" } })).EnsureSuccessStatusCode();
    (await Send(t, HttpMethod.Post, "/api/verification/submit")).EnsureSuccessStatusCode();
}

// 5. Counsellors copy and approve (学院审核).
var staffTokens = new Dictionary<string, string>();
foreach (var c in colleges) staffTokens[c] = await LoginToken($"fdy{c}", "Bench#2031-Staff");
var approveSeconds = await Parallel(1, 1, async i => await ApproveOne(i));
Console.WriteLine($"(warm-up approve: {approveSeconds:0.0} s)");
approveSeconds = await Parallel(students - 1, concurrency, async i => await ApproveOne(i + 1));
Report($"college view+copy+approve ({concurrency} at once)", (students - 1) * 3 / approveSeconds, "req/s", $"{(students - 1) / approveSeconds:0.#} approvals/s");

async Task ApproveOne(int i)
{
    var t = staffTokens[people[i].College];
    var detail = await Json(await Send(t, HttpMethod.Get, $"/api/reviews/{people[i].StudentNumber}"));
    var copy = await Json(await Send(t, HttpMethod.Post, $"/api/reviews/{people[i].StudentNumber}/copy-to-school-record",
        new { expectedVersion = detail["version"]!.GetValue<long>() }));
    (await Send(t, HttpMethod.Post, $"/api/reviews/{people[i].StudentNumber}/college-review",
        new { expectedVersion = copy["version"]!.GetValue<long>(), decision = "approve" })).EnsureSuccessStatusCode();
}

// 6. The office's audit query and replay, at the number of events this run produced, plus (--audit-rows N)
// older history bulk-loaded as audit rows, to see the query at a province's scale.
if (auditRows > 0)
{
    var bulkStore = app.Services.GetRequiredService<IDocumentStore>();
    sw.Restart();
    for (var start = 0; start < auditRows; start += 50_000)
    {
        var chunk = Enumerable.Range(start, Math.Min(50_000, auditRows - start)).Select(n => new BuildingBlocks.Audit.AuditEntry
        {
            Id = Guid.NewGuid(), Sequence = -1 - n, Stream = $"verification:H{n % 200_000:000000}", Module = "review",
            Type = n % 3 == 0 ? "draft_saved" : "verification_submitted", At = DateTimeOffset.UtcNow.AddDays(-365).AddSeconds(n),
            Actor = n % 2 == 0 ? $"H{n % 200_000:000000}" : $"fdy{colleges[n % colleges.Count]}", ActorRole = n % 2 == 0 ? "student" : "college",
            StudentNumber = $"H{n % 200_000:000000}", CollegeCode = colleges[n % colleges.Count], Summary = "历史记录",
        }).ToList();
        await bulkStore.BulkInsertAsync(chunk, Weasel.Core.BulkInsertMode.InsertsOnly, 5_000);
    }
    // What autovacuum would have done to a table that grew over months: visibility map and statistics.
    await using (var connection = new Npgsql.NpgsqlConnection(postgres.ConnectionString("gsv_bench")))
    {
        await connection.OpenAsync();
        await using var vacuum = new Npgsql.NpgsqlCommand("vacuum analyze audit.mt_doc_auditentry", connection) { CommandTimeout = 600 };
        await vacuum.ExecuteNonQueryAsync();
    }
    Console.WriteLine($"(bulk-loaded {auditRows} older audit rows and vacuumed in {sw.Elapsed.TotalSeconds:0} s)");
}
var events = await Total(office, "/api/audit/events?pageSize=1");
var random = new Random(42);
var auditLatencies = await Latencies(200, async () =>
{
    var s = people[random.Next(students)];
    var url = random.Next(4) switch
    {
        0 => $"/api/audit/events?studentNumber={s.StudentNumber}",
        1 => $"/api/audit/events?collegeCode={s.College}&page=3&pageSize=50",
        2 => $"/api/audit/events?actor=fdy{s.College}&pageSize=50",
        _ => $"/api/audit/events?studentNumber=H{random.Next(200_000):000000}",
    };
    (await Send(office, HttpMethod.Get, url)).EnsureSuccessStatusCode();
});
Report("audit query p50", auditLatencies.P50, "ms", $"{events} events");
Report("audit query p99", auditLatencies.P99, "ms");
var replayLatencies = await Latencies(200, async () =>
{
    var s = people[random.Next(students)];
    (await Send(office, HttpMethod.Get, $"/api/reviews/{s.StudentNumber}/as-of?version=4")).EnsureSuccessStatusCode();
});
Report("replay (as-of version) p50", replayLatencies.P50, "ms");
Report("replay (as-of version) p99", replayLatencies.P99, "ms");

// 7. Rebuilding the verification read model from its events.
var store = app.Services.GetRequiredService<IDocumentStore>();
sw.Restart();
using (var daemon = await store.BuildProjectionDaemonAsync())
    await daemon.RebuildProjectionAsync("Verification", CancellationToken.None);
Report("projection rebuild (Verification)", sw.Elapsed.TotalSeconds, "s", $"{events} events in the store");

Report("ratio: student requests/s ÷ pgbench tx/s", (students - 1) * 3 / submitSeconds / tps, "×");
Report("ratio: college requests/s ÷ pgbench tx/s", (students - 1) * 3 / approveSeconds / tps, "×");

var outDir = Path.Combine(AppContext.BaseDirectory, "../../../results");
Directory.CreateDirectory(outDir);
var stamp = DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
await File.WriteAllTextAsync(Path.Combine(outDir, $"bench-{stamp}.json"), JsonSerializer.Serialize(new
{
    at = DateTime.UtcNow, students, concurrency, cores = Environment.ProcessorCount,
    results = results.Select(r => new { measure = r.Measure, value = Math.Round(r.Value, 2), unit = r.Unit, note = r.Note }),
}, new JsonSerializerOptions { WriteIndented = true }));
var md = new StringBuilder($"# bench {stamp}: {students} students, concurrency {concurrency}, {Environment.ProcessorCount} cores\n\n| measure | value | unit | note |\n| --- | ---: | --- | --- |\n");
foreach (var r in results) md.Append(CultureInfo.InvariantCulture, $"| {r.Measure} | {r.Value:0.##} | {r.Unit} | {r.Note} |\n");
await File.WriteAllTextAsync(Path.Combine(outDir, $"bench-{stamp}.md"), md.ToString());
Console.WriteLine($"written: {Path.GetFullPath(outDir)}/bench-{stamp}.json and .md");
await app.DisposeAsync();
await postgres.DisposeAsync();
try { Directory.Delete(dataDirectory, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
return 0;

int Arg(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
}

async Task<string> Run(string file, string arguments)
{
    var info = new ProcessStartInfo(Environment.UserName == "root" ? "runuser" : file)
    { RedirectStandardOutput = true, RedirectStandardError = true };
    if (Environment.UserName == "root") foreach (var a in new[] { "-u", "postgres", "--", file }) info.ArgumentList.Add(a);
    foreach (var a in arguments.Split(' ')) info.ArgumentList.Add(a);
    using var p = Process.Start(info)!;
    var output = await p.StandardOutput.ReadToEndAsync() + await p.StandardError.ReadToEndAsync();
    await p.WaitForExitAsync();
    if (p.ExitCode != 0) throw new InvalidOperationException(output);
    return output;
}

async Task<string> LoginToken(string user, string password)
{
    var r = await http.PostAsJsonAsync("/api/auth/login", new { username = user, password });
    var body = await r.Content.ReadAsStringAsync();
    if (!r.IsSuccessStatusCode) throw new InvalidOperationException($"login {user}: {body}");
    return JsonNode.Parse(body)!["accessToken"]!.GetValue<string>();
}

Task<HttpResponseMessage> Post(string token, string url, object body) => Send(token, HttpMethod.Post, url, body);

async Task<HttpResponseMessage> Send(string token, HttpMethod methodOrRequest, string url, object? body = null)
{
    var request = new HttpRequestMessage(methodOrRequest, url);
    if (body is not null) request.Content = JsonContent.Create(body);
    return await SendRequest(token, request);
}

async Task<HttpResponseMessage> SendRequest(string token, HttpRequestMessage request)
{
    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
    return await http.SendAsync(request);
}

async Task<JsonNode> Json(HttpResponseMessage response)
{
    var body = await response.Content.ReadAsStringAsync();
    if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{(int)response.StatusCode} {body}");
    return JsonNode.Parse(body)!;
}

async Task<int> Total(string token, string url) => (await Json(await Send(token, HttpMethod.Get, url)))["total"]!.GetValue<int>();

static int FreePort()
{
    using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
    listener.Start();
    return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
}

static async Task<double> Parallel(int count, int degree, Func<int, Task> work)
{
    var sw = Stopwatch.StartNew();
    await System.Threading.Tasks.Parallel.ForEachAsync(Enumerable.Range(0, count),
        new ParallelOptions { MaxDegreeOfParallelism = degree }, async (i, _) => await work(i));
    return sw.Elapsed.TotalSeconds;
}

static async Task<(double P50, double P99)> Latencies(int count, Func<Task> work)
{
    var samples = new List<double>(count);
    for (var i = 0; i < count; i++)
    {
        var sw = Stopwatch.StartNew();
        await work();
        samples.Add(sw.Elapsed.TotalMilliseconds);
    }
    samples.Sort();
    return (samples[count / 2], samples[Math.Min(count - 1, (int)(count * 0.99))]);
}

/// <summary>The Host in Production mode on the bench's own PostgreSQL.</summary>
// Any type of the Host assembly names it as the entry point (the bench has its own Program).
internal sealed class BenchApp(string connectionString) : WebApplicationFactory<LocalPostgres>
{
    public const string AdminUser = "zsjyc";
    public const string AdminPassword = "Bench#2031-Office";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseContentRoot(Path.Combine(RepositoryRoot(), "src", "Host"));
        builder.UseSetting("ConnectionStrings:Postgres", connectionString);
        builder.UseSetting("Identity:Jwt:SigningKey", "bench-signing-key-0123456789-0123456789-abcdef");
        builder.UseSetting("Identity:Bootstrap:Username", AdminUser);
        builder.UseSetting("Identity:Bootstrap:Password", AdminPassword);
        // One machine plays the whole campus behind one address: lift the per-address limit for the run.
        builder.UseSetting("Identity:RateLimit:PerMinute", "1000000");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Directory.Build.props"))) return dir.FullName;
        throw new DirectoryNotFoundException("run the bench from the repository (dotnet run --project bench -c Release)");
    }
}

/// <summary>A generated student with a valid resident ID (GB 11643 check character) and a real county.</summary>
internal sealed record Student(string StudentNumber, string College, string IdNumber, string Name, bool Male, string Region)
{
    private static readonly string[] Counties = ["430102", "430103", "430104", "430111", "110105", "310104", "440106", "420102", "510104", "610113"];
    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周"];

    public static Student Make(int i, string college)
    {
        var male = i % 2 == 1;
        var region = Counties[i % Counties.Length];
        var birth = new DateOnly(2009, 1, 1).AddDays(i % 700);
        var first17 = region + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + ((i % 500) * 2 + (male ? 1 : 0)).ToString("000", CultureInfo.InvariantCulture);
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var check = "10X98765432"[first17.Select((c, k) => (c - '0') * weights[k]).Sum() % 11];
        return new Student($"2027{i:000000}", college, first17 + check, Surnames[i % Surnames.Length] + "同学" + i, male, region);
    }

    public static string Csv(IEnumerable<Student> students)
    {
        var sb = new StringBuilder("studentNumber,name,gender,idNumber,examineeNumber,ethnicity,politicalStatus,educationLevel,collegeCode,majorCode,majorName,className,lengthOfSchooling,trainingMode,enrollmentDate,graduationDate,originRegionCode,urbanRural,hardshipCategory,normalStudentCategory,householdAddress,homeAddress,mobile,email\n");
        foreach (var s in students)
            sb.Append(CultureInfo.InvariantCulture,
                $"{s.StudentNumber},{s.Name},{(s.Male ? "1" : "2")},{s.IdNumber},27{s.Region}{s.StudentNumber[^6..]},01,03,31,{s.College},080902,软件工程,软件{s.College}班,4,1,2027-09,2031-06,{s.Region},城镇,0,2,地址{s.StudentNumber},地址{s.StudentNumber},138{s.StudentNumber[^8..]},{s.StudentNumber}@example.com\n");
        return sb.ToString();
    }
}
