using Xunit;
using Host.Infrastructure;
using Npgsql;
using Testcontainers.PostgreSql;

namespace Testing;

/// <summary>
/// Where the tests' PostgreSQL comes from, in this order: an explicit connection string
/// (<c>GSV_TEST_POSTGRES</c>), Testcontainers where a Docker engine answers, else a throwaway
/// cluster from the local binaries. One per test assembly; each test class gets its own database.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private LocalPostgres? _local;
    private PostgreSqlContainer? _container;
    private string _admin = "";

    public string Source { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        var configured = Environment.GetEnvironmentVariable("GSV_TEST_POSTGRES");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            _admin = WithDatabase(configured, "postgres");
            Source = "GSV_TEST_POSTGRES";
            return;
        }

        try
        {
            _container = new PostgreSqlBuilder("postgres:15-alpine").Build();
            await _container.StartAsync();
            _admin = WithDatabase(_container.GetConnectionString(), "postgres");
            Source = "Testcontainers";
            return;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // No Docker engine here (DockerUnavailableException and friends): fall back to local binaries.
            if (_container is not null) await _container.DisposeAsync();
            _container = null;
        }

        var dataDirectory = Path.Combine(Path.GetTempPath(), $"gsv-test-pg-{Guid.NewGuid():N}");
        _local = await LocalPostgres.StartAsync(dataDirectory, durable: false);
        _admin = _local.ConnectionString("postgres");
        Source = "local binaries";
    }

    /// <summary>A fresh, empty database for one test class.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"t_{Guid.NewGuid():N}";
        await using var connection = new NpgsqlConnection(_admin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"create database \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
        return WithDatabase(_admin, name);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_local is not null) await _local.DisposeAsync();
        if (_container is not null) await _container.DisposeAsync();
    }

    private static string WithDatabase(string connectionString, string database) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Database = database, IncludeErrorDetail = true }.ConnectionString;
}
