using System.Collections.Immutable;
using Attune.Core.Listening;
using Attune.Core.Routing.Assignment;

namespace Attune.Core.Routing.Simulation;

/// <summary>Replays read traffic against one policy and a set of agents, as a discrete-event simulation: arrivals are
/// routed, self-service answers are given at once, the rest wait in priority order (then arrival) for an agent on the
/// <see cref="AssignmentBoard"/>; agents take a suggested break as soon as they are free. Pure and deterministic: the
/// same traffic, agents and policy give the same report.</summary>
public static class Simulator
{
    /// <summary>Minutes between load samples (the load chart's resolution).</summary>
    public const int SampleMinutes = 10;

    /// <summary>How long after the last arrival the replay goes on serving the queue.</summary>
    public static readonly TimeSpan Drain = TimeSpan.FromDays(3);

    // Entries scanned per dispatch: bounds the work when a policy lets the queue grow long.
    private const int MaxScan = 256;

    /// <summary>Estimated minutes a person spends on a conversation: a base per channel (chat 12, phone 15, email 10,
    /// social 8, other 10), 15% longer per unit of intensity above calm.</summary>
    public static double EstimateMinutes(string channel, double intensity)
    {
        ArgumentNullException.ThrowIfNull(channel);
        var baseMinutes = channel.ToLowerInvariant() switch
        {
            "chat" => 12.0,
            "phone" => 15.0,
            "email" => 10.0,
            "social" => 8.0,
            _ => 10.0,
        };
        return baseMinutes * (1 + (0.15 * (intensity - 1)));
    }

    /// <summary>The segment a reading belongs to.</summary>
    public static Segment SegmentOf(Reading reading)
    {
        ArgumentNullException.ThrowIfNull(reading);
        return reading.IsVulnerable ? Segment.Vulnerable
            : reading.Urgency.Level >= UrgencyLevel.High ? Segment.Urgent
            : reading.Churn.IsAtRisk ? Segment.Churn
            : Segment.Routine;
    }

    /// <summary>Replays <paramref name="traffic"/> (any order; replayed by arrival time, then list order) under
    /// <paramref name="router"/>'s policy with <paramref name="agents"/>.</summary>
    public static SimulationReport Run(PolicyRouter router, IReadOnlyList<Agent> agents, IReadOnlyList<SimConversation> traffic)
    {
        ArgumentNullException.ThrowIfNull(router);
        ArgumentNullException.ThrowIfNull(agents);
        ArgumentNullException.ThrowIfNull(traffic);
        var order = new int[traffic.Count];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }
        Array.Sort(order, (a, b) =>
        {
            var c = traffic[a].CreatedAt.CompareTo(traffic[b].CreatedAt);
            return c != 0 ? c : a.CompareTo(b);
        });
        var start = traffic.Count == 0 ? DateTimeOffset.UnixEpoch : traffic[order[0]].CreatedAt;
        start = new DateTimeOffset(start.UtcDateTime.Date, TimeSpan.Zero);
        var run = new Replay(router, agents, traffic, start);
        run.Execute(order);
        return run.Report();
    }

    private sealed class Replay
    {
        private readonly PolicyRouter _router;
        private readonly IReadOnlyList<SimConversation> _traffic;
        private readonly AssignmentBoard _board;
        private readonly DateTimeOffset _start;
        private readonly PriorityQueue<(int Kind, int A, int B), (long Ticks, long Seq)> _events = new();
        // Waiting conversations in four queues by (heavy, needs a trained agent), each in priority-then-arrival order,
        // so that a capped or untrained agent can always reach the work they may take within the scan bound.
        private readonly SortedSet<(int Priority, long Ticks, int Index)>[] _queues = [new(), new(), new(), new()];
        private readonly HashSet<string> _freeChannels = new(StringComparer.OrdinalIgnoreCase);
        private int _waitingCount;
        private readonly RoutingDecision?[] _decisions;
        private readonly AssignmentRequest?[] _requests;
        private readonly double[] _wait;
        private readonly bool[] _met;
        private readonly DateTimeOffset[] _riskAt;
        private readonly bool[] _selfServed;
        private readonly int[] _agentOf;
        private readonly List<double>[] _samples;
        private readonly int[] _breaks;
        private readonly ImmutableArray<SimAssignment>.Builder _assignments = ImmutableArray.CreateBuilder<SimAssignment>();
        private readonly List<(int Priority, long Ticks, int Index)> _taken = [];
        private readonly HashSet<string> _knownChannels = new(StringComparer.OrdinalIgnoreCase);
        private long _seq;
        private int _open;
        private int _handoffs;

        public Replay(PolicyRouter router, IReadOnlyList<Agent> agents, IReadOnlyList<SimConversation> traffic, DateTimeOffset start)
        {
            _router = router;
            _traffic = traffic;
            _start = start;
            _board = new AssignmentBoard(agents, start);
            _decisions = new RoutingDecision?[traffic.Count];
            _requests = new AssignmentRequest?[traffic.Count];
            _wait = new double[traffic.Count];
            _met = new bool[traffic.Count];
            _riskAt = new DateTimeOffset[traffic.Count];
            _selfServed = new bool[traffic.Count];
            _agentOf = new int[traffic.Count];
            Array.Fill(_agentOf, -1);
            _samples = [.. agents.Select(_ => new List<double>())];
            _breaks = new int[agents.Count];
        }

        public void Execute(int[] order)
        {
            var next = 0;
            var sample = _start;
            var end = order.Length == 0 ? _start : _traffic[order[^1]].CreatedAt + Drain;
            while (true)
            {
                var arrival = next < order.Length ? _traffic[order[next]].CreatedAt : DateTimeOffset.MaxValue;
                var hasEvent = _events.TryPeek(out _, out var top);
                var eventAt = hasEvent ? new DateTimeOffset(top.Ticks, TimeSpan.Zero) : DateTimeOffset.MaxValue;
                if (next >= order.Length && _open == 0 && _waitingCount == 0)
                {
                    break;
                }
                if (Min(Min(arrival, eventAt), sample) > end)
                {
                    break;
                }
                if (sample <= arrival && sample <= eventAt)
                {
                    Sample(sample);
                    sample = sample.AddMinutes(SampleMinutes);
                    continue;
                }
                if (eventAt <= arrival)
                {
                    var (kind, a, b) = _events.Dequeue();
                    if (kind == 1)
                    {
                        Finish(a, b, eventAt);
                    }
                    else
                    {
                        _board.SetStatus(_board.Agents[a].Agent.Id, AgentStatus.Available, eventAt);
                        Dispatch(eventAt);
                    }
                    continue;
                }
                Arrive(order[next++]);
            }
        }

        private void Arrive(int index)
        {
            var conversation = _traffic[index];
            var now = conversation.CreatedAt;
            _knownChannels.Add(conversation.Channel);
            var decision = _router.Route(new RoutingInput(
                conversation.Reading,
                conversation.Customer,
                conversation.Channel,
                now,
                conversation.PersonRequest,
                0,
                conversation.Answer ?? new SelfService.SelfServiceAnswer([])));
            _decisions[index] = decision;
            if (!decision.Guarantees.IsEmpty)
            {
                _handoffs++;
            }
            if (decision.Mode == HandlingMode.SelfService)
            {
                _selfServed[index] = true;
                _met[index] = true;
                return;
            }
            _riskAt[index] = _router.Policy.Calendars[decision.Sla.Calendar].AddBusinessTime(now, decision.Sla.FirstReply * SlaClock.AtRiskShare);
            var intensity = LoadModel.Intensity(conversation.Reading);
            var minutes = conversation.HandleMinutes ?? EstimateMinutes(conversation.Channel, intensity);
            _requests[index] = new AssignmentRequest(conversation.Id, decision.Desk, conversation.Channel, conversation.Customer.Language, decision.NeedsTrainedAgent, intensity, minutes);
            _queues[Queue(_requests[index]!)].Add((-(int)decision.Priority, now.UtcTicks, index));
            _waitingCount++;
            Dispatch(now);
        }

        private static int Queue(AssignmentRequest request) => (request.IsHeavy ? 2 : 0) + (request.NeedsTrainedAgent ? 1 : 0);

        private void Dispatch(DateTimeOffset now)
        {
            if (_waitingCount == 0 || !FindFreeChannels(now))
            {
                return;
            }
            _taken.Clear();
            var cursors = new IEnumerator<(int Priority, long Ticks, int Index)>[_queues.Length];
            var heads = new (int Priority, long Ticks, int Index)?[_queues.Length];
            var scanned = new int[_queues.Length];
            for (var q = 0; q < _queues.Length; q++)
            {
                cursors[q] = _queues[q].GetEnumerator();
                heads[q] = cursors[q].MoveNext() ? cursors[q].Current : null;
            }
            while (true)
            {
                // The next entry across the queues in priority-then-arrival order.
                var best = -1;
                for (var q = 0; q < _queues.Length; q++)
                {
                    if (heads[q] is { } h && (best < 0 || h.CompareTo(heads[best]!.Value) < 0))
                    {
                        best = q;
                    }
                }
                if (best < 0)
                {
                    break;
                }
                var entry = heads[best]!.Value;
                heads[best] = ++scanned[best] < MaxScan && cursors[best].MoveNext() ? cursors[best].Current : null;
                var request = _requests[entry.Index]!;
                if (!_freeChannels.Contains(request.Channel))
                {
                    continue;
                }
                var agent = _board.TryAssign(request, now);
                if (agent is null)
                {
                    continue;
                }
                _taken.Add(entry);
                var conversation = _traffic[entry.Index];
                _agentOf[entry.Index] = agent.Index;
                _wait[entry.Index] = (now - conversation.CreatedAt).TotalMinutes;
                _met[entry.Index] = now <= _decisions[entry.Index]!.FirstReplyDue;
                var done = now.AddMinutes(request.Minutes);
                _assignments.Add(new SimAssignment(conversation.Id, agent.Agent.Id, request.Channel, now, done, request.IsHeavy, request.NeedsTrainedAgent));
                _events.Enqueue((1, agent.Index, entry.Index), (done.UtcTicks, _seq++));
                _open++;
                if (!FindFreeChannels(now))
                {
                    break;
                }
            }
            foreach (var entry in _taken)
            {
                _queues[Queue(_requests[entry.Index]!)].Remove(entry);
                _waitingCount--;
            }
        }

        /// <summary>Collects the channels on which some agent could take work now; false when there are none.</summary>
        private bool FindFreeChannels(DateTimeOffset now)
        {
            _freeChannels.Clear();
            foreach (var agent in _board.Agents)
            {
                if (agent.Status != AgentStatus.Available || agent.BreakSuggested || !agent.Agent.OnShift(now))
                {
                    continue;
                }
                foreach (var (channel, capacity) in agent.Agent.Capacity)
                {
                    if (channel == "*")
                    {
                        if (capacity > agent.ActiveTotal)
                        {
                            foreach (var c in _knownChannels)
                            {
                                _freeChannels.Add(c);
                            }
                        }
                    }
                    else if (agent.Active(channel) < capacity)
                    {
                        _freeChannels.Add(channel);
                    }
                }
            }
            return _freeChannels.Count > 0;
        }

        private void Finish(int agentIndex, int conversation, DateTimeOffset now)
        {
            _open--;
            var agent = _board.Agents[agentIndex];
            _board.Release(agent.Agent.Id, _traffic[conversation].Channel, now);
            TakeBreakIfDue(agent, now);
            Dispatch(now);
        }

        private void TakeBreakIfDue(AgentState agent, DateTimeOffset now)
        {
            if (agent.BreakSuggested && agent.Status == AgentStatus.Available && agent.ActiveTotal == 0)
            {
                _board.StartBreak(agent.Agent.Id, now);
                _breaks[agent.Index]++;
                _events.Enqueue((2, agent.Index, 0), (now.AddMinutes(LoadModel.BreakMinutes).UtcTicks, _seq++));
            }
        }

        private void Sample(DateTimeOffset now)
        {
            _board.Advance(now);
            foreach (var agent in _board.Agents)
            {
                _samples[agent.Index].Add(agent.Load);
                TakeBreakIfDue(agent, now);
            }
            Dispatch(now);
        }

        public SimulationReport Report()
        {
            var policy = _router.Policy;
            var waits = new List<double>[4];
            var counts = new int[4];
            var met = new int[4];
            for (var s = 0; s < 4; s++)
            {
                waits[s] = [];
            }
            int human = 0, specialist = 0, escalated = 0, self = 0, unassigned = 0, slaMet = 0, vulnerable = 0, byTrained = 0, vulnerableSelf = 0;
            for (var i = 0; i < _traffic.Count; i++)
            {
                var reading = _traffic[i].Reading;
                var segment = (int)SegmentOf(reading);
                counts[segment]++;
                if (_met[i])
                {
                    met[segment]++;
                    slaMet++;
                }
                if (_selfServed[i])
                {
                    self++;
                }
                else if (_agentOf[i] >= 0)
                {
                    human++;
                    if (Start(i) >= _riskAt[i])
                    {
                        escalated++;
                    }
                    if (_decisions[i]!.Mode == HandlingMode.Specialist)
                    {
                        specialist++;
                    }
                    waits[segment].Add(_wait[i]);
                }
                else
                {
                    unassigned++;
                    escalated++;
                }
                if (reading.IsVulnerable)
                {
                    vulnerable++;
                    if (_selfServed[i])
                    {
                        vulnerableSelf++;
                    }
                    else if (_agentOf[i] >= 0 && _board.Agents[_agentOf[i]].Agent.VulnerabilityTrained)
                    {
                        byTrained++;
                    }
                }
            }
            var segments = ImmutableArray.CreateBuilder<SegmentReport>(4);
            for (var s = 0; s < 4; s++)
            {
                waits[s].Sort();
                segments.Add(new SegmentReport((Segment)s, counts[s], waits[s].Count, Percentile(waits[s], 0.5), Percentile(waits[s], 0.9), counts[s] == 0 ? 1 : (double)met[s] / counts[s]));
            }
            var alerts = _board.Alerts;
            var agents = _board.Agents.Select(a => new AgentReport(
                a.Agent.Id,
                a.Agent.Name,
                a.Taken,
                a.PeakLoad,
                _samples[a.Index].Count == 0 ? 0 : _samples[a.Index].Average(),
                a.LongestHeavyStreak,
                _breaks[a.Index],
                alerts.Count(x => x.AgentId == a.Agent.Id && x.Kind == WellbeingAlertKind.LeadAlert),
                [.. _samples[a.Index]])).ToImmutableArray();
            return new SimulationReport(
                policy.Name,
                policy.Version,
                _traffic.Count,
                human,
                specialist,
                self,
                _handoffs,
                escalated,
                unassigned,
                _traffic.Count == 0 ? 1 : (double)slaMet / _traffic.Count,
                vulnerable,
                byTrained,
                vulnerableSelf,
                segments.MoveToImmutable(),
                agents,
                _start,
                TimeSpan.FromMinutes(SampleMinutes),
                _assignments.ToImmutable(),
                [.. alerts]);
        }

        private DateTimeOffset Start(int index) => _traffic[index].CreatedAt.AddMinutes(_wait[index]);

        private static double Percentile(List<double> sorted, double p)
        {
            if (sorted.Count == 0)
            {
                return 0;
            }
            var rank = (int)Math.Ceiling(p * sorted.Count) - 1;
            return sorted[Math.Clamp(rank, 0, sorted.Count - 1)];
        }

        private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
    }
}
