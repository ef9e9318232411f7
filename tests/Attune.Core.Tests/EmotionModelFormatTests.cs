using Attune.Core.Listening.Emotions;

namespace Attune.Core.Tests;

public class EmotionModelFormatTests
{
    private static readonly string Labels = "labels " + string.Join(' ', EmotionHeads.Names);
    private static readonly string Sixteen = string.Join(' ', Enumerable.Repeat("0.5", 16));
    private static readonly string Zeros = string.Join(' ', Enumerable.Repeat("0", 16));

    private static string Model(string? row = null, string? last = "end") => string.Join('\n', new[]
    {
        "attune-emotions 1",
        "# a comment",
        "features unigram bigram=1 negation=3 prefix=5 shape=1",
        Labels,
        "thresholds " + Sixteen,
        "bias " + Zeros,
        "scale 100",
        "rows 1",
        row ?? "0000abcd " + string.Join(' ', Enumerable.Range(1, 16)),
        last,
    }.Where(l => l is not null));

    [Fact]
    public void WellFormedModel_IsRead()
    {
        var model = EmotionModelFormat.Parse(Model(), "test.model");

        Assert.Equal(1, model.RowCount);
        Assert.True(model.TryRow(0xabcd, out var row));
        Assert.Equal(0.16, model.Weight(row, 15), 9);
        Assert.Equal(0, model.CalibratedBias[0], 9);
    }

    [Theory]
    [InlineData("attune-emotions 2\n", "line 1", "header")]
    [InlineData(null, "line 9", "16 weights")]
    [InlineData("0000abcd 1 2 x 4 5 6 7 8 9 10 11 12 13 14 15 16", "line 9", "weight 3")]
    [InlineData("zz 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16", "line 9", "hexadecimal")]
    [InlineData("truncated", "line 10", "ends")]
    [InlineData("0000abcd 1 2 300 4 5 6 7 8 9 10 11 12 13 14 15 16", "line 9", "-128 to 127")]
    public void MalformedModel_IsRejectedWithLineAndReason(string? change, string line, string reason)
    {
        var text = change switch
        {
            "attune-emotions 2\n" => Model().Replace("attune-emotions 1", "attune-emotions 2", StringComparison.Ordinal),
            null => Model("0000abcd 1 2 3"),
            "truncated" => Model(last: null),
            _ => Model(change),
        };

        var error = Assert.Throws<FormatException>(() => EmotionModelFormat.Parse(text, "bad.model"));

        Assert.Contains("bad.model " + line, error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ThresholdOutsideZeroOne_IsRejected()
    {
        var text = Model().Replace("thresholds 0.5", "thresholds 1.5", StringComparison.Ordinal);

        var error = Assert.Throws<FormatException>(() => EmotionModelFormat.Parse(text, "bad.model"));

        Assert.Contains("line 5", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WrittenModel_ReadsBackTheSame()
    {
        var model = EmotionModelFormat.Parse(Model(), "test.model");

        var again = EmotionModelFormat.Parse(EmotionModelFormat.Write(model, ["round trip"]), "again.model");

        Assert.Equal(model.Weights, again.Weights);
        Assert.Equal(model.Thresholds, again.Thresholds);
        Assert.Equal(model.Scheme, again.Scheme);
    }

    [Fact]
    public void EmbeddedModel_Loads()
    {
        var model = EmotionModelData.LoadEmbedded();

        Assert.True(model.RowCount > 1000);
        Assert.All(model.Thresholds, t => Assert.InRange(t, 0.01, 0.99));
    }
}

public class EmotionCuesTests
{
    [Theory]
    [InlineData("passed away sadness=1", "line 1")]
    [InlineData("# comment\npassed away | sorrow=1", "line 2")]
    [InlineData("passed away | sadness=lots", "line 1")]
    [InlineData("passed away |", "line 1")]
    public void MalformedCue_IsRejectedWithLine(string text, string line)
    {
        var error = Assert.Throws<FormatException>(() => EmotionCues.Parse(text, "cues.txt"));

        Assert.Contains("cues.txt " + line, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EmbeddedCues_Load()
    {
        Assert.True(EmotionCues.LoadEmbedded().Count > 10);
    }
}
