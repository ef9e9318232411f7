using System.CommandLine;

namespace Attune.Cli.Commands;

internal static class TrainCommand
{
    public static Command Create() => new("train", "(being built)");
}
