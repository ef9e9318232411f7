using System.Collections.Immutable;
using Attune.App.Routing;
using Attune.Core.Listening;
using Attune.Core.Routing;
using Attune.Core.Routing.SelfService;
using Attune.Core.Routing.Simulation;

namespace Attune.App.Features.Routing;

public sealed record PolicyProblem(int Line, int Column, string Field, string Message);

public sealed record PolicyValidation(bool Valid, string? Name, string? Version, IReadOnlyList<PolicyProblem> Problems);

public sealed record SimulationRequest(string? Policy, string Agents, int Generate = 1000, int Days = 1, ulong Seed = 20261123);

public sealed record SegmentSummary(string Segment, int Count, int Handled, double WaitP50Minutes, double WaitP90Minutes, double SlaMet);

public sealed record AgentSummary(string Id, string Name, int Conversations, double PeakLoad, double AverageLoad, int LongestHeavyStreak, int Breaks, int LeadAlerts);

public sealed record SimulationSummary(
    string Policy,
    string Version,
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
    IReadOnlyList<SegmentSummary> Segments,
    IReadOnlyList<AgentSummary> Agents);

/// <summary>View, validate and simulate routing policies before anyone activates one (issue 5). Stateless: the
/// policy text comes with the request; the built-in default is the active policy until activation is stored.</summary>
public static class PolicyPreview
{
    public const int MaxGenerated = 20_000;

    public static PolicyValidation Validate(string yaml)
    {
        var (policy, problems) = PolicyYaml.Check(yaml ?? "");
        return new PolicyValidation(policy is not null, policy?.Name, policy?.Version,
            [.. problems.Select(p => new PolicyProblem(p.Line, p.Column, p.Field, p.Message))]);
    }

    /// <summary>Replays generated traffic under the policy (or the default) with the given agents; null plus the
    /// problems when the policy or the agents are not valid.</summary>
    public static (SimulationSummary? Summary, IReadOnlyList<PolicyProblem> Problems) Simulate(SimulationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Generate is < 0 or > MaxGenerated || request.Days is < 1 or > 31)
        {
            return (null, [new PolicyProblem(0, 0, "generate", $"generate takes 0 to {MaxGenerated:N0} conversations and days 1 to 31")]);
        }
        RoutingPolicy policy;
        if (string.IsNullOrWhiteSpace(request.Policy))
        {
            policy = PolicyYaml.Default();
        }
        else
        {
            var (parsed, problems) = PolicyYaml.Check(request.Policy);
            if (parsed is null)
            {
                return (null, [.. problems.Select(p => new PolicyProblem(p.Line, p.Column, "policy." + p.Field, p.Message))]);
            }
            policy = parsed;
        }
        ImmutableArray<Core.Routing.Assignment.Agent> agents;
        try
        {
            agents = AgentsFile.Parse(request.Agents ?? "", "agents");
        }
        catch (YamlFileException e)
        {
            return (null, [.. e.Problems.Select(p => new PolicyProblem(p.Line, p.Column, "agents." + p.Field, p.Message))]);
        }
        var knowledge = KnowledgeBase.Demo();
        var read = new Dictionary<string, (Reading Reading, Evidence? Person, SelfServiceAnswer Answer)>(StringComparer.Ordinal);
        var start = new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero);
        var traffic = TrafficGenerator.Generate(request.Generate, start, request.Days, request.Seed).Select(m =>
        {
            if (!read.TryGetValue(m.Text, out var r))
            {
                read[m.Text] = r = (Listener.Default.Read(m.Text), PersonRequest.Find(m.Text), knowledge.Search(m.Text));
            }
            return new SimConversation(m.Id, m.Customer, m.Channel, m.CreatedAt, r.Reading, r.Person, r.Answer);
        }).ToList();
        return (Summarize(Simulator.Run(new PolicyRouter(policy), agents, traffic)), []);
    }

    /// <summary>The report as the API shows it: segments by lower-case name, agents without their load samples.</summary>
    public static SimulationSummary Summarize(SimulationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new SimulationSummary(
            report.PolicyName,
            report.PolicyVersion,
            report.Conversations,
            report.HumanHandled,
            report.Specialist,
            report.SelfServed,
            report.Handoffs,
            report.Escalated,
            report.Unassigned,
            report.SlaMet,
            report.Vulnerable,
            report.VulnerableByTrained,
            report.VulnerableToSelfService,
            [.. report.Segments.Select(s => new SegmentSummary(s.Segment.ToString().ToLowerInvariant(), s.Count, s.Handled, s.WaitP50, s.WaitP90, s.SlaMet))],
            [.. report.Agents.Select(a => new AgentSummary(a.Id, a.Name, a.Conversations, a.PeakLoad, a.AverageLoad, a.LongestHeavyStreak, a.Breaks, a.LeadAlerts))]);
    }
}
