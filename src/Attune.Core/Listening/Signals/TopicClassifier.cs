using System.Collections.Immutable;

namespace Attune.Core.Listening.Signals;

/// <summary>Topic by rules: each topic's score is the noisy-or of the weights of its matches; the primary topic is the
/// highest scoring one when it reaches <see cref="MinPrimary"/>, else <see cref="Topic.Other"/>.</summary>
internal static class TopicClassifier
{
    /// <summary>Below this score a message is <see cref="Topic.Other"/>.</summary>
    public const double MinPrimary = 0.3;

    private static readonly TopicReading None = new(Topic.Other, [], []);
    private static readonly int TopicCount = Enum.GetValues<Topic>().Length;

    public static TopicReading Classify(SignalContext context)
    {
        var matches = context.Matches(SignalKind.Topic);
        if (matches.Count == 0)
        {
            return None;
        }
        Span<double> miss = stackalloc double[TopicCount];
        miss.Fill(1);
        foreach (var m in matches)
        {
            var rule = context.Rule(m);
            miss[(int)rule.Topic] *= 1 - rule.Weight;
        }
        var scores = new List<TopicScore>(4);
        var primary = Topic.Other;
        var top = 0.0;
        for (var t = 0; t < TopicCount; t++)
        {
            var score = Math.Round(1 - miss[t], 3);
            if (score <= 0)
            {
                continue;
            }
            scores.Add(new TopicScore((Topic)t, score));
            if (score > top)
            {
                top = score;
                primary = (Topic)t;
            }
        }
        scores.Sort(static (a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : a.Topic.CompareTo(b.Topic));
        if (top < MinPrimary)
        {
            return new TopicReading(Topic.Other, [.. scores], []);
        }
        var evidence = ImmutableArray.CreateBuilder<Evidence>();
        foreach (var m in matches)
        {
            var rule = context.Rule(m);
            if (rule.Topic == primary)
            {
                evidence.Add(context.Document.Evidence(m.First, m.Last, rule.Id, rule.Weight));
            }
        }
        return new TopicReading(primary, [.. scores], evidence.ToImmutable());
    }
}
