using System.Collections.Immutable;

namespace Attune.Core.Listening;

/// <summary>The sentiment label of a message.</summary>
public enum SentimentLabel
{
    /// <summary>No clear feeling either way (compound within ±0.05 and no strong mixed evidence).</summary>
    Neutral,
    /// <summary>Mainly positive.</summary>
    Positive,
    /// <summary>Mainly negative.</summary>
    Negative,
    /// <summary>Strong positive and strong negative feeling together ("love the product, hate the billing").</summary>
    Mixed,
    /// <summary>Not read: the message is in a language Attune does not read.</summary>
    Unread,
}

/// <summary>Overall feeling of a message.</summary>
/// <param name="Compound">-1 (most negative) … 0 (neutral) … +1 (most positive); ±0.05 is the neutral band, ±0.5 is clearly felt.</param>
/// <param name="Positive">0–1: share of the message's sentiment-bearing weight that is positive.</param>
/// <param name="Negative">0–1: share that is negative.</param>
/// <param name="Neutral">0–1: share of the words that carry no sentiment.</param>
/// <param name="Label">The label derived from the scores.</param>
/// <param name="Evidence">The words that moved the score, strongest first; weights are valence points after rules (negation, intensity…).</param>
public sealed record SentimentReading(
    double Compound,
    double Positive,
    double Negative,
    double Neutral,
    SentimentLabel Label,
    ImmutableArray<Evidence> Evidence);
