using Attune.App.Data;
using Microsoft.Extensions.DependencyInjection;

namespace Attune.App.Tests;

/// <summary>A fresh, migrated database of one provider; PostgreSQL only when ATTUNE_TEST_POSTGRES is set.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? _file;

    private readonly DatabaseOptions _options;

    private TestDatabase(ServiceProvider services, DatabaseOptions options, string? file, ManualClock clock)
    {
        Services = services;
        _options = options;
        _file = file;
        Clock = clock;
    }

    public ServiceProvider Services { get; }

    public ManualClock Clock { get; }

    public static TheoryData<string> Providers()
    {
        var data = new TheoryData<string> { "sqlite" };
        if (!string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("ATTUNE_TEST_POSTGRES")))
        {
            data.Add("postgres");
        }
        return data;
    }

    public static async Task<TestDatabase> CreateAsync(string provider)
    {
        DatabaseOptions options;
        string? file = null;
        if (provider == "postgres")
        {
            var builder = new Npgsql.NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable("ATTUNE_TEST_POSTGRES"))
            {
                Database = "attune_test_" + Guid.NewGuid().ToString("N")[..12],
            };
            options = new DatabaseOptions(DatabaseProvider.Postgres, builder.ConnectionString);
        }
        else
        {
            file = Path.Combine(Path.GetTempPath(), $"attune-test-{Guid.NewGuid():N}.db");
            options = new DatabaseOptions(DatabaseProvider.Sqlite, $"Data Source={file};Pooling=False");
        }
        var services = new ServiceCollection();
        services.AddLogging();
        var clock = new ManualClock(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
        services.AddSingleton<TimeProvider>(clock);
        services.AddAttuneApp(options);
        var result = new TestDatabase(services.BuildServiceProvider(), options, file, clock);
        await using var scope = result.Services.CreateAsyncScope();
        await DatabaseSetup.MigrateAsync(scope.ServiceProvider.GetRequiredService<AttuneDb>(), CancellationToken.None);
        return result;
    }

    public AsyncServiceScope Scope() => Services.CreateAsyncScope();

    /// <summary>A second app instance on the same database, as another node would be (its own writer and caches).</summary>
    public ServiceProvider OtherNode()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddAttuneApp(_options);
        return services.BuildServiceProvider();
    }

    public async Task<T> WithAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        await using var scope = Scope();
        return await work(scope.ServiceProvider);
    }

    public async ValueTask DisposeAsync()
    {
        await using (var scope = Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AttuneDb>();
            if (!db.IsSqlite)
            {
                await db.Database.EnsureDeletedAsync();
            }
        }
        await Services.DisposeAsync();
        if (_file is not null)
        {
            foreach (var f in new[] { _file, _file + "-wal", _file + "-shm" })
            {
                File.Delete(f);
            }
        }
    }
}

public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
