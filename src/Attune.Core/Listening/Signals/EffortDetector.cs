using System.Collections.Immutable;
using Attune.Core.Text.Patterns;

namespace Attune.Core.Listening.Signals;

/// <summary>Customer effort: repeat contact (with the count when stated), long waits, transfers, and channel hopping
/// (two different channels, or said outright). Score is the noisy-or of the distinct rules' weights, at least
/// 0.6 from the third contact on.</summary>
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
        var evidence = ImmutableArray.CreateBuilder<Evidence>();
        for (var i = 0; i < matches.Count; i++)
        {
            var m = matches[i];
            if (context.IsNegated(m))
            {
                continue;
            }
            var rule = context.Rule(m);
            var stated = rule.Effort == EffortKind.Repeat ? ReadCount(context, m) : null;
            if (stated == 1)
            {
                // "the first time", "one time": not a repeat.
                continue;
            }
            if (!SeenBefore(context, matches, i, m.Entry))
            {
                miss *= 1 - rule.Weight;
            }
            evidence.Add(context.Document.Evidence(m.First, m.Last, rule.Id, rule.Weight));
            switch (rule.Effort)
            {
                case EffortKind.Repeat:
                    repeat = true;
                    if (stated is { } n && (count is null || n > count))
                    {
                        count = n;
                    }
                    break;
                case EffortKind.Hop:
                    hop = true;
                    break;
                case EffortKind.Channel:
                    if (channel is null)
                    {
                        channel = rule.Channel;
                    }
                    else if (channel != rule.Channel && !hop)
                    {
                        hop = true;
                        miss *= 1 - HopWeight;
                    }
                    break;
                default:
                    break;
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
        if (count >= 2)
        {
            repeat = true;
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
