using Attune.Core.Resources;

namespace Attune.Core.Listening.Emotions;

/// <summary>The trained emotion model: for each hashed feature one quantised weight per head, a bias per head and the
/// decision threshold per head tuned on GoEmotions dev. Format: Resources/listening/emotions-model.md.</summary>
internal sealed class EmotionModelData
{
    public const string ResourcePath = "listening/emotions.model";

    private readonly FeatureTable _rows;

    /// <param name="scheme">The features the model reads.</param>
    /// <param name="rows">Feature hash to row of <paramref name="weights"/>.</param>
    /// <param name="weights">Row-major: <c>weights[row * EmotionHeads.Count + head]</c>, in log-odds × <paramref name="scale"/>.</param>
    /// <param name="scale">Quantisation scale: a weight in log-odds is the stored value / scale.</param>
    /// <param name="bias">Per head, log-odds.</param>
    /// <param name="thresholds">Per head, the probability at which the head fires (tuned on dev), in (0, 1).</param>
    public EmotionModelData(EmotionFeatureScheme scheme, FeatureTable rows, sbyte[] weights, int scale, double[] bias, double[] thresholds)
    {
        Scheme = scheme;
        _rows = rows;
        Weights = weights;
        Scale = scale;
        Bias = bias;
        Thresholds = thresholds;
        CalibratedBias = new double[EmotionHeads.Count];
        for (var h = 0; h < EmotionHeads.Count; h++)
        {
            // Shifting the bias by logit(threshold) puts each head's decision point at 0.5.
            CalibratedBias[h] = bias[h] - Math.Log(thresholds[h] / (1 - thresholds[h]));
        }
    }

    public EmotionFeatureScheme Scheme { get; }

    /// <summary>Quantised weights (log-odds × <see cref="Scale"/>), one byte each so the model stays cache-friendly.</summary>
    public sbyte[] Weights { get; }

    public int Scale { get; }

    public double Weight(int row, int head) => (double)Weights[(row * EmotionHeads.Count) + head] / Scale;

    public double[] Bias { get; }

    public double[] Thresholds { get; }

    public double[] CalibratedBias { get; }

    public int RowCount => _rows.Count;

    public FeatureTable Rows => _rows;

    /// <summary>Authored customer-service cues added on top of the trained weights (none unless loaded).</summary>
    public EmotionCues Cues { get; init; } = EmotionCues.Empty;

    public bool TryRow(uint hash, out int row) => _rows.TryRow(hash, out row);

    /// <summary>The model shipped inside Attune.Core.</summary>
    public static EmotionModelData LoadEmbedded()
    {
        var model = EmotionModelFormat.Parse(EmbeddedResource.ReadText(ResourcePath), ResourcePath);
        return new EmotionModelData(model.Scheme, model.Rows, model.Weights, model.Scale, model.Bias, model.Thresholds)
        {
            Cues = EmotionCues.LoadEmbedded(),
        };
    }
}
