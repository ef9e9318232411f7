using Attune.Core.Text.Patterns;

namespace Attune.Core.Listening.Signals;

/// <summary>Which signal a rule feeds (the section of signals.rules it is written in).</summary>
internal enum SignalKind : byte
{
    Vulnerability,
    Urgency,
    Effort,
    Churn,
    Topic,
    Modifier,
}

/// <summary>How a modifier rule changes the cues near it.</summary>
internal enum ModifierKind : byte
{
    /// <summary>Cancels a cue that follows within the window in the same clause ("I'm not disabled").</summary>
    Negation,
    /// <summary>Lowers a cue that follows within the window in the same sentence ("if I lost my job"); before or after a
    /// churn cue it makes the threat conditional.</summary>
    Hypothetical,
    /// <summary>A relative ("my mum") before a health cue: the customer is a carer, not the patient.</summary>
    Relative,
    /// <summary>Near a churn cue, shows the customer is not leaving: someone else's or a dead person's account ("his
    /// account", "the estate"), or an order rather than the relationship ("cancel my order").</summary>
    NotChurn,
    /// <summary>The customer speaking of themselves or their own ("I", "my", "we"). A vulnerability cue in a sentence
    /// without one (or a relative) is a mention rather than a disclosure ("cancer research"), so it is lowered.</summary>
    Self,
}

/// <summary>What an effort rule says about the customer's effort.</summary>
internal enum EffortKind : byte
{
    /// <summary>Contacted before ("third time", "again"); a number or ordinal in the match is the contact count.</summary>
    Repeat,
    /// <summary>Waited long ("on hold for 2 hours").</summary>
    Wait,
    /// <summary>Tried several times on their own ("tried 5 times"); effort, but not a contact.</summary>
    Retry,
    /// <summary>Passed between people or teams.</summary>
    Transfer,
    /// <summary>Used one contact channel; counts only when two different channels make channel hopping.</summary>
    Channel,
    /// <summary>Says outright they tried several channels.</summary>
    Hop,
}

/// <summary>One line of signals.rules: its id, pattern and the payload of its section.</summary>
internal sealed record SignalRule(string Id, SignalKind Kind, int Line, PhrasePattern Pattern)
{
    /// <summary>Vulnerability: the characteristic (its driver follows from it).</summary>
    public VulnerabilityCharacteristic Characteristic { get; init; }

    /// <summary>Vulnerability confidence, effort weight, churn score or topic weight, 0–1.</summary>
    public double Weight { get; init; }

    /// <summary>Urgency: the level the rule sets.</summary>
    public UrgencyLevel Level { get; init; }

    /// <summary>Effort: the kind of effort.</summary>
    public EffortKind Effort { get; init; }

    /// <summary>Effort of kind <see cref="EffortKind.Channel"/>: the channel name.</summary>
    public string? Channel { get; init; }

    /// <summary>Topic: the topic the rule scores.</summary>
    public Topic Topic { get; init; }

    /// <summary>Modifier: what it does.</summary>
    public ModifierKind Modifier { get; init; }

    /// <summary>Modifier: how many tokens may lie between it and the cue it modifies.</summary>
    public int Window { get; init; }
}
