using Attune.Core.Listening;

namespace Attune.Core.Routing.Assignment;

/// <summary>The emotional-load model (docs/wellbeing.md). Load is measured in units where one calm 20-minute
/// conversation adds 1. Each conversation adds <c>intensity × length factor</c>; load recovers exponentially, faster
/// on a break.</summary>
public static class LoadModel
{
    /// <summary>Extra intensity per unit of grief score: grief is the heaviest to hold.</summary>
    public const double GriefWeight = 2.0;

    /// <summary>Extra intensity per unit of anger score: being shouted at wears.</summary>
    public const double AngerWeight = 1.5;

    /// <summary>Extra intensity per unit of fear or anxiety (the larger of the two): distress is absorbed.</summary>
    public const double DistressWeight = 0.8;

    /// <summary>Extra intensity per unit of sadness.</summary>
    public const double SadnessWeight = 0.5;

    /// <summary>Extra intensity per unit of annoyance.</summary>
    public const double AnnoyanceWeight = 0.3;

    /// <summary>Extra intensity per unit of vulnerability confidence (the strongest cue).</summary>
    public const double VulnerabilityWeight = 1.0;

    /// <summary>Extra intensity per unit of negative sentiment (−compound, when negative).</summary>
    public const double NegativeWeight = 0.8;

    /// <summary>Emotion score (0–1) below which an emotion adds nothing: the model's low scores are noise, not feeling.</summary>
    public const double EmotionFloor = 0.4;

    /// <summary>Minutes of handling that count as one length unit.</summary>
    public const double MinutesPerUnit = 20;

    /// <summary>The length factor's cap: a 3-hour call weighs like a 1-hour one; fatigue from time alone is not load.</summary>
    public const double MaxLengthFactor = 3;

    /// <summary>A conversation at or above this intensity is heavy (a clear grief, anger or vulnerability case).</summary>
    public const double HeavyIntensity = 2.0;

    /// <summary>Minutes for load to halve while working.</summary>
    public const double HalfLifeWorking = 45;

    /// <summary>Minutes for load to halve on a break.</summary>
    public const double HalfLifeBreak = 10;

    /// <summary>Most heavy conversations in a row an agent is given before lighter work.</summary>
    public const int MaxHeavyStreak = 3;

    /// <summary>Load at or above which a break is suggested once it has lasted <see cref="SustainedMinutes"/>.</summary>
    public const double BreakThreshold = 15;

    /// <summary>Load at or above which the lead is alerted once it has lasted <see cref="SustainedMinutes"/>.</summary>
    public const double AlertThreshold = 22;

    /// <summary>How long load must stay above a threshold before it counts (minutes).</summary>
    public const double SustainedMinutes = 20;

    /// <summary>Length of a suggested break (minutes).</summary>
    public const double BreakMinutes = 15;

    /// <summary>How heavy a conversation is to carry, from 1 (calm) up to about 7.5 (grief, anger, distress and vulnerability together).</summary>
    public static double Intensity(Reading reading)
    {
        ArgumentNullException.ThrowIfNull(reading);
        var vulnerability = 0.0;
        foreach (var cue in reading.Vulnerability)
        {
            vulnerability = Math.Max(vulnerability, cue.Confidence);
        }
        return 1
            + (GriefWeight * Felt(reading[Emotion.Grief].Score))
            + (AngerWeight * Felt(reading[Emotion.Anger].Score))
            + (DistressWeight * Felt(Math.Max(reading[Emotion.Fear].Score, reading[Emotion.Nervousness].Score)))
            + (SadnessWeight * Felt(reading[Emotion.Sadness].Score))
            + (AnnoyanceWeight * Felt(reading[Emotion.Annoyance].Score))
            + (VulnerabilityWeight * vulnerability)
            + (NegativeWeight * Math.Max(0, -reading.Sentiment.Compound));
    }

    /// <summary>An emotion score rescaled so that <see cref="EmotionFloor"/> and below is 0 and 1 stays 1.</summary>
    public static double Felt(double score) => Math.Max(0, (score - EmotionFloor) / (1 - EmotionFloor));

    /// <summary>The load a conversation of <paramref name="intensity"/> adds over <paramref name="minutes"/> of handling.</summary>
    public static double Cost(double intensity, double minutes) =>
        intensity * Math.Clamp(minutes / MinutesPerUnit, 0.25, MaxLengthFactor);

    /// <summary>True when a conversation of this intensity is heavy.</summary>
    public static bool IsHeavy(double intensity) => intensity >= HeavyIntensity;

    /// <summary>Load after <paramref name="minutes"/> of recovery from <paramref name="load"/>.</summary>
    public static double Recover(double load, double minutes, bool onBreak) =>
        minutes <= 0 ? load : load * Math.Pow(0.5, minutes / (onBreak ? HalfLifeBreak : HalfLifeWorking));
}
