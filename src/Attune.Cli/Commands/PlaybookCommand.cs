using System.CommandLine;

namespace Attune.Cli.Commands;

internal static class PlaybookCommand
{
    public static Command Create() => new("playbook", "(being built)");
}
