using System.CommandLine;

namespace Attune.Cli.Commands;

internal static class CoachCommand
{
    public static Command Create() => new("coach", "(being built)");
}
