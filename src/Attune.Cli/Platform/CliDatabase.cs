using System.CommandLine;
using Attune.App;
using Attune.App.Data;
using Microsoft.Extensions.DependencyInjection;

namespace Attune.Cli.Platform;

/// <summary>The database options shared by import and migrate; same defaults and variables as the server.</summary>
internal static class CliDatabase
{
    public static Option<string?> ProviderOption() => new("--provider")
    {
        Description = "Sqlite or Postgres. Default: $Database__Provider, else Sqlite.",
    };

    public static Option<string?> ConnectionOption() => new("--connection")
    {
        Description = "Connection string. Default: $ConnectionStrings__Attune, else Data Source=data/attune.db.",
    };

    public static DatabaseOptions Resolve(string? provider, string? connection) =>
        DatabaseOptions.From(
            provider ?? Environment.GetEnvironmentVariable("Database__Provider"),
            connection ?? Environment.GetEnvironmentVariable("ConnectionStrings__Attune"));

    public static async Task<ServiceProvider> OpenAsync(DatabaseOptions options, CancellationToken ct)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddAttuneApp(options);
        var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        await DatabaseSetup.MigrateAsync(scope.ServiceProvider.GetRequiredService<AttuneDb>(), ct);
        return provider;
    }
}
