using Attune.App.Data;
using Npgsql;

namespace Attune.App.Tests;

public sealed class DatabaseOptionsTests
{
    [Fact]
    public void Postgres_connections_prepare_repeated_statements_unless_told_otherwise()
    {
        var given = new NpgsqlConnectionStringBuilder(DatabaseOptions.PostgresConnectionString("Host=db;Database=attune;Username=attune"));
        var told = new NpgsqlConnectionStringBuilder(DatabaseOptions.PostgresConnectionString("Host=db;Database=attune;Max Auto Prepare=0"));
        var synonym = new NpgsqlConnectionStringBuilder(DatabaseOptions.PostgresConnectionString("Host=db;MaxAutoPrepare=5"));

        Assert.Equal(64, given.MaxAutoPrepare);
        Assert.Equal("attune", given.Username);
        Assert.Equal(0, told.MaxAutoPrepare);
        Assert.Equal(5, synonym.MaxAutoPrepare);
    }

    [Theory]
    [InlineData(null, DatabaseProvider.Sqlite)]
    [InlineData("postgresql", DatabaseProvider.Postgres)]
    [InlineData("Npgsql", DatabaseProvider.Postgres)]
    public void Provider_names_are_read_loosely(string? name, DatabaseProvider expected) =>
        Assert.Equal(expected, DatabaseOptions.From(name, "Host=db").Provider);

    [Fact]
    public void An_unknown_provider_or_a_postgres_without_connection_is_refused_by_name()
    {
        Assert.Contains("'Oracle'", Assert.Throws<InvalidOperationException>(() => DatabaseOptions.From("Oracle", null)).Message, StringComparison.Ordinal);
        Assert.Contains("ConnectionStrings:Attune", Assert.Throws<InvalidOperationException>(() => DatabaseOptions.From("Postgres", " ")).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, 2)]
    [InlineData("1", 1)]
    [InlineData("8", 8)]
    public void Ingest_writers_default_to_two(string? given, int expected) =>
        Assert.Equal(expected, DatabaseOptions.From("Postgres", "Host=db", given).IngestWriters);

    [Theory]
    [InlineData("0")]
    [InlineData("many")]
    [InlineData("65")]
    public void Ingest_writers_out_of_range_are_refused_by_name(string given) =>
        Assert.Contains($"Database:IngestWriters '{given}'", Assert.Throws<InvalidOperationException>(() => DatabaseOptions.From("Postgres", "Host=db", given)).Message, StringComparison.Ordinal);
}
