using System.Collections.Immutable;

namespace Attune.Core.Listening.Signals;

/// <summary>Urgency: the highest level any non-negated rule sets; a hypothetical lowers a rule (other than a deadline) by one level; Low
/// (praise, "no rush") only when nothing raises it. Evidence weight is the level as a number (0 Low … 3 Critical).</summary>
internal static class UrgencyDetector
{
    private static readonly UrgencyReading Normal = new(UrgencyLevel.Normal, []);

    public static UrgencyReading Detect(SignalContext context)
    {
        var matches = context.Matches(SignalKind.Urgency);
        if (matches.Count == 0)
        {
            return Normal;
        }
        var top = UrgencyLevel.Normal;
        var low = false;
        foreach (var m in matches)
        {
            var level = LevelOf(context, m);
            top = level > top ? level : top;
            low |= level == UrgencyLevel.Low;
        }
        var chosen = top > UrgencyLevel.Normal ? top : low ? UrgencyLevel.Low : UrgencyLevel.Normal;
        if (chosen == UrgencyLevel.Normal)
        {
            return Normal;
        }
        var reasons = ImmutableArray.CreateBuilder<Evidence>();
        foreach (var m in matches)
        {
            if (LevelOf(context, m) == chosen)
            {
                reasons.Add(context.Document.Evidence(m.First, m.Last, context.Rule(m).Id, (int)chosen));
            }
        }
        return new UrgencyReading(chosen, reasons.ToImmutable());
    }

    // Normal means "ignore this match".
    private static UrgencyLevel LevelOf(SignalContext context, in Text.Patterns.PhraseMatch m)
    {
        if (context.IsNegated(m))
        {
            return UrgencyLevel.Normal;
        }
        var rule = context.Rule(m);
        var level = rule.Level;
        // A deadline inside a condition is still a deadline: "if it isn't fixed by Friday I'm leaving".
        if (level > UrgencyLevel.Normal && context.IsHypothetical(m) && !rule.Id.StartsWith("deadline.", StringComparison.Ordinal))
        {
            level--;
        }
        return level;
    }
}
