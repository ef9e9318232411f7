using Microsoft.EntityFrameworkCore;

namespace Attune.App.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Which database Attune uses; bound from <c>Database:Provider</c> and <c>ConnectionStrings:Attune</c>.</summary>
public sealed record DatabaseOptions(DatabaseProvider Provider, string ConnectionString)
{
    public const string DefaultSqlite = "Data Source=data/attune.db";

    public static DatabaseOptions From(string? provider, string? connectionString)
    {
        var p = string.IsNullOrWhiteSpace(provider) ? DatabaseProvider.Sqlite
            : Enum.TryParse<DatabaseProvider>(provider, ignoreCase: true, out var parsed) ? parsed
            : provider.Equals("postgresql", StringComparison.OrdinalIgnoreCase) || provider.Equals("npgsql", StringComparison.OrdinalIgnoreCase) ? DatabaseProvider.Postgres
            : throw new InvalidOperationException($"Database:Provider '{provider}' is not known; use Sqlite or Postgres.");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            if (p == DatabaseProvider.Postgres)
            {
                throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Attune is empty.");
            }
            connectionString = DefaultSqlite;
        }
        return new DatabaseOptions(p, connectionString);
    }

    public void Configure(DbContextOptionsBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        switch (Provider)
        {
            case DatabaseProvider.Postgres:
                builder.UseNpgsql(ConnectionString, o => o.MigrationsAssembly("Attune.Migrations.Postgres"));
                break;
            default:
                EnsureSqliteDirectory(ConnectionString);
                builder.UseSqlite(ConnectionString, o => o.MigrationsAssembly("Attune.Migrations.Sqlite").CommandTimeout(60));
                break;
        }
    }

    private static void EnsureSqliteDirectory(string connectionString)
    {
        var source = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString).DataSource;
        var dir = Path.GetDirectoryName(Path.GetFullPath(source));
        if (!string.IsNullOrEmpty(dir) && source != ":memory:")
        {
            Directory.CreateDirectory(dir);
        }
    }
}
