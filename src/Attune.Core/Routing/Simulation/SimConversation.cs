using System.Collections.Immutable;
using Attune.Core.Listening;
using Attune.Core.Routing.SelfService;

namespace Attune.Core.Routing.Simulation;

/// <summary>One conversation of simulated traffic, already read: the listening engine runs once per message before
/// the replay, so replaying under several policies reads nothing twice.</summary>
/// <param name="Id">The conversation's id.</param>
/// <param name="Customer">The customer and account.</param>
/// <param name="Channel">The channel ("chat", "email", "phone", "social"…).</param>
/// <param name="CreatedAt">When the customer wrote.</param>
/// <param name="Reading">The reading of the customer's message.</param>
/// <param name="PersonRequest">The words asking for a person, or null.</param>
/// <param name="Answer">The knowledge-base answer for the message (searched once before the replay); null when there is
/// none, and then a self-service decision hands the customer to a person.</param>
/// <param name="HandleMinutes">How long a person takes to handle it, when known; null to estimate from channel and reading.</param>
public sealed record SimConversation(
    string Id,
    CustomerContext Customer,
    string Channel,
    DateTimeOffset CreatedAt,
    Reading Reading,
    Evidence? PersonRequest,
    SelfServiceAnswer? Answer,
    double? HandleMinutes = null);

/// <summary>The segments waits are reported by; a conversation belongs to the first that applies, in this order.</summary>
public enum Segment
{
    /// <summary>At least one vulnerability cue.</summary>
    Vulnerable,
    /// <summary>High or critical urgency.</summary>
    Urgent,
    /// <summary>Churn risk (score ≥ 0.5).</summary>
    Churn,
    /// <summary>Everything else.</summary>
    Routine,
}

/// <summary>Waits of one segment, for the conversations people handled.</summary>
/// <param name="Segment">The segment.</param>
/// <param name="Count">Conversations in the segment (all modes).</param>
/// <param name="Handled">Of those, handled by a person.</param>
/// <param name="WaitP50">Median wait for a person, in minutes (0 when none).</param>
/// <param name="WaitP90">90th-percentile wait, in minutes.</param>
/// <param name="SlaMet">Share (0–1) of the segment's conversations whose first reply came in time (self-service counts as met).</param>
public sealed record SegmentReport(Segment Segment, int Count, int Handled, double WaitP50, double WaitP90, double SlaMet);

/// <summary>One agent over the simulated period.</summary>
/// <param name="Id">The agent's id.</param>
/// <param name="Name">The agent's name.</param>
/// <param name="Conversations">Conversations taken.</param>
/// <param name="PeakLoad">The highest load reached (load units).</param>
/// <param name="AverageLoad">The mean of the load samples over the period.</param>
/// <param name="LongestHeavyStreak">The most heavy conversations taken in a row.</param>
/// <param name="Breaks">Suggested breaks taken.</param>
/// <param name="LeadAlerts">Times the lead was alerted about this agent.</param>
/// <param name="Load">The load sampled every <see cref="SimulationReport.SampleEvery"/> from <see cref="SimulationReport.Start"/>.</param>
public sealed record AgentReport(string Id, string Name, int Conversations, double PeakLoad, double AverageLoad, int LongestHeavyStreak, int Breaks, int LeadAlerts, ImmutableArray<double> Load);

/// <summary>One assignment made in the replay, for audits and tests.</summary>
/// <param name="ConversationId">The conversation.</param>
/// <param name="AgentId">The agent.</param>
/// <param name="Channel">The channel.</param>
/// <param name="Start">When the agent took it.</param>
/// <param name="End">When the agent finished it.</param>
/// <param name="Heavy">True when it was heavy.</param>
/// <param name="NeedsTrainedAgent">True when only a trained agent could take it.</param>
public sealed record SimAssignment(string ConversationId, string AgentId, string Channel, DateTimeOffset Start, DateTimeOffset End, bool Heavy, bool NeedsTrainedAgent);

/// <summary>What a policy did to one replay of traffic.</summary>
/// <param name="PolicyName">The policy's name.</param>
/// <param name="PolicyVersion">The policy's version.</param>
/// <param name="Conversations">Conversations replayed.</param>
/// <param name="HumanHandled">Handled by a person.</param>
/// <param name="Specialist">Of those handled by a person, how many on a specialist desk (Care, Retention…).</param>
/// <param name="SelfServed">Answered by self-service (always with the handoff offered).</param>
/// <param name="Handoffs">Sent to self-service by a rule but handed to a person by a guarantee or for want of an answer.</param>
/// <param name="Escalated">Conversations whose first reply reached the at-risk point (<see cref="SlaClock.AtRiskShare"/> of
/// the target) before a person took them: the SLA job would have escalated them to the lead.</param>
/// <param name="Unassigned">Still waiting when the replay ended (3 days after the last arrival).</param>
/// <param name="SlaMet">Share (0–1) of conversations whose first reply came in time.</param>
/// <param name="Vulnerable">Conversations with a vulnerability cue.</param>
/// <param name="VulnerableByTrained">Of those, handled by a vulnerability-trained person.</param>
/// <param name="VulnerableToSelfService">Of those, sent to self-service (always 0: the guarantee).</param>
/// <param name="Segments">Waits by segment, in the order of <see cref="Segment"/>.</param>
/// <param name="Agents">Each agent, in the order given.</param>
/// <param name="Start">The start of the load samples.</param>
/// <param name="SampleEvery">The time between load samples.</param>
/// <param name="Assignments">Every assignment, in the order made.</param>
/// <param name="Alerts">Every wellbeing alert, in the order raised.</param>
public sealed record SimulationReport(
    string PolicyName,
    string PolicyVersion,
    int Conversations,
    int HumanHandled,
    int Specialist,
    int SelfServed,
    int Handoffs,
    int Escalated,
    int Unassigned,
    double SlaMet,
    int Vulnerable,
    int VulnerableByTrained,
    int VulnerableToSelfService,
    ImmutableArray<SegmentReport> Segments,
    ImmutableArray<AgentReport> Agents,
    DateTimeOffset Start,
    TimeSpan SampleEvery,
    ImmutableArray<SimAssignment> Assignments,
    ImmutableArray<Assignment.WellbeingAlert> Alerts);
