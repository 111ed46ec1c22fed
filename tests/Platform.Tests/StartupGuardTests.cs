using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Platform.Tests;

/// <summary>Outside Development the Host refuses to start without a database or a signing key, and says why.</summary>
public sealed class StartupGuardTests
{
    private static Exception StartProduction(params (string Key, string Value)[] settings)
    {
        JasperFx.CommandLine.JasperFxEnvironment.AutoStartHost = true;
        using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Production");
            foreach (var (key, value) in settings) b.UseSetting(key, value);
        });
        return Should.Throw<Exception>(() => factory.Services);
    }

    [Fact]
    public void Without_a_connection_string_start_up_stops_naming_the_setting()
    {
        var e = StartProduction();
        (e.InnerException?.Message ?? e.Message).ShouldContain("ConnectionStrings__Postgres");
    }

    [Fact]
    public void Without_a_signing_key_start_up_stops_naming_the_setting()
    {
        var e = StartProduction(("ConnectionStrings:Postgres", "Host=127.0.0.1;Port=1;Database=none"));
        (e.InnerException?.Message ?? e.Message).ShouldContain("Identity:Jwt:SigningKey");
    }
}
