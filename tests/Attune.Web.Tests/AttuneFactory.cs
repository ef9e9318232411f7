using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Attune.Web.Tests;

/// <summary>The real app over a fresh SQLite file, seeded in demo mode so the demo key works.</summary>
public sealed class AttuneFactory : WebApplicationFactory<Program>
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"attune-web-{Guid.NewGuid():N}.db");

    public const string DemoKey = Attune.App.Features.Demo.DemoSeeder.DemoApiKey;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:Attune", $"Data Source={_file};Pooling=False");
        builder.UseSetting("Demo:Seed", "true");
        // These tests create their own administrator through first-run set-up.
        builder.UseSetting("Demo:Users", "false");
        builder.UseSetting("Webhooks:Enabled", "false");
        builder.UseSetting("Routing:Enabled", "false");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
    }

    public HttpClient Client(string? key = DemoKey)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true });
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
        }
        return client;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        foreach (var f in new[] { _file, _file + "-wal", _file + "-shm" })
        {
            File.Delete(f);
        }
    }
}
