using System.Collections.Immutable;
using Attune.Core.Text.Patterns;

namespace Attune.Core.Listening.Signals;

/// <summary>Customer effort: repeat contact (with the count when stated), long waits, retries, transfers, and channel
/// hopping (two different channels, or said outright; one channel alone is no effort). Score is the noisy-or of the
/// distinct rules' weights (+0.5 for hopping found from channels), at least 0.6 from the third contact on.</summary>
internal static class EffortDetector
{
    private const double HopWeight = 0.5;
    private static readonly EffortReading None = new(0, false, null, false, []);

    public static EffortReading Detect(SignalContext context)
    {
        var matches = context.Matches(SignalKind.Effort);
        if (matches.Count == 0)
        {
            return None;
        }
        var miss = 1.0;
        var repeat = false;
        var hop = false;
        int? count = null;
        string? channel = null;
        var channels = false;
        var evidence = ImmutableArray.CreateBuilder<Evidence>();
        for (var i = 0; i < matches.Count; i++)
        {
            var m = matches[i];
            if (context.IsNegated(m))
            {
                continue;
            }
            var rule = context.Rule(m);
            if (rule.Effort == EffortKind.Channel)
            {
                channels |= channel is not null && channel != rule.Channel;
                channel ??= rule.Channel;
                continue;
            }
            var stated = rule.Effort is EffortKind.Repeat or EffortKind.Retry ? ReadCount(context, m) : null;
            if (stated == 1)
            {
                // "the first time", "first attempt": not a repeat.
                continue;
            }
            if (!SeenBefore(context, matches, i, m.Entry))
            {
                miss *= 1 - rule.Weight;
            }
            evidence.Add(context.Document.Evidence(m.First, m.Last, rule.Id, rule.Weight));
            repeat |= rule.Effort == EffortKind.Repeat;
            hop |= rule.Effort == EffortKind.Hop;
            if (rule.Effort == EffortKind.Repeat && stated is { } n && (count is null || n > count))
            {
                count = n;
            }
        }
        if (channels || hop)
        {
            if (channels && !hop)
            {
                miss *= 1 - HopWeight;
            }
            hop = true;
            foreach (var m in matches)
            {
                var rule = context.Rule(m);
                if (rule.Effort == EffortKind.Channel && !context.IsNegated(m))
                {
                    evidence.Add(context.Document.Evidence(m.First, m.Last, rule.Id, rule.Weight));
                }
            }
        }
        if (evidence.Count == 0)
        {
            return None;
        }
        var score = 1 - miss;
        if (count >= 3)
        {
            score = Math.Max(score, Math.Min(0.9, 0.6 + (0.05 * (count.Value - 3))));
        }
        return new EffortReading(Math.Round(Math.Min(score, 0.95), 3), repeat, count, hop, evidence.ToImmutable());
    }

    private static bool SeenBefore(SignalContext context, List<PhraseMatch> matches, int index, int entry)
    {
        for (var j = 0; j < index; j++)
        {
            if (matches[j].Entry == entry && !context.IsNegated(matches[j]))
            {
                return true;
            }
        }
        return false;
    }

    // "third time", "3rd email", "5 times", "twice": the first number or ordinal in the match.
    private static int? ReadCount(SignalContext context, in PhraseMatch m)
    {
        for (var t = m.First; t <= m.Last; t++)
        {
            var norm = context.Document.Norm(t);
            if (PhraseNumbers.TryOrdinal(norm, out var n) || PhraseNumbers.TryNumber(norm, out n))
            {
                return n is > 0 and < 1000 ? n : null;
            }
            if (norm is "twice")
            {
                return 2;
            }
            if (norm is "thrice")
            {
                return 3;
            }
        }
        return null;
    }
}
