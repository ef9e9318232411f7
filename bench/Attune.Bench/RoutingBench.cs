using System.Collections.Immutable;
using System.Diagnostics;
using Attune.App.Routing;
using Attune.Core.Listening;
using Attune.Core.Routing;
using Attune.Core.Routing.Assignment;
using Attune.Core.Routing.SelfService;
using Attune.Core.Routing.Simulation;

namespace Attune.Bench;

/// <summary>`routing` mode: routing plus assignment per message, and the simulator replaying 100,000 conversations
/// with 50 agents, on one thread. Readings are pre-read: the traffic generator's distinct texts are each read once by
/// the Listener before timing, so the figures measure routing, not listening.</summary>
internal static class RoutingBench
{
    public static int Run(string[] args)
    {
        var conversations = 100_000;
        var messages = 200_000;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--conversations" when i + 1 < args.Length:
                    conversations = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture);
                    break;
                case "--messages" when i + 1 < args.Length:
                    messages = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture);
                    break;
                default:
                    Console.Error.WriteLine($"routing: unknown or incomplete option '{args[i]}' (--conversations N, --messages N)");
                    return 2;
            }
        }
        var knowledge = KnowledgeBase.Demo();
        var read = TrafficGenerator.Texts.ToDictionary(t => t, t => (Reading: Listener.Default.Read(t), Person: PersonRequest.Find(t), Answer: knowledge.Search(t)), StringComparer.Ordinal);
        var router = new PolicyRouter(PolicyYaml.Default(), knowledge);
        var team = Team();
        var monday = new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero);

        // 1. Route + assign one message at a time (each assignment released at once so capacity never runs out).
        var inputs = TrafficGenerator.Generate(4096, monday, 7, 1).Select(m =>
        {
            var r = read[m.Text];
            return (Input: new RoutingInput(r.Reading, m.Customer, m.Channel, m.CreatedAt, r.Person, 0, r.Answer), Intensity: LoadModel.Intensity(r.Reading));
        }).OrderBy(x => x.Input.Now).ToArray();
        var board = new AssignmentBoard(team, monday);
        var span = inputs[^1].Input.Now - inputs[0].Input.Now;
        long checksum = 0;
        for (var round = 0; round < 2; round++)
        {
            board = new AssignmentBoard(team, monday);
            var clock = Stopwatch.StartNew();
            var n = round == 0 ? Math.Min(20_000, messages) : messages;
            for (var i = 0; i < n; i++)
            {
                var (input, intensity) = inputs[i % inputs.Length];
                var now = input.Now + (span * (i / inputs.Length));
                var decision = router.Route(input with { Now = now });
                if (decision.Mode != HandlingMode.SelfService)
                {
                    var agent = board.TryAssign(new AssignmentRequest(input.Customer.Id, decision.Desk, input.Channel, "en", decision.NeedsTrainedAgent, intensity, 10), now);
                    if (agent is not null)
                    {
                        checksum += agent.Index;
                        board.Release(agent.Agent.Id, input.Channel, now);
                    }
                }
            }
            if (round == 1)
            {
                var us = clock.Elapsed.TotalMicroseconds / n;
                Console.WriteLine($"routing + assignment: {n:N0} messages, {us:0.00} us/message ({1e6 / us:N0}/s), 50 agents, default policy (checksum {checksum})");
            }
        }

        // 2. The simulator: a generated week, pre-read.
        var traffic = TrafficGenerator.Generate(conversations, monday, 7, 20261123).Select(m =>
        {
            var r = read[m.Text];
            return new SimConversation(m.Id, m.Customer, m.Channel, m.CreatedAt, r.Reading, r.Person, r.Answer);
        }).ToImmutableArray();
        Simulator.Run(router, team, [.. traffic.Take(5_000)]);
        var sim = Stopwatch.StartNew();
        var report = Simulator.Run(router, team, traffic);
        Console.WriteLine($"simulator: {conversations:N0} conversations over 7 days, {team.Length} agents, one thread: {sim.Elapsed.TotalSeconds:0.00} s "
            + $"(people {report.HumanHandled:N0}, self-service {report.SelfServed:N0}, waiting at end {report.Unassigned:N0}, SLA met {report.SlaMet:P1})");
        return 0;
    }

    /// <summary>50 agents on duty around the clock (no shifts), so the replay measures routing, not an empty night.</summary>
    private static ImmutableArray<Agent> Team()
    {
        Agent Make(string id, bool trained, params string[] desks) =>
            new(id, id, [.. desks], ["en"], trained, ImmutableDictionary<string, int>.Empty.Add("chat", 3).Add("email", 6).Add("phone", 1).Add("social", 3), []);
        return
        [
            .. Enumerable.Range(1, 12).Select(i => Make($"care-{i}", true, "Care", "Support")),
            .. Enumerable.Range(1, 8).Select(i => Make($"retention-{i}", false, "Retention", "Support")),
            .. Enumerable.Range(1, 24).Select(i => Make($"support-{i}", false, "Support", "Priority", "Help Centre")),
            .. Enumerable.Range(1, 6).Select(i => Make($"senior-{i}", true, "*")),
        ];
    }
}
