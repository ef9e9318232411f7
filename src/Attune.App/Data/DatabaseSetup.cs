using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Attune.App.Data;

public static class DatabaseSetup
{
    /// <summary>Applies pending migrations; on SQLite also switches to WAL so readers don't block the writer.</summary>
    public static async Task MigrateAsync(AttuneDb db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db.IsSqlite)
        {
            await db.Database.OpenConnectionAsync(ct);
            try
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
                await db.Database.MigrateAsync(ct);
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
            return;
        }
        // EF finds a missing database (every first start) by failing to connect, and logs that as an error; creating
        // it first keeps a first start's log free of errors that are not.
        if (!await PostgresDatabaseExistsAsync(db.Database.GetConnectionString()!, ct))
        {
            await db.GetService<IRelationalDatabaseCreator>().CreateAsync(ct);
        }
        await db.Database.MigrateAsync(ct);
    }

    private static async Task<bool> PostgresDatabaseExistsAsync(string connectionString, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        try
        {
            await connection.OpenAsync(ct);
            return true;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InvalidCatalogName)
        {
            return false;
        }
    }
}
