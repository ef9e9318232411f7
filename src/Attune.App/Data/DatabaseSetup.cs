using Microsoft.EntityFrameworkCore;

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
        await db.Database.MigrateAsync(ct);
    }
}
