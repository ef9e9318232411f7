using System.CommandLine;

namespace Attune.Cli.Commands;

internal static class EvalCommand
{
    public static Command Create() => new("eval", "(being built)");
}
