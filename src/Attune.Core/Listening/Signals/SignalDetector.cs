using System.Collections.Immutable;
using Attune.Core.Text;

namespace Attune.Core.Listening.Signals;

internal sealed class SignalRules
{
    public static SignalRules LoadEmbedded() => new();
}

internal sealed record Signals(
    ImmutableArray<VulnerabilityCue> Vulnerability,
    UrgencyReading Urgency,
    EffortReading Effort,
    ChurnReading Churn,
    TopicReading Topic);

internal sealed class SignalDetector(SignalRules rules)
{
    private readonly SignalRules _rules = rules;

    public Signals Detect(Document document)
    {
        _ = _rules;
        _ = document;
        return new Signals([], new UrgencyReading(UrgencyLevel.Normal, []), new EffortReading(0, false, null, false, []), new ChurnReading(0, []), new TopicReading(Topic.Other, [], []));
    }
}
