using System.CommandLine;
using Attune.Cli.Platform;
using Attune.Cli.Rendering;

namespace Attune.Cli.Commands;

/// <summary>`attune migrate`: brings the configured database to the current schema (the server also does this on start).</summary>
internal static class MigrateCommand
{
    public static Command Create()
    {
        var provider = CliDatabase.ProviderOption();
        var connection = CliDatabase.ConnectionOption();
        var command = new Command("migrate", "Create or upgrade the Attune database (SQLite or PostgreSQL).") { provider, connection };
        command.SetAction(async (parse, ct) =>
        {
            var io = Consoles.Of(parse);
            try
            {
                var options = CliDatabase.Resolve(parse.GetValue(provider), parse.GetValue(connection));
                await using var services = await CliDatabase.OpenAsync(options, ct);
                io.Output.WriteLine($"attune migrate: {options.Provider} database is up to date.");
                return CliApp.Ok;
            }
            catch (InvalidOperationException ex)
            {
                io.Error.WriteLine($"attune migrate: {ex.Message}");
                return CliApp.Unusable;
            }
        });
        return command;
    }
}
