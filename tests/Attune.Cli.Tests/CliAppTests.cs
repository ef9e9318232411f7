namespace Attune.Cli.Tests;

public sealed class CliAppTests
{
    [Fact]
    public async Task UnknownCommand_ExitsTwoWithAHint()
    {
        var (exit, _, error) = await CliRunner.RunAsync(["listen", "hello"]);

        Assert.Equal(2, exit);
        Assert.Contains("'listen'", error, StringComparison.Ordinal);
        Assert.Contains("--help", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_ListsTheCommandsOnStandardOutput()
    {
        var (exit, output, _) = await CliRunner.RunAsync(["--help"]);

        Assert.Equal(0, exit);
        Assert.Contains("analyze", output, StringComparison.Ordinal);
        Assert.Contains("eval", output, StringComparison.Ordinal);
    }
}
