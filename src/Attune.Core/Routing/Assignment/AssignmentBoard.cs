namespace Attune.Core.Routing.Assignment;

/// <summary>A conversation waiting for an agent.</summary>
/// <param name="ConversationId">The conversation's id.</param>
/// <param name="Desk">The desk routing chose.</param>
/// <param name="Channel">The channel ("chat", "email"…), for capacity.</param>
/// <param name="Language">The language the agent must answer in.</param>
/// <param name="NeedsTrainedAgent">True when only a vulnerability-trained agent may take it.</param>
/// <param name="Intensity">How heavy it is to carry (<see cref="LoadModel.Intensity"/>; 1 or more).</param>
/// <param name="Minutes">The expected handling time in minutes, for its load.</param>
public sealed record AssignmentRequest(string ConversationId, string Desk, string Channel, string Language, bool NeedsTrainedAgent, double Intensity, double Minutes)
{
    /// <summary>True when heavy (<see cref="LoadModel.IsHeavy"/>).</summary>
    public bool IsHeavy => LoadModel.IsHeavy(Intensity);
}

/// <summary>What a lead or an agent is told about wellbeing.</summary>
public enum WellbeingAlertKind
{
    /// <summary>The agent's load stayed above the break threshold: suggest a break.</summary>
    BreakSuggested,
    /// <summary>The agent's load stayed above the alert threshold: the lead is told.</summary>
    LeadAlert,
}

/// <summary>One wellbeing alert.</summary>
/// <param name="AgentId">The agent.</param>
/// <param name="Kind">What it is.</param>
/// <param name="At">When it was raised.</param>
/// <param name="Load">The agent's load then.</param>
public sealed record WellbeingAlert(string AgentId, WellbeingAlertKind Kind, DateTimeOffset At, double Load);

/// <summary>An agent's saved state, for hosts that keep the board between runs.</summary>
/// <param name="Load">The load (0 or more, units of <see cref="LoadModel"/>) at <paramref name="LoadAt"/>.</param>
/// <param name="LoadAt">When the load was last brought up to date.</param>
/// <param name="HeavyStreak">Heavy conversations taken in a row (0 or more).</param>
/// <param name="AboveBreakSince">Since when the load has been at or above the break threshold; null when below.</param>
/// <param name="AboveAlertSince">Since when the load has been at or above the alert threshold; null when below.</param>
/// <param name="BreakSuggested">True when a break was suggested and not yet taken.</param>
/// <param name="LeadAlerted">True when the lead was alerted for the current stretch.</param>
/// <param name="Active">Open conversations per channel (0 or more each).</param>
public sealed record AgentSnapshot(
    double Load,
    DateTimeOffset LoadAt,
    int HeavyStreak,
    DateTimeOffset? AboveBreakSince,
    DateTimeOffset? AboveAlertSince,
    bool BreakSuggested,
    bool LeadAlerted,
    IReadOnlyDictionary<string, int> Active);

/// <summary>One agent's live state on the board.</summary>
public sealed class AgentState
{
    private readonly Dictionary<string, int> _active = new(StringComparer.OrdinalIgnoreCase);
    private DateTimeOffset _loadAt;

    internal AgentState(Agent agent, int index, DateTimeOffset start)
    {
        Agent = agent;
        Index = index;
        Status = agent.Status;
        _loadAt = start;
    }

    /// <summary>The agent.</summary>
    public Agent Agent { get; }

    /// <summary>The agent's position on the board (0-based).</summary>
    public int Index { get; }

    /// <summary>The current status.</summary>
    public AgentStatus Status { get; internal set; }

    /// <summary>The load at the last update (units of <see cref="LoadModel"/>).</summary>
    public double Load { get; private set; }

    /// <summary>Heavy conversations taken in a row (0 to <see cref="LoadModel.MaxHeavyStreak"/>).</summary>
    public int HeavyStreak { get; private set; }

    /// <summary>The longest heavy streak so far.</summary>
    public int LongestHeavyStreak { get; private set; }

    /// <summary>The highest load so far.</summary>
    public double PeakLoad { get; private set; }

    /// <summary>Conversations taken so far.</summary>
    public int Taken { get; private set; }

    /// <summary>Since when the load has been at or above the break threshold; null when below.</summary>
    public DateTimeOffset? AboveBreakSince { get; private set; }

    /// <summary>Since when the load has been at or above the alert threshold; null when below.</summary>
    public DateTimeOffset? AboveAlertSince { get; private set; }

    /// <summary>True when a break was suggested and not yet taken; such an agent gets no new conversation.</summary>
    public bool BreakSuggested { get; internal set; }

    /// <summary>True when the lead was alerted for the current stretch above the alert threshold.</summary>
    public bool LeadAlerted { get; private set; }

    /// <summary>Conversations open now on <paramref name="channel"/>.</summary>
    public int Active(string channel) => _active.GetValueOrDefault(channel);

    /// <summary>Conversations open now on every channel.</summary>
    public int ActiveTotal
    {
        get
        {
            var total = 0;
            foreach (var n in _active.Values)
            {
                total += n;
            }
            return total;
        }
    }

    /// <summary>Brings the load up to <paramref name="now"/> (recovery), and raises alerts that fall due.</summary>
    internal void Advance(DateTimeOffset now, List<WellbeingAlert>? alerts)
    {
        if (now > _loadAt)
        {
            Load = LoadModel.Recover(Load, (now - _loadAt).TotalMinutes, Status == AgentStatus.Break);
            _loadAt = now;
        }
        Track(now, alerts);
    }

    internal void Take(AssignmentRequest request, DateTimeOffset now, List<WellbeingAlert>? alerts)
    {
        Advance(now, alerts);
        _active[request.Channel] = Active(request.Channel) + 1;
        Load += LoadModel.Cost(request.Intensity, request.Minutes);
        PeakLoad = Math.Max(PeakLoad, Load);
        HeavyStreak = request.IsHeavy ? HeavyStreak + 1 : 0;
        LongestHeavyStreak = Math.Max(LongestHeavyStreak, HeavyStreak);
        Taken++;
        Track(now, alerts);
    }

    /// <summary>Puts back a state saved earlier (a host that keeps agents between runs), as of <paramref name="snapshot"/>'s time.</summary>
    internal void Restore(AgentSnapshot snapshot)
    {
        Load = Math.Max(0, snapshot.Load);
        PeakLoad = Math.Max(PeakLoad, Load);
        _loadAt = snapshot.LoadAt;
        HeavyStreak = Math.Max(0, snapshot.HeavyStreak);
        AboveBreakSince = snapshot.AboveBreakSince;
        AboveAlertSince = snapshot.AboveAlertSince;
        BreakSuggested = snapshot.BreakSuggested;
        LeadAlerted = snapshot.LeadAlerted;
        _active.Clear();
        foreach (var (channel, n) in snapshot.Active)
        {
            _active[channel] = Math.Max(0, n);
        }
    }

    /// <summary>The state to save so that <see cref="AssignmentBoard.Restore"/> can put it back later.</summary>
    public AgentSnapshot Snapshot() =>
        new(Load, _loadAt, HeavyStreak, AboveBreakSince, AboveAlertSince, BreakSuggested, LeadAlerted, new Dictionary<string, int>(_active, StringComparer.OrdinalIgnoreCase));

    internal void Release(string channel)
    {
        var n = Active(channel);
        if (n <= 0)
        {
            throw new InvalidOperationException($"Agent '{Agent.Id}' has no open conversation on '{channel}' to release.");
        }
        _active[channel] = n - 1;
    }

    internal void StartBreak(DateTimeOffset now)
    {
        Advance(now, null);
        Status = AgentStatus.Break;
        BreakSuggested = false;
        HeavyStreak = 0;
    }

    private void Track(DateTimeOffset now, List<WellbeingAlert>? alerts)
    {
        if (Load >= LoadModel.BreakThreshold)
        {
            AboveBreakSince ??= now;
            if (!BreakSuggested && Status == AgentStatus.Available && (now - AboveBreakSince.Value).TotalMinutes >= LoadModel.SustainedMinutes)
            {
                BreakSuggested = true;
                alerts?.Add(new WellbeingAlert(Agent.Id, WellbeingAlertKind.BreakSuggested, now, Load));
            }
        }
        else
        {
            // Recovered without the break: nothing left to suggest.
            AboveBreakSince = null;
            BreakSuggested = false;
        }
        if (Load >= LoadModel.AlertThreshold)
        {
            AboveAlertSince ??= now;
            if (!LeadAlerted && (now - AboveAlertSince.Value).TotalMinutes >= LoadModel.SustainedMinutes)
            {
                LeadAlerted = true;
                alerts?.Add(new WellbeingAlert(Agent.Id, WellbeingAlertKind.LeadAlert, now, Load));
            }
        }
        else
        {
            AboveAlertSince = null;
            LeadAlerted = false;
        }
    }
}

/// <summary>Assigns conversations to agents so that people are protected: a vulnerable customer only ever goes to a
/// trained agent; no agent is given more than their capacity on a channel; no agent takes more than
/// <see cref="LoadModel.MaxHeavyStreak"/> heavy conversations in a row (the next goes elsewhere or waits, and they get
/// lighter work); an agent whose load stayed high is offered a break and gets nothing new until they take it or the
/// load falls; among the eligible, the lowest load relative to capacity wins. Deterministic; not thread-safe; pure
/// (the caller gives <c>now</c>, which must not go backwards).</summary>
public sealed class AssignmentBoard
{
    private readonly AgentState[] _agents;
    private readonly Dictionary<string, AgentState> _byId;

    /// <summary>Creates a board for <paramref name="agents"/> at <paramref name="start"/>.</summary>
    public AssignmentBoard(IEnumerable<Agent> agents, DateTimeOffset start)
    {
        ArgumentNullException.ThrowIfNull(agents);
        _agents = [.. agents.Select((a, i) => new AgentState(a, i, start))];
        _byId = new Dictionary<string, AgentState>(StringComparer.Ordinal);
        foreach (var state in _agents)
        {
            if (!_byId.TryAdd(state.Agent.Id, state))
            {
                throw new ArgumentException($"Agent id '{state.Agent.Id}' is used twice.", nameof(agents));
            }
        }
    }

    /// <summary>The agents' states, in the order given.</summary>
    public IReadOnlyList<AgentState> Agents => _agents;

    /// <summary>Alerts raised so far, oldest first.</summary>
    public List<WellbeingAlert> Alerts { get; } = [];

    /// <summary>The state of agent <paramref name="id"/>.</summary>
    public AgentState this[string id] => _byId[id];

    /// <summary>True when <paramref name="agent"/> may take <paramref name="request"/> at <paramref name="now"/>.</summary>
    public static bool IsEligible(AgentState agent, AssignmentRequest request, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(agent);
        ArgumentNullException.ThrowIfNull(request);
        var a = agent.Agent;
        return agent.Status == AgentStatus.Available
            && !agent.BreakSuggested
            && (!request.NeedsTrainedAgent || a.VulnerabilityTrained)
            && agent.Active(request.Channel) < a.CapacityFor(request.Channel)
            && !(request.IsHeavy && agent.HeavyStreak >= LoadModel.MaxHeavyStreak)
            && a.Works(request.Desk)
            && a.Speaks(request.Language)
            && a.OnShift(now);
    }

    /// <summary>Gives <paramref name="request"/> to the best eligible agent and returns them; null when nobody may take it
    /// now (it waits).</summary>
    public AgentState? TryAssign(AssignmentRequest request, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        AgentState? best = null;
        var bestScore = double.MaxValue;
        foreach (var agent in _agents)
        {
            if (!IsEligible(agent, request, now))
            {
                continue;
            }
            agent.Advance(now, Alerts);
            if (agent.BreakSuggested)
            {
                continue;
            }
            var capacity = agent.Agent.CapacityFor(request.Channel);
            // Load counts double for heavy work, so that heavy conversations go to the freshest people.
            var score = (agent.Load / LoadModel.BreakThreshold * (request.IsHeavy ? 2 : 1)) + ((double)agent.Active(request.Channel) / capacity);
            if (score < bestScore)
            {
                best = agent;
                bestScore = score;
            }
        }
        best?.Take(request, now, Alerts);
        return best;
    }

    /// <summary>Puts back agent <paramref name="agentId"/>'s saved state (load, streak, open conversations, alert stretch).</summary>
    public void Restore(string agentId, AgentSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        _byId[agentId].Restore(snapshot);
    }

    /// <summary>Ends a conversation agent <paramref name="agentId"/> had on <paramref name="channel"/>.</summary>
    public void Release(string agentId, string channel, DateTimeOffset now)
    {
        var agent = _byId[agentId];
        agent.Advance(now, Alerts);
        agent.Release(channel);
    }

    /// <summary>Starts a break for agent <paramref name="agentId"/>: they take nothing new and recover faster; their heavy streak ends.</summary>
    public void StartBreak(string agentId, DateTimeOffset now) => _byId[agentId].StartBreak(now);

    /// <summary>Sets agent <paramref name="agentId"/>'s status (ending a break, going away, coming back).</summary>
    public void SetStatus(string agentId, AgentStatus status, DateTimeOffset now)
    {
        var agent = _byId[agentId];
        agent.Advance(now, Alerts);
        if (status == AgentStatus.Break)
        {
            agent.StartBreak(now);
        }
        else
        {
            agent.Status = status;
        }
    }

    /// <summary>Brings every agent's load up to <paramref name="now"/> and raises the alerts that fall due.</summary>
    public void Advance(DateTimeOffset now)
    {
        foreach (var agent in _agents)
        {
            agent.Advance(now, Alerts);
        }
    }
}
