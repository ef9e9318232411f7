using Attune.Core.Listening;

namespace Attune.Core.Tests.Listening;

internal static class ReadingEvidence
{
    /// <summary>Every piece of evidence of every signal of a reading.</summary>
    public static IEnumerable<Evidence> All(Reading reading)
    {
        IEnumerable<Evidence> all = reading.Sentiment.Evidence;
        all = all.Concat(reading.Emotions.SelectMany(e => e.Evidence));
        all = all.Concat(reading.Vulnerability.SelectMany(v => v.Evidence));
        return all.Concat(reading.Urgency.Reasons).Concat(reading.Effort.Evidence).Concat(reading.Churn.Evidence).Concat(reading.Topic.Evidence);
    }
}
