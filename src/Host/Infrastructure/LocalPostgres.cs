using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Host.Infrastructure;

/// <summary>
/// A PostgreSQL cluster run from the locally installed binaries: the one-command start in Development
/// and the test fixture's fallback when no server is configured and no Docker engine answers.
/// initdb and pg_ctl refuse to run as root, so as root they run as the <c>postgres</c> user.
/// </summary>
public sealed class LocalPostgres : IAsyncDisposable
{
    private readonly string _dataDirectory;
    private readonly string _socketDirectory;
    private readonly bool _durable;
    private bool _started;

    public int Port { get; }

    private LocalPostgres(string dataDirectory, int port, bool durable)
    {
        _dataDirectory = Path.GetFullPath(dataDirectory);
        _durable = durable;
        Port = port;
        _socketDirectory = Path.Combine(Path.GetTempPath(), $"gsv-pg-{port}");
    }

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Pooling=true;Maximum Pool Size=50;Include Error Detail=true";

    /// <summary>Starts (creating when needed) a cluster in <paramref name="dataDirectory"/>.</summary>
    /// <param name="durable">false for throwaway test clusters: fsync and friends off.</param>
    public static async Task<LocalPostgres> StartAsync(string dataDirectory, bool durable, CancellationToken ct = default)
    {
        var binaries = FindBinaries() ?? throw new InvalidOperationException(
            "未找到 PostgreSQL 程序 (initdb/pg_ctl)。请安装 PostgreSQL 15+（Debian: apt-get install -y postgresql），" +
            "或通过 ConnectionStrings__Postgres 指定数据库。");
        var server = new LocalPostgres(dataDirectory, FreePort(), durable);
        await server.StartAsync(binaries, ct);
        return server;
    }

    private async Task StartAsync(string binaries, CancellationToken ct)
    {
        Directory.CreateDirectory(_dataDirectory);
        Directory.CreateDirectory(_socketDirectory);
        await HandToPostgresUserAsync(_dataDirectory, ct);
        await HandToPostgresUserAsync(_socketDirectory, ct);

        if (!File.Exists(Path.Combine(_dataDirectory, "PG_VERSION")))
        {
            await RunAsync(Path.Combine(binaries, "initdb"),
                ["-D", _dataDirectory, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"], ct);
        }

        // A cluster left running by a crashed Host would refuse a second start: stop it first.
        if (File.Exists(Path.Combine(_dataDirectory, "postmaster.pid")))
        {
            try { await RunAsync(Path.Combine(binaries, "pg_ctl"), ["-D", _dataDirectory, "-m", "fast", "-w", "stop"], ct); }
            catch (InvalidOperationException) { /* not running: a stale pid file, which start handles */ }
        }

        var options = $"-p {Port} -k {_socketDirectory} -c listen_addresses=127.0.0.1 -c max_connections=300";
        if (!_durable) options += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off";
        await RunAsync(Path.Combine(binaries, "pg_ctl"),
            ["-D", _dataDirectory, "-w", "-t", "60", "-l", Path.Combine(_dataDirectory, "server.log"), "-o", options, "start"], ct);
        _started = true;
    }

    public async Task EnsureDatabaseAsync(string database, CancellationToken ct = default)
    {
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync(ct);
        await using var exists = new NpgsqlCommand("select 1 from pg_database where datname = @name", connection);
        exists.Parameters.AddWithValue("name", database);
        if (await exists.ExecuteScalarAsync(ct) is null)
        {
            await using var create = new NpgsqlCommand($"create database \"{database}\"", connection);
            await create.ExecuteNonQueryAsync(ct);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_started) return;
        _started = false;
        NpgsqlConnection.ClearAllPools();
        var binaries = FindBinaries();
        if (binaries is null) return;
        await RunAsync(Path.Combine(binaries, "pg_ctl"), ["-D", _dataDirectory, "-m", "fast", "-w", "stop"], CancellationToken.None);
        if (!_durable)
        {
            try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private static string? FindBinaries()
    {
        var root = "/usr/lib/postgresql";
        if (!Directory.Exists(root)) return null;
        return Directory.GetDirectories(root)
            .Select(d => Path.Combine(d, "bin"))
            .Where(d => File.Exists(Path.Combine(d, "pg_ctl")))
            .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
            .FirstOrDefault();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static bool IsRoot => Environment.UserName == "root";

    private static async Task HandToPostgresUserAsync(string directory, CancellationToken ct)
    {
        if (!IsRoot || OperatingSystem.IsWindows()) return;
        await RunAsync("chown", ["-R", "postgres:postgres", directory], ct, asPostgres: false);
        // PostgreSQL wants its data directory private to its owner.
        await RunAsync("chmod", ["700", directory], ct, asPostgres: false);
        // The postgres user must be able to reach the folder through its parents.
        for (var parent = Path.GetDirectoryName(directory); parent is not null && parent != "/"; parent = Path.GetDirectoryName(parent))
        {
            var mode = File.GetUnixFileMode(parent);
            if (!mode.HasFlag(UnixFileMode.OtherExecute)) File.SetUnixFileMode(parent, mode | UnixFileMode.OtherExecute);
        }
    }

    private static async Task RunAsync(string file, string[] arguments, CancellationToken ct, bool asPostgres = true)
    {
        var info = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asPostgres && IsRoot)
        {
            info.FileName = "runuser";
            foreach (var a in new[] { "-u", "postgres", "--", file }) info.ArgumentList.Add(a);
        }
        else info.FileName = file;
        foreach (var a in arguments) info.ArgumentList.Add(a);

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"无法启动 {file}");
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await stderr}{await stdout}");
    }
}
