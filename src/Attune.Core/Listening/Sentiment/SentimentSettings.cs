namespace Attune.Core.Listening.Sentiment;

/// <summary>The constants of the sentiment rules, in one place so they can be tuned on GoEmotions dev.</summary>
internal sealed record SentimentSettings
{
    public static SentimentSettings Default { get; } = new();

    /// <summary>How many words back a negator or booster reaches.</summary>
    public int Scope { get; init; } = 5;

    /// <summary>Whether a negator reverses only the first feeling word after it.</summary>
    public bool NegateFirstOnly { get; init; } = true;

    /// <summary>A booster's effect fades by this share per word of distance.</summary>
    public double BoosterFade { get; init; } = 0.15;

    /// <summary>Negated praise keeps this much of its strength, reversed ("not happy").</summary>
    public double NegatedPositive { get; init; } = -0.75;

    /// <summary>Negated complaint turns mildly positive ("not bad", "not unhappy").</summary>
    public double NegatedNegative { get; init; } = -0.4;

    /// <summary>A negated expectation ("isn't fixed", "hasn't arrived") is a complaint of at least this much.</summary>
    public double NegatedExpectation { get; init; } = -1.3;

    /// <summary>Multiplier for a word in capitals when the rest of the message is not shouted.</summary>
    public double Caps { get; init; } = 1.3;

    /// <summary>Multiplier for an elongated word ("sooo good").</summary>
    public double Elongation { get; init; } = 1.15;

    /// <summary>Valence points added per '!' in the direction of the message, up to <see cref="MaxMarks"/>.</summary>
    public double Exclamation { get; init; } = 0.25;

    /// <summary>Valence points added per '?' beyond the first, up to <see cref="MaxMarks"/>.</summary>
    public double Question { get; init; } = 0.12;

    /// <summary>At most this many '!' or '?' count.</summary>
    public int MaxMarks { get; init; } = 4;

    /// <summary>Weight of learned (not authored) entries.</summary>
    public double LearnedWeight { get; init; } = 0.2;

    /// <summary>Entries weaker than this (in valence points) are ignored.</summary>
    public double IgnoreBelow { get; init; }

    /// <summary>Praise in a sarcastic message counts against, at this factor.</summary>
    public double SarcasticPraise { get; init; } = -0.5;

    /// <summary>Compound = sum / sqrt(sum² + Alpha): the sum at which a message reads as clearly felt.</summary>
    public double Alpha { get; init; } = 15;

    /// <summary>A message is mixed when its strongest praise and strongest complaint both reach this.</summary>
    public double MixedStrong { get; init; } = 1.5;

    /// <summary>… and the weaker side's total is at least this share of the stronger side's.</summary>
    public double MixedBalance { get; init; } = 0.5;

    /// <summary>Share of the compound given to the emotion model's sentiment heads (P(positive) - P(negative)) when the
    /// lexicon found feeling in the message; the lexicon keeps the rest. 0 = lexicon only.</summary>
    public double ModelWeight { get; init; } = 0.25;

    /// <summary>Neutral band of the compound score.</summary>
    public double NeutralBand { get; init; } = 0.05;
}
