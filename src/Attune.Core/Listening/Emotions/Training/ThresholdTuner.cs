namespace Attune.Core.Listening.Emotions.Training;

/// <summary>Picks, per head, the probability threshold that maximises F1 on tuning data.</summary>
internal static class ThresholdTuner
{
    /// <summary>The best threshold on the grid 0.02, 0.03 … 0.95 and its F1; when several thresholds tie, the middle
    /// one of the tied run that starts first, so a clean separation is cut halfway rather than at its edge.</summary>
    public static (double Threshold, double F1) Tune(ReadOnlySpan<double> probabilities, ReadOnlySpan<bool> truth)
    {
        var bestF1 = -1.0;
        int first = 50, last = 50;
        var inRun = false;
        for (var step = 2; step <= 95; step++)
        {
            var f1 = F1At(probabilities, truth, step / 100.0);
            if (f1 > bestF1)
            {
                (bestF1, first, last, inRun) = (f1, step, step, true);
            }
            else if (f1 == bestF1 && inRun)
            {
                last = step;
            }
            else
            {
                inRun = false;
            }
        }
        return ((first + last) / 2 / 100.0, bestF1);
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
