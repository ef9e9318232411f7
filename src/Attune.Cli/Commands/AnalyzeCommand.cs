using System.CommandLine;

namespace Attune.Cli.Commands;

internal static class AnalyzeCommand
{
    public static Command Create() => new("analyze", "(being built)");
}
