using System.Collections.Immutable;
using Attune.Core.Routing.SelfService;

namespace Attune.Core.Routing;

/// <summary>Where a conversation goes, how fast, and why.</summary>
/// <param name="Desk">The desk's name.</param>
/// <param name="Priority">The place in the queue.</param>
/// <param name="Mode">Self-service, a person, or a specialist.</param>
/// <param name="Sla">The SLA targets that apply.</param>
/// <param name="FirstReplyDue">When the first reply is due (business time on the SLA's calendar from <see cref="RoutingInput.Now"/>).</param>
/// <param name="ResolutionDue">When resolution is due.</param>
/// <param name="Playbook">The playbook to show the agent; null for none.</param>
/// <param name="Explanation">One plain sentence: "Care desk: bereavement cue 'passed away' (life event)".</param>
/// <param name="RuleId">The id of the rule that decided; "fallback" when none matched.</param>
/// <param name="PolicyVersion">The version of the policy that decided.</param>
/// <param name="NeedsTrainedAgent">True when only an agent trained for vulnerable customers may take it.</param>
/// <param name="Guarantees">The guarantees that changed the rule's outcome ("vulnerable customers reach a person"…); empty when none did.</param>
/// <param name="Answer">The self-service answer, with the handoff to a person, when <see cref="Mode"/> is self-service.</param>
public sealed record RoutingDecision(
    string Desk,
    Priority Priority,
    HandlingMode Mode,
    SlaTargets Sla,
    DateTimeOffset FirstReplyDue,
    DateTimeOffset ResolutionDue,
    string? Playbook,
    string Explanation,
    string RuleId,
    string PolicyVersion,
    bool NeedsTrainedAgent,
    ImmutableArray<string> Guarantees,
    SelfServiceAnswer? Answer);
