using Attune.Cli.Evaluation;
using Attune.Cli.Rendering;

namespace Attune.Cli.Tests.Rendering;

public sealed class EvalTableTests
{
    [Fact]
    public void Rows_ShowAttuneAnchorAndDifference()
    {
        var report = new EvalReport("VADER corpora", "VADER (paper)", [new EvalRow("tweets: Pearson r", 0.9, 0.881), new EvalRow("macro-F1", 0.7, null, "3 classes")], ["protocol: compound vs mean rating"]);
        using var writer = new StringWriter();

        Consoles.Create(writer, isTerminal: false).Write(EvalTable.Create(report));

        var output = writer.ToString();
        Assert.Contains("VADER (paper)", output, StringComparison.Ordinal);
        Assert.Contains("0.900", output, StringComparison.Ordinal);
        Assert.Contains("0.881", output, StringComparison.Ordinal);
        Assert.Contains("+0.019", output, StringComparison.Ordinal);
        Assert.Contains("3 classes", output, StringComparison.Ordinal);
        Assert.Contains("protocol: compound vs mean rating", output, StringComparison.Ordinal);
    }
}
