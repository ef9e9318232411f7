namespace Attune.Core.Listening.Emotions.Training;

/// <summary>Picks, per head, the probability threshold that maximises F1 on tuning data.</summary>
internal static class ThresholdTuner
{
    private const int First = 2;
    private const int Last = 95;
    private const int Window = 2;

    /// <summary>The threshold on the grid 0.02, 0.03 … 0.95 whose F1, averaged with its two neighbours on each side,
    /// is best (on a plateau of ties, its middle), and the F1 at that threshold. Smoothing keeps a flat, noisy F1 curve
    /// from pulling the threshold to a lucky spike on dev.</summary>
    public static (double Threshold, double F1) Tune(ReadOnlySpan<double> probabilities, ReadOnlySpan<bool> truth)
    {
        Span<double> f1 = stackalloc double[Last + 1];
        for (var step = First; step <= Last; step++)
        {
            f1[step] = F1At(probabilities, truth, step / 100.0);
        }
        var best = (Step: 50, Smoothed: -1.0);
        var runEnd = 50;
        for (var step = First; step <= Last; step++)
        {
            var from = Math.Max(First, step - Window);
            var to = Math.Min(Last, step + Window);
            var sum = 0.0;
            for (var k = from; k <= to; k++)
            {
                sum += f1[k];
            }
            var smoothed = sum / (to - from + 1);
            if (smoothed > best.Smoothed + 1e-12)
            {
                best = (step, smoothed);
                runEnd = step;
            }
            else if (runEnd == step - 1 && smoothed >= best.Smoothed - 1e-12)
            {
                runEnd = step;
            }
        }
        var chosen = (best.Step + runEnd) / 2;
        return (chosen / 100.0, f1[chosen]);
    }

    public static double F1At(ReadOnlySpan<double> probabilities, ReadOnlySpan<bool> truth, double threshold)
    {
        int tp = 0, fp = 0, fn = 0;
        for (var i = 0; i < probabilities.Length; i++)
        {
            var predicted = probabilities[i] >= threshold;
            if (predicted && truth[i])
            {
                tp++;
            }
            else if (predicted)
            {
                fp++;
            }
            else if (truth[i])
            {
                fn++;
            }
        }
        return Insights.Metrics.F1(tp, fp, fn);
    }
}
