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

    /// <summary>
    /// How many ingest writers store batches side by side on PostgreSQL (<c>Database:IngestWriters</c>); SQLite has
    /// one writer, as it has one write lock. Fewer writers make bigger batches; more overlap the round trips to a
    /// distant database.
    /// </summary>
    public int IngestWriters { get; init; } = 2;

    public static DatabaseOptions From(string? provider, string? connectionString, string? ingestWriters = null)
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
        var options = new DatabaseOptions(p, connectionString);
        return ingestWriters is null ? options
            : int.TryParse(ingestWriters, System.Globalization.CultureInfo.InvariantCulture, out var writers) && writers is >= 1 and <= 64
                ? options with { IngestWriters = writers }
                : throw new InvalidOperationException($"Database:IngestWriters '{ingestWriters}' is not a whole number from 1 to 64.");
    }

    public void Configure(DbContextOptionsBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        switch (Provider)
        {
            case DatabaseProvider.Postgres:
                builder.UseNpgsql(PostgresConnectionString(ConnectionString), o => o.MigrationsAssembly("Attune.Migrations.Postgres"));
                break;
            default:
                EnsureSqliteDirectory(ConnectionString);
                builder.UseSqlite(ConnectionString, o => o.MigrationsAssembly("Attune.Migrations.Sqlite").CommandTimeout(60));
                break;
        }
    }

    /// <summary>
    /// Npgsql prepares a statement once it has run a few times on a connection (unless the connection string says
    /// otherwise), so PostgreSQL stops parsing and planning the ingest's fixed lookups and EF's common queries on
    /// every call: planning the message lookup cost more than running it.
    /// </summary>
    public static string PostgresConnectionString(string connectionString)
    {
        // Npgsql's builder answers ContainsKey for every keyword it knows: look at what was written instead.
        var written = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        if (written.Keys.Cast<string>().Any(k => k.Replace(" ", "", StringComparison.Ordinal).Equals("MaxAutoPrepare", StringComparison.OrdinalIgnoreCase)))
        {
            return connectionString;
        }
        return new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = 64 }.ConnectionString;
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
