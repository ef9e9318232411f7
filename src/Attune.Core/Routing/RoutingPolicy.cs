using System.Collections.Immutable;

namespace Attune.Core.Routing;

/// <summary>How a conversation is handled.</summary>
public enum HandlingMode
{
    /// <summary>A self-service answer (knowledge-base articles) with a visible "talk to a person".</summary>
    SelfService,
    /// <summary>A person on a general desk.</summary>
    Human,
    /// <summary>A person on a specialist desk (Care, Retention…), trained for the situation.</summary>
    Specialist,
}

/// <summary>How soon a conversation is taken, relative to others waiting.</summary>
public enum Priority
{
    /// <summary>Taken after everything else.</summary>
    Low,
    /// <summary>The ordinary place in the queue.</summary>
    Normal,
    /// <summary>Ahead of normal work.</summary>
    High,
    /// <summary>Jumps the queue: ahead of everything else.</summary>
    Urgent,
}

/// <summary>A routing policy: ordered rules, the first that matches decides. Plain data; hosts author it (YAML) and
/// translate it into these records, then check it with <see cref="PolicyValidator"/> before activating it.</summary>
/// <param name="Name">The policy's name, e.g. "attune-default".</param>
/// <param name="Version">The version that every decision records, e.g. "2026-11-23.1".</param>
/// <param name="Calendars">The business-hour calendars SLA targets run on, by name.</param>
/// <param name="Desks">The desks conversations can go to.</param>
/// <param name="Slas">The SLA profiles rules refer to, by name.</param>
/// <param name="Rules">The rules in order: the first whose conditions all hold decides.</param>
/// <param name="Fallback">What happens when no rule matches; also the desk a person is taken from when a guarantee
/// turns a self-service decision into a human one.</param>
/// <param name="DefaultCalendar">The calendar <see cref="RuleCondition.BusinessHours"/> is checked against.</param>
public sealed record RoutingPolicy(
    string Name,
    string Version,
    ImmutableDictionary<string, BusinessCalendar> Calendars,
    ImmutableArray<Desk> Desks,
    ImmutableDictionary<string, SlaTargets> Slas,
    ImmutableArray<RoutingRule> Rules,
    RuleAction Fallback,
    string DefaultCalendar);

/// <summary>A desk: a team that takes one kind of work.</summary>
/// <param name="Name">The desk's name, e.g. "Care".</param>
/// <param name="RequiresVulnerabilityTraining">True when only agents trained for vulnerable customers may take its work.</param>
public sealed record Desk(string Name, bool RequiresVulnerabilityTraining);

/// <summary>Service-level targets, counted in business time on one calendar.</summary>
/// <param name="Name">The profile's name, e.g. "care".</param>
/// <param name="Calendar">The name of the calendar the targets are counted on.</param>
/// <param name="FirstReply">Time to the first reply by a person (or the self-service answer).</param>
/// <param name="NextReply">Time to each next reply after the customer writes again.</param>
/// <param name="Resolution">Time to resolution.</param>
/// <param name="UpdateEvery">For long fixes: how often the customer gets a proactive status update; null for never.</param>
public sealed record SlaTargets(string Name, string Calendar, TimeSpan FirstReply, TimeSpan NextReply, TimeSpan Resolution, TimeSpan? UpdateEvery);

/// <summary>One rule: conditions and the action taken when they all hold.</summary>
/// <param name="Id">A short id unique in the policy, e.g. "bereavement".</param>
/// <param name="When">The conditions; all must hold.</param>
/// <param name="Then">What to do.</param>
public sealed record RoutingRule(string Id, RuleCondition When, RuleAction Then);

/// <summary>What a rule (or the fallback) decides.</summary>
/// <param name="Desk">The desk's name.</param>
/// <param name="Priority">The place in the queue.</param>
/// <param name="Mode">Self-service, a person, or a specialist.</param>
/// <param name="Sla">The name of the SLA profile.</param>
/// <param name="Playbook">The playbook shown to the agent (e.g. "bereavement"); null for none.</param>
/// <param name="Label">How the explanation names the outcome, e.g. "Care desk"; null means "{Desk} desk".</param>
public sealed record RuleAction(string Desk, Priority Priority, HandlingMode Mode, string Sla, string? Playbook, string? Label);

/// <summary>The conditions of a rule. Every condition that is set must hold; a list holds when any of its items does.
/// An unset condition (null or empty list) always holds. A rule with no condition at all always matches.</summary>
public sealed record RuleCondition
{
    /// <summary>Any of these emotions scored at least <see cref="MinIntensity"/>.</summary>
    public ImmutableArray<Listening.Emotion> Emotions { get; init; } = [];

    /// <summary>0–1: the emotion score an emotion in <see cref="Emotions"/> needs; 0.5 (present) when unset.</summary>
    public double? MinIntensity { get; init; }

    /// <summary>The sentiment compound is at most this (-1…+1), e.g. -0.5 for clearly negative.</summary>
    public double? SentimentAtMost { get; init; }

    /// <summary>True: the customer is upset (see <see cref="RoutingSignals.IsUpset"/>); false: not upset.</summary>
    public bool? Upset { get; init; }

    /// <summary>True: at least one vulnerability cue; false: none.</summary>
    public bool? Vulnerable { get; init; }

    /// <summary>Any vulnerability cue of these FCA drivers.</summary>
    public ImmutableArray<Listening.VulnerabilityDriver> Drivers { get; init; } = [];

    /// <summary>Any vulnerability cue of these characteristics.</summary>
    public ImmutableArray<Listening.VulnerabilityCharacteristic> Characteristics { get; init; } = [];

    /// <summary>0–1: the confidence a vulnerability cue needs to count for this rule; any when unset.</summary>
    public double? MinVulnerabilityConfidence { get; init; }

    /// <summary>Urgency at least this level.</summary>
    public Listening.UrgencyLevel? UrgencyAtLeast { get; init; }

    /// <summary>0–1: effort score at least this.</summary>
    public double? EffortAtLeast { get; init; }

    /// <summary>True: the customer says they contacted before; false: they don't.</summary>
    public bool? RepeatContact { get; init; }

    /// <summary>0–1: churn score at least this (0.5 = at risk).</summary>
    public double? ChurnAtLeast { get; init; }

    /// <summary>The primary topic is any of these.</summary>
    public ImmutableArray<Listening.Topic> Topics { get; init; } = [];

    /// <summary>True: the customer asks to speak to a person; false: they don't.</summary>
    public bool? AsksForPerson { get; init; }

    /// <summary>The customer's region is any of these (case-insensitive).</summary>
    public ImmutableArray<string> Regions { get; init; } = [];

    /// <summary>The account's value (the organisation's own unit, e.g. yearly revenue) is at least this.</summary>
    public decimal? ValueAtLeast { get; init; }

    /// <summary>The account renews within this many days of now (0 = today); accounts without a renewal date never match.</summary>
    public int? RenewalWithinDays { get; init; }

    /// <summary>The account has at least this many open incidents.</summary>
    public int? OpenIncidentsAtLeast { get; init; }

    /// <summary>The customer has any of these recorded needs (case-insensitive), e.g. "large-print", "interpreter".</summary>
    public ImmutableArray<string> Needs { get; init; } = [];

    /// <summary>The message came in on any of these channels (case-insensitive): "email", "chat", "phone"…</summary>
    public ImmutableArray<string> Channels { get; init; } = [];

    /// <summary>True: now is within the policy's default calendar's open hours; false: outside them.</summary>
    public bool? BusinessHours { get; init; }
}
