using System.Collections.Immutable;

namespace Attune.Core.Listening.Signals;

/// <summary>Churn intent: the strongest non-negated rule, a little more for each further distinct rule. A conditional
/// threat ("if this isn't fixed I'm switching") scores 0.7 of the rule. Closing a third party's or a dead person's
/// account, or cancelling an order, is not churn: such matches, and all churn in a message with a bereavement cue, are ignored.</summary>
internal static class ChurnDetector
{
    private const double ConditionalFactor = 0.7;
    private const double BereavementConfidence = 0.6;
    private const double MoreEvidenceBonus = 0.05;
    private static readonly ChurnReading None = new(0, []);

    public static ChurnReading Detect(SignalContext context, ImmutableArray<VulnerabilityCue> vulnerability)
    {
        var matches = context.Matches(SignalKind.Churn);
        if (matches.Count == 0 || IsBereaved(vulnerability))
        {
            return None;
        }
        var best = 0.0;
        var distinct = 0;
        var lastEntry = -1;
        var evidence = ImmutableArray.CreateBuilder<Evidence>();
        foreach (var m in matches)
        {
            if (context.IsNegated(m) || context.IsNotChurn(m))
            {
                continue;
            }
            var rule = context.Rule(m);
            var score = context.IsConditional(m) ? rule.Weight * ConditionalFactor : rule.Weight;
            best = Math.Max(best, score);
            distinct += m.Entry != lastEntry ? 1 : 0;
            lastEntry = m.Entry;
            evidence.Add(context.Document.Evidence(m.First, m.Last, rule.Id, Math.Round(score, 3)));
        }
        if (evidence.Count == 0)
        {
            return None;
        }
        var total = Math.Min(0.95, best + (MoreEvidenceBonus * (distinct - 1)));
        return new ChurnReading(Math.Round(total, 3), evidence.ToImmutable());
    }

    private static bool IsBereaved(ImmutableArray<VulnerabilityCue> vulnerability)
    {
        foreach (var cue in vulnerability)
        {
            if (cue.Characteristic == VulnerabilityCharacteristic.Bereavement && cue.Confidence >= BereavementConfidence)
            {
                return true;
            }
        }
        return false;
    }
}
