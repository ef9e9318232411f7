using Attune.App.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Attune.Migrations.Sqlite;

/// <summary>Lets dotnet-ef build the model for this provider without a host (no database is opened).</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<AttuneDb>
{
    public AttuneDb CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<AttuneDb>();
        new DatabaseOptions(DatabaseProvider.Sqlite, "Data Source=design.db").Configure(builder);
        return new AttuneDb(builder.Options);
    }
}
