using Attune.Web;
using Microsoft.AspNetCore.Builder;

namespace Attune.Browser.Tests;

/// <summary>A real Attune server (Kestrel on a free port) over a fresh SQLite file, as a newcomer would run it.</summary>
public sealed class AttuneServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _file;

    private AttuneServer(WebApplication app, string file, Uri address)
    {
        _app = app;
        _file = file;
        Address = address;
    }

    public Uri Address { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<AttuneServer> StartAsync(bool demo)
    {
        var file = Path.Combine(Path.GetTempPath(), $"attune-browser-{Guid.NewGuid():N}.db");
        var app = await AttuneHost.BuildAsync(
        [
            "--Urls=http://127.0.0.1:0",
            "--Database:Provider=Sqlite",
            $"--ConnectionStrings:Attune=Data Source={file}",
            $"--Demo:Seed={demo}",
            "--Webhooks:Enabled=false",
            // Open pages learn within 2 s (not 30) that their session ended, so the tests need not wait.
            "--Security:RevalidateSeconds=2",
            "--Logging:LogLevel:Default=Warning",
        ]);
        await app.StartAsync();
        // Kestrel replaces port 0 with the port it bound.
        var address = app.Urls.First();
        return new AttuneServer(app, file, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        foreach (var f in new[] { _file, _file + "-wal", _file + "-shm" })
        {
            File.Delete(f);
        }
    }
}
