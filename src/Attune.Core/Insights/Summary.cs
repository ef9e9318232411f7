namespace Attune.Core.Insights;

/// <summary>Summary statistics over plain samples for the scorecard: percentiles, means and shares. Pure functions;
/// an empty sample gives null rather than a made-up 0.</summary>
public static class Summary
{
    /// <summary>The <paramref name="p"/>-th percentile (0–100) by linear interpolation between the closest ranks
    /// (p = 50 is the median, p = 90 the value 90% of the sample is at or below). Null for an empty sample.
    /// The result always lies between the sample's smallest and largest value.</summary>
    /// <param name="values">The sample, in any order (not changed).</param>
    /// <param name="p">The percentile, 0–100; clamped into that range.</param>
    public static double? Percentile(IReadOnlyCollection<double> values, double p)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            return null;
        }
        var sorted = values.ToArray();
        Array.Sort(sorted);
        var rank = Math.Clamp(p, 0, 100) / 100 * (sorted.Length - 1);
        var lo = (int)Math.Floor(rank);
        var hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + ((sorted[hi] - sorted[lo]) * (rank - lo));
    }

    /// <summary>The median (50th percentile); null for an empty sample.</summary>
    /// <param name="values">The sample, in any order.</param>
    public static double? Median(IReadOnlyCollection<double> values) => Percentile(values, 50);

    /// <summary>The arithmetic mean; null for an empty sample.</summary>
    /// <param name="values">The sample.</param>
    public static double? Mean(IReadOnlyCollection<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return values.Count == 0 ? null : values.Sum() / values.Count;
    }

    /// <summary>The share <paramref name="part"/> / <paramref name="whole"/> as a percentage 0–100, rounded to one
    /// decimal; null when <paramref name="whole"/> is 0.</summary>
    /// <param name="part">How many have the property (0 ≤ part ≤ whole).</param>
    /// <param name="whole">How many there are (≥ 0).</param>
    public static double? Percent(int part, int whole) =>
        whole <= 0 ? null : Math.Round(100.0 * part / whole, 1, MidpointRounding.AwayFromZero);

    /// <summary>Sentiment lift of one conversation: the last customer message's compound minus the first's, −2…+2
    /// (positive = the customer ends happier than they began).</summary>
    /// <param name="firstCompound">Compound sentiment (−1…+1) of the customer's first message.</param>
    /// <param name="lastCompound">Compound sentiment (−1…+1) of the customer's last message.</param>
    public static double Lift(double firstCompound, double lastCompound) => lastCompound - firstCompound;
}
