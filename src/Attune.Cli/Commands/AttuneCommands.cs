using System.CommandLine;

namespace Attune.Cli.Commands;

/// <summary>Every command of the `attune` tool, in the order `attune --help` lists them.</summary>
internal static class AttuneCommands
{
    public static IEnumerable<Command> All() =>
    [
        ReadCommand.Create(),
        AnalyzeCommand.Create(),
        CoachCommand.Create(),
        PlaybookCommand.Create(),
        EvalCommand.Create(),
        TrainCommand.Create(),
        ImportCommand.Create(),
        ServeCommand.Create(),
        MigrateCommand.Create(),
        UsersCommand.Create(),
        RouteCommand.Create(),
        PolicyCommand.Create(),
        SimulateCommand.Create(),
    ];
}
