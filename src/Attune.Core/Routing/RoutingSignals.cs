using Attune.Core.Listening;

namespace Attune.Core.Routing;

/// <summary>The judgements routing makes from a reading, in one place so that rules, guarantees and self-service agree.</summary>
public static class RoutingSignals
{
    /// <summary>Emotion score (0–1) at which anger counts as upset.</summary>
    public const double UpsetEmotion = 0.5;

    /// <summary>Sentiment compound at or below which a message counts as upset on its own.</summary>
    public const double UpsetCompound = -0.6;

    /// <summary>True when the customer is upset: anger present, or clearly negative sentiment (compound ≤ -0.6), or
    /// annoyance present with negative sentiment (≤ -0.3). Upset customers always reach a person.</summary>
    public static bool IsUpset(Reading reading) =>
        reading[Emotion.Anger].Score >= UpsetEmotion
        || reading.Sentiment.Compound <= UpsetCompound
        || (reading[Emotion.Annoyance].Score >= UpsetEmotion && reading.Sentiment.Compound <= -0.3);

    /// <summary>True when the reading shows high distress: upset, or grief, fear or anxiety present, or sadness with
    /// negative sentiment. Self-service is never offered then.</summary>
    public static bool IsDistressed(Reading reading) =>
        IsUpset(reading)
        || reading[Emotion.Grief].IsPresent
        || reading[Emotion.Fear].IsPresent
        || reading[Emotion.Nervousness].IsPresent
        || (reading[Emotion.Sadness].IsPresent && reading.Sentiment.Compound < 0);

    /// <summary>True when the customer has tried before without a solution: the reading's repeat-contact cue, a stated
    /// contact count of 2 or more, or <paramref name="failedContacts"/> ≥ 1 known to the host.</summary>
    public static bool HasFailedContact(Reading reading, int failedContacts) =>
        failedContacts >= 1 || reading.Effort.RepeatContact || reading.Effort.ContactCount >= 2;

    /// <summary>True when self-service may be offered at all: not vulnerable, not distressed, no failed contact.</summary>
    public static bool AllowsSelfService(Reading reading, int failedContacts) =>
        !reading.IsVulnerable && !IsDistressed(reading) && !HasFailedContact(reading, failedContacts);
}
