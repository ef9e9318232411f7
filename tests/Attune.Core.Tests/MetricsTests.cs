using Attune.Core.Insights;

namespace Attune.Core.Tests;

public class MetricsTests
{
    [Theory]
    [InlineData(0, 0, 0, 0.0)]
    [InlineData(5, 0, 0, 1.0)]
    [InlineData(1, 1, 0, 2.0 / 3)]
    [InlineData(2, 1, 3, 0.5)]
    public void F1_IsHarmonicMeanOfPrecisionAndRecall(int tp, int fp, int fn, double expected)
    {
        Assert.Equal(expected, Metrics.F1(tp, fp, fn), 9);
    }

    [Fact]
    public void MacroF1_IsTheUnweightedMean()
    {
        Assert.Equal(0.5, Metrics.MacroF1([1.0, 0.0, 0.5]), 9);
        Assert.Equal(0, Metrics.MacroF1([]));
    }
}
