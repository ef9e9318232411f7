using Attune.Core.Insights;

namespace Attune.Core.Tests.Insights;

public class MetricsTests
{
    [Fact]
    public void Pearson_OfKnownSeries_MatchesHandComputation()
    {
        // x = 1..5, y = 2,4,5,4,5: r = 6 / sqrt(10 * 6) = 0.7746
        Assert.Equal(0.7746, Metrics.Pearson([1, 2, 3, 4, 5], [2, 4, 5, 4, 5]), 4);
    }

    [Fact]
    public void Pearson_OfReversedSeries_IsMinusOne()
    {
        Assert.Equal(-1, Metrics.Pearson([1, 2, 3], [3, 2, 1]), 12);
    }

    [Fact]
    public void Pearson_OfConstantSeries_IsZero()
    {
        Assert.Equal(0, Metrics.Pearson([1, 1, 1], [1, 2, 3]));
    }

    [Fact]
    public void Pearson_OfUnequalLengths_Throws()
    {
        Assert.Throws<ArgumentException>(() => Metrics.Pearson([1, 2], [1, 2, 3]));
    }

    [Fact]
    public void F1_OfKnownPredictions_MatchesHandComputation()
    {
        int[] gold = [1, 1, 1, 0, 0, -1];
        int[] predicted = [1, 1, 0, 1, 0, -1];
        // class 1: tp 2, fp 1, fn 1 -> 0.667; class 0: tp 1, fp 1, fn 1 -> 0.5; class -1: 1.0
        Assert.Equal(2.0 / 3, Metrics.F1<int>(gold, predicted, 1), 9);
        Assert.Equal(0.5, Metrics.F1<int>(gold, predicted, 0), 9);
        Assert.Equal((2.0 / 3 + 0.5 + 1) / 3, Metrics.MacroF1<int>(gold, predicted, [-1, 0, 1]), 9);
    }

    [Fact]
    public void F1_OfAbsentClass_IsZero()
    {
        Assert.Equal(0, Metrics.F1<int>([1, 1], [1, 1], 0));
    }

    [Theory]
    [InlineData(0.3, 1)]
    [InlineData(0.05, 1)]
    [InlineData(0.049, 0)]
    [InlineData(-0.05, -1)]
    public void Polarity_UsesTheNeutralBand(double score, int expected)
    {
        Assert.Equal(expected, Metrics.Polarity(score, 0.05));
    }
}
