using System.Collections.Immutable;

namespace Attune.Core.Listening;

/// <summary>The emotions Attune reads. Each maps onto the GoEmotions label of the same name (lower case), so that
/// quality is measured on that data set.</summary>
public enum Emotion
{
    /// <summary>Anger (GoEmotions "anger"): strong displeasure, hostility.</summary>
    Anger,
    /// <summary>Annoyance and frustration (GoEmotions "annoyance").</summary>
    Annoyance,
    /// <summary>Disappointment (GoEmotions "disappointment"): expectations not met.</summary>
    Disappointment,
    /// <summary>Sadness (GoEmotions "sadness").</summary>
    Sadness,
    /// <summary>Grief (GoEmotions "grief"): sorrow over a death or loss.</summary>
    Grief,
    /// <summary>Fear (GoEmotions "fear"): being scared, afraid of harm.</summary>
    Fear,
    /// <summary>Anxiety and worry (GoEmotions "nervousness").</summary>
    Nervousness,
    /// <summary>Confusion (GoEmotions "confusion"): not understanding.</summary>
    Confusion,
    /// <summary>Gratitude (GoEmotions "gratitude").</summary>
    Gratitude,
    /// <summary>Joy (GoEmotions "joy").</summary>
    Joy,
    /// <summary>Relief (GoEmotions "relief").</summary>
    Relief,
    /// <summary>Caring (GoEmotions "caring"): concern for someone else.</summary>
    Caring,
    /// <summary>No particular emotion (GoEmotions "neutral").</summary>
    Neutral,
}

/// <summary>The score of one emotion in a message.</summary>
/// <param name="Emotion">Which emotion.</param>
/// <param name="Score">0–1, calibrated so that 0.5 is the decision threshold tuned on GoEmotions dev: at or above 0.5
/// the emotion is present; 0.9 means the model is very sure.</param>
/// <param name="Evidence">The words that raised the score most, strongest first.</param>
public sealed record EmotionScore(Emotion Emotion, double Score, ImmutableArray<Evidence> Evidence)
{
    /// <summary>True when the emotion is read as present (score ≥ 0.5).</summary>
    public bool IsPresent => Score >= 0.5;
}
