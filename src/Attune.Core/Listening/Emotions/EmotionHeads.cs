namespace Attune.Core.Listening.Emotions;

/// <summary>The outputs ("heads") of the emotion model: one per <see cref="Emotion"/> in enum order, then the
/// GoEmotions sentiment groups positive, negative and ambiguous (the neutral group is the neutral emotion).</summary>
internal static class EmotionHeads
{
    public const int EmotionCount = 13;
    public const int Positive = 13;
    public const int Negative = 14;
    public const int Ambiguous = 15;
    public const int Count = 16;

    /// <summary>Head names as written in the model file; emotions use their GoEmotions label.</summary>
    public static readonly string[] Names =
    [
        "anger", "annoyance", "disappointment", "sadness", "grief", "fear", "nervousness", "confusion", "gratitude",
        "joy", "relief", "caring", "neutral", "positive", "negative", "ambiguous",
    ];
}
