using System.Collections.Immutable;
using Attune.Core.Text;

namespace Attune.Core.Listening.Signals;

/// <summary>Everything the signal detectors read in one message.</summary>
internal sealed record Signals(
    ImmutableArray<VulnerabilityCue> Vulnerability,
    UrgencyReading Urgency,
    EffortReading Effort,
    ChurnReading Churn,
    TopicReading Topic);

/// <summary>Runs all rules over a document in one pass, then each detector reads its share of the matches.</summary>
internal sealed class SignalDetector(SignalRules rules)
{
    private readonly SignalRules _rules = rules;

    public Signals Detect(Document document)
    {
        var context = SignalContext.For(_rules, document);
        var vulnerability = VulnerabilityDetector.Detect(context);
        return new Signals(
            vulnerability,
            UrgencyDetector.Detect(context),
            EffortDetector.Detect(context),
            ChurnDetector.Detect(context, vulnerability),
            TopicClassifier.Classify(context));
    }
}
