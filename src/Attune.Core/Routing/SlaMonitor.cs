using System.Collections.Immutable;

namespace Attune.Core.Routing;

/// <summary>One open conversation a background job watches.</summary>
/// <param name="ConversationId">The conversation's id.</param>
/// <param name="Timer">Its SLA facts.</param>
/// <param name="Sla">The SLA targets its routing decision chose.</param>
/// <param name="AlreadyEscalated">True when it was escalated before (the lead is not told twice).</param>
public sealed record WatchedConversation(string ConversationId, SlaTimer Timer, SlaTargets Sla, bool AlreadyEscalated);

/// <summary>What the job must do for one conversation.</summary>
public enum SlaActionKind
{
    /// <summary>A target is at risk or breached: escalate and tell the lead.</summary>
    Escalate,
    /// <summary>The customer waits on a long fix and the update cadence has passed: send a status update.</summary>
    SendUpdate,
}

/// <summary>One action for a conversation.</summary>
/// <param name="ConversationId">The conversation.</param>
/// <param name="Kind">What to do.</param>
/// <param name="Reason">A plain reason: "first reply at risk (care)", "resolution breached (standard)", "update due every 10:00:00".</param>
public sealed record SlaAction(string ConversationId, SlaActionKind Kind, string Reason);

/// <summary>The result of one check.</summary>
/// <param name="Actions">What to do now, in the order of the conversations given.</param>
/// <param name="NextCheck">When to look again (the earliest moment any state can change); null when nothing is pending.</param>
public sealed record SlaCheck(ImmutableArray<SlaAction> Actions, DateTimeOffset? NextCheck);

/// <summary>The pure heart of the SLA background job: given the open conversations and <c>now</c>, which to escalate,
/// which customers are owed a proactive update, and when to wake up next. The host's job supplies <c>now</c> from its
/// TimeProvider and carries the actions out.</summary>
public static class SlaMonitor
{
    /// <summary>Checks every conversation at <paramref name="now"/>; calendars are looked up by the SLA's calendar name.</summary>
    public static SlaCheck Check(IEnumerable<WatchedConversation> conversations, IReadOnlyDictionary<string, BusinessCalendar> calendars, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(conversations);
        ArgumentNullException.ThrowIfNull(calendars);
        var actions = ImmutableArray.CreateBuilder<SlaAction>();
        DateTimeOffset? next = null;
        foreach (var c in conversations)
        {
            var state = SlaClock.Evaluate(c.Timer, c.Sla, calendars[c.Sla.Calendar], now);
            if (state.Escalate && !c.AlreadyEscalated)
            {
                actions.Add(new SlaAction(c.ConversationId, SlaActionKind.Escalate, Reason(state, c.Sla.Name)));
            }
            if (state.UpdateDue)
            {
                actions.Add(new SlaAction(c.ConversationId, SlaActionKind.SendUpdate, $"update due every {c.Sla.UpdateEvery}"));
            }
            if (state.NextCheck is { } at && (next is null || at < next))
            {
                next = at;
            }
        }
        return new SlaCheck(actions.ToImmutable(), next);
    }

    private static string Reason(SlaState state, string sla)
    {
        var parts = new List<string>(3);
        Add(parts, "first reply", state.FirstReply);
        Add(parts, "next reply", state.NextReply);
        Add(parts, "resolution", state.Resolution);
        return $"{string.Join(", ", parts)} ({sla})";
    }

    private static void Add(List<string> parts, string name, SlaStatus status)
    {
        if (status is SlaStatus.AtRisk)
        {
            parts.Add(name + " at risk");
        }
        else if (status is SlaStatus.Breached)
        {
            parts.Add(name + " breached");
        }
    }
}
