using Attune.Core.Insights;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Attune.Core.Tests.Insights;

public class SummaryTests
{
    [Theory]
    [InlineData(50, 75)]
    [InlineData(90, 111)]
    [InlineData(0, 30)]
    [InlineData(100, 120)]
    public void Percentile_OfTwoValues_Interpolates(double p, double expected)
    {
        Assert.Equal(expected, Summary.Percentile([120, 30], p));
    }

    [Fact]
    public void Median_OfOddSample_IsTheMiddleValue()
    {
        Assert.Equal(3, Summary.Median([5, 1, 3]));
    }

    [Fact]
    public void EmptySample_HasNoFigures()
    {
        Assert.Null(Summary.Median([]));
        Assert.Null(Summary.Mean([]));
        Assert.Null(Summary.Percent(0, 0));
    }

    [Theory]
    [InlineData(1, 3, 33.3)]
    [InlineData(2, 3, 66.7)]
    [InlineData(3, 3, 100)]
    public void Percent_RoundsToOneDecimal(int part, int whole, double expected)
    {
        Assert.Equal(expected, Summary.Percent(part, whole));
    }

    [Fact]
    public void Lift_IsLastMinusFirst()
    {
        Assert.Equal(1.2, Summary.Lift(-0.6, 0.6), 12);
    }

    [Property]
    public Property Percentile_LiesWithinTheSampleAndGrowsWithP() =>
        Prop.ForAll(Gen.Choose(-1000, 1000).Select(i => (double)i).NonEmptyListOf().ToArbitrary(), Gen.Choose(0, 100).ToArbitrary(), (values, p) =>
        {
            var at = Summary.Percentile(values, p)!.Value;
            var next = Summary.Percentile(values, Math.Min(100, p + 10))!.Value;
            return at >= values.Min() && at <= values.Max() && next >= at;
        });
}
