namespace Host.Infrastructure;

/// <summary>The one-command start: in Development without ConnectionStrings:Postgres, run a local PostgreSQL.</summary>
internal static class DevelopmentDatabase
{
    public const string DatabaseName = "gsv";

    public static async Task<LocalPostgres?> EnsureConnectionStringAsync(WebApplicationBuilder builder)
    {
        if (!string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString("Postgres"))) return null;
        if (!builder.Environment.IsDevelopment())
            throw new InvalidOperationException(
                "缺少数据库连接：生产环境必须设置 ConnectionStrings__Postgres (ConnectionStrings:Postgres)。");

        var dataDirectory = Path.Combine(RepositoryRoot(builder.Environment.ContentRootPath), ".pgdata");
        Console.WriteLine($"No ConnectionStrings:Postgres: starting a local PostgreSQL in {dataDirectory}");
        var server = await LocalPostgres.StartAsync(dataDirectory, durable: true);
        await server.EnsureDatabaseAsync(DatabaseName);
        builder.Configuration["ConnectionStrings:Postgres"] = server.ConnectionString(DatabaseName);
        Console.WriteLine($"Local PostgreSQL listening on 127.0.0.1:{server.Port} (database {DatabaseName})");
        return server;
    }

    private static string RepositoryRoot(string contentRoot)
    {
        for (var dir = new DirectoryInfo(contentRoot); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Directory.Build.props"))) return dir.FullName;
        return contentRoot;
    }
}
