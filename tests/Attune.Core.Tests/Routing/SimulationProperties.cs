using System.Collections.Immutable;
using Attune.Core.Listening;
using Attune.Core.Routing;
using Attune.Core.Routing.Assignment;
using Attune.Core.Routing.SelfService;
using Attune.Core.Routing.Simulation;
using FsCheck.Xunit;

namespace Attune.Core.Tests.Routing;

/// <summary>The assignment guarantees as properties over random traffic and random teams.</summary>
public class SimulationProperties
{
    private static readonly Lazy<Dictionary<string, (Reading Reading, Evidence? Person, SelfServiceAnswer Answer)>> Read = new(() =>
    {
        var kb = KnowledgeBase.Demo();
        return TrafficGenerator.Texts.ToDictionary(t => t, t => (Listener.Default.Read(t), PersonRequest.Find(t), kb.Search(t)), StringComparer.Ordinal);
    });

    private static readonly PolicyRouter Router = new(TestPolicies.Default());

    internal static ImmutableArray<SimConversation> Traffic(int count, ulong seed, int days = 1) =>
    [
        .. TrafficGenerator.Generate(count, TestPolicies.Monday9.AddHours(-9), days, seed).Select(m =>
        {
            var r = Read.Value[m.Text];
            return new SimConversation(m.Id, m.Customer, m.Channel, m.CreatedAt, r.Reading, r.Person, r.Answer);
        }),
    ];

    private static ImmutableArray<Agent> Team(ulong seed)
    {
        var random = new SplitMix64(seed ^ 0xABCDEF);
        var count = 1 + random.Next(6);
        return
        [
            .. Enumerable.Range(0, count).Select(i => new Agent(
                $"a{i}",
                $"Agent {i}",
                random.Next(3) == 0 ? ["*"] : ["Support", "Care", "Retention", "Priority"],
                ["en"],
                random.Next(2) == 0,
                ImmutableDictionary<string, int>.Empty.Add("chat", 1 + random.Next(3)).Add("*", 1 + random.Next(4)),
                [])),
        ];
    }

    private static (ImmutableArray<SimConversation> Traffic, ImmutableArray<Agent> Team, SimulationReport Report) Replay(ulong seed)
    {
        var traffic = Traffic(150 + (int)(seed % 150), seed);
        var team = Team(seed);
        return (traffic, team, Simulator.Run(Router, team, traffic));
    }

    [Property(MaxTest = 40)]
    public bool VulnerableCustomers_OnlyReachTrainedAgents_NeverSelfService(ulong seed)
    {
        var (traffic, team, report) = Replay(seed);
        var vulnerable = traffic.Where(c => c.Reading.IsVulnerable).Select(c => c.Id).ToHashSet();
        var trained = team.Where(a => a.VulnerabilityTrained).Select(a => a.Id).ToHashSet();
        return report.VulnerableToSelfService == 0
            && report.Assignments.Where(a => vulnerable.Contains(a.ConversationId)).All(a => trained.Contains(a.AgentId))
            && report.Assignments.Count(a => vulnerable.Contains(a.ConversationId)) == report.VulnerableByTrained;
    }

    [Property(MaxTest = 40)]
    public bool NoAgent_IsEverAboveCapacity(ulong seed)
    {
        var (_, team, report) = Replay(seed);
        foreach (var agent in team)
        {
            foreach (var group in report.Assignments.Where(a => a.AgentId == agent.Id).GroupBy(a => a.Channel))
            {
                // Sweep: at equal times an end comes before a start (a finished conversation frees its slot first).
                var events = group.SelectMany(a => new[] { (a.Start, +1), (a.End, -1) }).OrderBy(e => e.Item1).ThenBy(e => e.Item2);
                var open = 0;
                foreach (var (_, delta) in events)
                {
                    open += delta;
                    if (open > agent.CapacityFor(group.Key))
                    {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    [Property(MaxTest = 40)]
    public bool HeavyStreakCap_Holds(ulong seed)
    {
        var (_, _, report) = Replay(seed);
        foreach (var agent in report.Agents)
        {
            if (agent.LongestHeavyStreak > LoadModel.MaxHeavyStreak)
            {
                return false;
            }
            if (agent.Breaks == 0)
            {
                var run = 0;
                foreach (var a in report.Assignments.Where(a => a.AgentId == agent.Id))
                {
                    run = a.Heavy ? run + 1 : 0;
                    if (run > LoadModel.MaxHeavyStreak)
                    {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    [Property(MaxTest = 40)]
    public bool EveryConversation_IsAccountedFor(ulong seed)
    {
        var (traffic, _, report) = Replay(seed);
        return report.HumanHandled + report.SelfServed + report.Unassigned == traffic.Length
            && report.Assignments.Length == report.HumanHandled
            && report.Assignments.Select(a => a.ConversationId).Distinct().Count() == report.HumanHandled;
    }

    [Fact]
    public void SameInputs_GiveTheSameReport()
    {
        var traffic = Traffic(2000, 7, days: 7);
        var team = Team(3).Concat(Team(11).Select(a => a with { Id = a.Id + "b" })).ToImmutableArray();
        var a = Simulator.Run(Router, team, traffic);
        var b = Simulator.Run(Router, team, [.. traffic]);
        Assert.Equal(a.Assignments, b.Assignments);
        Assert.Equal(a.Segments, b.Segments);
        Assert.Equal(a.Agents.Select(x => (x.PeakLoad, x.AverageLoad, x.Breaks)), b.Agents.Select(x => (x.PeakLoad, x.AverageLoad, x.Breaks)));
        Assert.Equal(a.Alerts, b.Alerts);
    }

    [Fact]
    public void TrafficGenerator_IsDeterministic()
    {
        var start = TestPolicies.Monday9;
        Assert.Equal(TrafficGenerator.Generate(500, start, 7, 42), TrafficGenerator.Generate(500, start, 7, 42));
        Assert.NotEqual(TrafficGenerator.Generate(50, start, 7, 42), TrafficGenerator.Generate(50, start, 7, 43));
    }
}
