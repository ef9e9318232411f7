using System.CommandLine;

namespace Attune.Cli.Commands;

internal static class ReadCommand
{
    public static Command Create() => new("read", "(being built)");
}
