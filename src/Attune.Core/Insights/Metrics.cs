namespace Attune.Core.Insights;

/// <summary>Pure evaluation metrics over counts and lists of per-class figures.</summary>
public static class Metrics
{
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
