namespace Attune.Core.Insights;

/// <summary>Evaluation metrics: correlation and classification F1, over plain arrays or counts. Pure functions.</summary>
public static class Metrics
{
    /// <summary>Pearson's correlation coefficient of two equally long series: -1 (perfectly opposed) … 0 (unrelated)
    /// … +1 (perfectly aligned). Returns 0 when either series is constant or has fewer than two items.</summary>
    /// <param name="x">First series.</param>
    /// <param name="y">Second series, same length as <paramref name="x"/>.</param>
    /// <exception cref="ArgumentException">The series differ in length.</exception>
    public static double Pearson(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        if (x.Length != y.Length)
        {
            throw new ArgumentException($"Series differ in length ({x.Length} vs {y.Length}).", nameof(y));
        }
        var n = x.Length;
        if (n < 2)
        {
            return 0;
        }
        double meanX = 0, meanY = 0;
        for (var i = 0; i < n; i++)
        {
            meanX += x[i];
            meanY += y[i];
        }
        meanX /= n;
        meanY /= n;
        double sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < n; i++)
        {
            var dx = x[i] - meanX;
            var dy = y[i] - meanY;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        return sxx == 0 || syy == 0 ? 0 : sxy / Math.Sqrt(sxx * syy);
    }

    /// <summary>F1 of one class: the harmonic mean of precision and recall, 0..1. A class that is neither predicted
    /// nor present scores 0.</summary>
    /// <param name="gold">True class of each item.</param>
    /// <param name="predicted">Predicted class of each item, same length as <paramref name="gold"/>.</param>
    /// <param name="label">The class to score.</param>
    /// <exception cref="ArgumentException">The arrays differ in length.</exception>
    public static double F1<T>(ReadOnlySpan<T> gold, ReadOnlySpan<T> predicted, T label)
        where T : IEquatable<T>
    {
        if (gold.Length != predicted.Length)
        {
            throw new ArgumentException($"Gold and predicted differ in length ({gold.Length} vs {predicted.Length}).", nameof(predicted));
        }
        int tp = 0, fp = 0, fn = 0;
        for (var i = 0; i < gold.Length; i++)
        {
            var g = gold[i].Equals(label);
            var p = predicted[i].Equals(label);
            tp += g && p ? 1 : 0;
            fp += !g && p ? 1 : 0;
            fn += g && !p ? 1 : 0;
        }
        return F1(tp, fp, fn);
    }

    /// <summary>Macro-averaged F1: the unweighted mean of <see cref="F1{T}"/> over <paramref name="labels"/>, 0..1.</summary>
    /// <param name="gold">True class of each item.</param>
    /// <param name="predicted">Predicted class of each item, same length as <paramref name="gold"/>.</param>
    /// <param name="labels">The classes to average over (each counts equally, however rare).</param>
    public static double MacroF1<T>(ReadOnlySpan<T> gold, ReadOnlySpan<T> predicted, ReadOnlySpan<T> labels)
        where T : IEquatable<T>
    {
        if (labels.IsEmpty)
        {
            return 0;
        }
        var sum = 0.0;
        foreach (var label in labels)
        {
            sum += F1(gold, predicted, label);
        }
        return sum / labels.Length;
    }

    /// <summary>The 3-class sentiment of a score with a neutral band: +1 when score ≥ band, -1 when ≤ -band, else 0.</summary>
    /// <param name="score">A score on any scale centred on 0.</param>
    /// <param name="band">Half-width of the neutral band, ≥ 0 (0.05 for a compound score in -1..1).</param>
    public static int Polarity(double score, double band) => score >= band ? 1 : score <= -band ? -1 : 0;

    /// <summary>F1 of one binary class from its counts: the harmonic mean of precision and recall, in [0, 1];
    /// 0 when there are no true positives (including the empty case).</summary>
    /// <param name="truePositives">Predicted and true (≥ 0).</param>
    /// <param name="falsePositives">Predicted but not true (≥ 0).</param>
    /// <param name="falseNegatives">True but not predicted (≥ 0).</param>
    public static double F1(int truePositives, int falsePositives, int falseNegatives) =>
        truePositives == 0 ? 0 : 2.0 * truePositives / ((2.0 * truePositives) + falsePositives + falseNegatives);

    /// <summary>Macro-F1: the unweighted mean of per-class F1 values (each in [0, 1]); 0 for an empty list.</summary>
    public static double MacroF1(IReadOnlyList<double> perClassF1)
    {
        ArgumentNullException.ThrowIfNull(perClassF1);
        if (perClassF1.Count == 0)
        {
            return 0;
        }
        var sum = 0.0;
        foreach (var f in perClassF1)
        {
            sum += f;
        }
        return sum / perClassF1.Count;
    }
}
