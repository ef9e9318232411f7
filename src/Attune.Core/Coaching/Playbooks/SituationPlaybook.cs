using System.Collections.Immutable;
using Attune.Core.Listening;

namespace Attune.Core.Coaching.Playbooks;

/// <summary>Whether a playbook rule is something to do or something never to do.</summary>
public enum RuleKind
{
    /// <summary>The reply should do this; a reply that does not loses playbook points and gets a suggestion.</summary>
    Do,
    /// <summary>The reply must never do this; a reply that does is flagged.</summary>
    Dont,
}

/// <summary>One do/don't rule of a situation playbook.</summary>
/// <param name="Id">The check's id: a built-in check (see docs/playbooks.md, e.g. <c>ownership</c>, <c>upsell</c>) or
/// one defined by the playbook's own <c>phrases</c>.</param>
/// <param name="Kind">Do or don't.</param>
/// <param name="Guidance">What the agent should (or must never) do, in the organisation's words; shown to the agent.</param>
/// <param name="Line">1-based line of the rule in its file, for error messages and editors.</param>
public sealed record PlaybookRule(string Id, RuleKind Kind, string Guidance, int Line);

/// <summary>When a situation applies to a customer's message. The situation applies when ANY listed trigger fires.</summary>
/// <param name="Vulnerability">Vulnerability characteristics that trigger the situation (cue confidence ≥ 0.5).</param>
/// <param name="Emotions">Emotions that trigger it when present (score ≥ 0.5).</param>
/// <param name="Topics">Topics that trigger it when they are the primary topic.</param>
/// <param name="TopicsIfNegative">Topics that trigger it only when the message's sentiment is negative (compound ≤ -0.05).</param>
/// <param name="Churn">True: triggered when the customer is at risk of leaving (churn score ≥ 0.5).</param>
/// <param name="RepeatContact">True: triggered when the customer says they have contacted before.</param>
/// <param name="MinUrgency">Triggered when the urgency is at least this level; null for no urgency trigger.</param>
/// <param name="Phrases">Phrases (cue syntax) that trigger it when found in the customer's message.</param>
public sealed record SituationTriggers(
    ImmutableArray<VulnerabilityCharacteristic> Vulnerability,
    ImmutableArray<Emotion> Emotions,
    ImmutableArray<Topic> Topics,
    ImmutableArray<Topic> TopicsIfNegative,
    bool Churn,
    bool RepeatContact,
    UrgencyLevel? MinUrgency,
    ImmutableArray<string> Phrases);

/// <summary>A situation playbook: how to answer a customer in a given situation (bereavement, outage, …).</summary>
/// <param name="Name">Kebab-case id, e.g. <c>bereavement</c>; used by <c>--situation</c>.</param>
/// <param name="Title">Human title, e.g. "Bereavement".</param>
/// <param name="Summary">One or two sentences: what this situation is and why it needs care.</param>
/// <param name="Outcome">The outcome to aim for.</param>
/// <param name="Priority">When several situations match, the highest priority wins (0–1000; bereavement is 100).</param>
/// <param name="Triggers">When the situation is inferred from the customer's message.</param>
/// <param name="Rules">The do and don't rules, in file order.</param>
/// <param name="Phrases">Phrases (cue syntax) of the playbook's own checks, by check id.</param>
/// <param name="Source">Where the playbook came from: an embedded resource path or the organisation's file name.</param>
/// <param name="ActionNeeded">False when the situation does not call for action (praise): the action part of the score
/// is then at least 75 % of its maximum.</param>
public sealed record SituationPlaybook(
    string Name,
    string Title,
    string Summary,
    string Outcome,
    int Priority,
    SituationTriggers Triggers,
    ImmutableArray<PlaybookRule> Rules,
    ImmutableDictionary<string, ImmutableArray<string>> Phrases,
    string Source,
    bool ActionNeeded = true);
