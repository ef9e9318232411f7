namespace Attune.Cli.Tests.Commands;

public sealed class EvalCommandTests
{
    [Fact]
    public async Task MissingDataFolder_ExitsTwoNamingIt()
    {
        var missing = Path.Combine(Path.GetTempPath(), "attune-no-such-data-" + Guid.NewGuid().ToString("N"));

        var (exit, _, error) = await CliRunner.RunAsync(["eval", "vader", "--data", missing]);

        Assert.Equal(2, exit);
        Assert.Contains(missing, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoDataOption_ExitsTwoSayingItIsRequired()
    {
        var (exit, _, error) = await CliRunner.RunAsync(["eval", "goemotions"]);

        Assert.Equal(2, exit);
        Assert.Contains("--data", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownDataset_ExitsTwo()
    {
        var (exit, _, error) = await CliRunner.RunAsync(["eval", "imdb", "--data", Path.GetTempPath()]);

        Assert.Equal(2, exit);
        Assert.Contains("imdb", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Banking77_SaysItIsNotEvaluated()
    {
        var (exit, output, _) = await CliRunner.RunAsync(["eval", "banking77", "--data", Path.GetTempPath()]);

        Assert.Equal(0, exit);
        Assert.Contains("not evaluated", output, StringComparison.Ordinal);
    }
}
