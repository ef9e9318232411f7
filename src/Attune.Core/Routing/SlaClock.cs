namespace Attune.Core.Routing;

/// <summary>Where one SLA target stands.</summary>
public enum SlaStatus
{
    /// <summary>Not yet due, less than <see cref="SlaClock.AtRiskShare"/> of the time used.</summary>
    OnTrack,
    /// <summary>Not yet due, but most of the time is used: escalate now.</summary>
    AtRisk,
    /// <summary>Due and not met.</summary>
    Breached,
    /// <summary>Met in time.</summary>
    Met,
    /// <summary>Met, but late.</summary>
    MetLate,
    /// <summary>Does not apply now (no customer message waiting for a next reply).</summary>
    NotApplicable,
}

/// <summary>The SLA facts of one conversation, as a host stores them.</summary>
/// <param name="OpenedAt">When the conversation was opened (routed).</param>
/// <param name="FirstReplyAt">When a person (or the self-service answer) first replied; null when not yet.</param>
/// <param name="WaitingSince">When the customer's latest unanswered message arrived, after the first reply; null when none waits.</param>
/// <param name="ResolvedAt">When it was resolved; null when open.</param>
/// <param name="LastUpdateAt">When the customer last got a reply or proactive update; null when never.</param>
public sealed record SlaTimer(DateTimeOffset OpenedAt, DateTimeOffset? FirstReplyAt, DateTimeOffset? WaitingSince, DateTimeOffset? ResolvedAt, DateTimeOffset? LastUpdateAt);

/// <summary>The state of a conversation's SLA at one moment.</summary>
/// <param name="FirstReply">The first-reply target.</param>
/// <param name="NextReply">The next-reply target.</param>
/// <param name="Resolution">The resolution target.</param>
/// <param name="Escalate">True when any open target is at risk or breached: escalate and tell the lead.</param>
/// <param name="UpdateDue">True when the customer waits on a long fix and the playbook's update cadence has passed.</param>
/// <param name="NextCheck">The next moment at which the state can change without new events (a target turning at risk
/// or breached, or an update falling due); null when nothing is pending.</param>
public sealed record SlaState(SlaStatus FirstReply, SlaStatus NextReply, SlaStatus Resolution, bool Escalate, bool UpdateDue, DateTimeOffset? NextCheck);

/// <summary>SLA timers on business-hour calendars. Pure: the caller gives <c>now</c>.</summary>
public static class SlaClock
{
    /// <summary>Share of a target's business time (0–1) after which it is at risk: 0.75.</summary>
    public const double AtRiskShare = 0.75;

    /// <summary>The state of <paramref name="timer"/> under <paramref name="sla"/> on <paramref name="calendar"/> at <paramref name="now"/>.</summary>
    public static SlaState Evaluate(SlaTimer timer, SlaTargets sla, BusinessCalendar calendar, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(timer);
        ArgumentNullException.ThrowIfNull(sla);
        ArgumentNullException.ThrowIfNull(calendar);
        DateTimeOffset? next = null;
        var first = Target(calendar, timer.OpenedAt, sla.FirstReply, timer.FirstReplyAt, now, ref next);
        var nextReply = timer.WaitingSince is { } waiting && timer.ResolvedAt is null
            ? Target(calendar, waiting, sla.NextReply, null, now, ref next)
            : SlaStatus.NotApplicable;
        var resolution = Target(calendar, timer.OpenedAt, sla.Resolution, timer.ResolvedAt, now, ref next);
        var escalate = first is SlaStatus.AtRisk or SlaStatus.Breached
            || nextReply is SlaStatus.AtRisk or SlaStatus.Breached
            || resolution is SlaStatus.AtRisk or SlaStatus.Breached;
        var updateDue = false;
        if (sla.UpdateEvery is { } every && timer.ResolvedAt is null && timer.FirstReplyAt is not null)
        {
            var since = timer.LastUpdateAt ?? timer.FirstReplyAt.Value;
            var due = calendar.AddBusinessTime(since, every);
            updateDue = now >= due;
            if (!updateDue)
            {
                next = Min(next, due);
            }
        }
        return new SlaState(first, nextReply, resolution, escalate, updateDue, next);
    }

    private static SlaStatus Target(BusinessCalendar calendar, DateTimeOffset start, TimeSpan target, DateTimeOffset? metAt, DateTimeOffset now, ref DateTimeOffset? next)
    {
        var due = calendar.AddBusinessTime(start, target);
        if (metAt is { } met)
        {
            return met <= due ? SlaStatus.Met : SlaStatus.MetLate;
        }
        if (now >= due)
        {
            return SlaStatus.Breached;
        }
        var risk = calendar.AddBusinessTime(start, target * AtRiskShare);
        if (now >= risk)
        {
            next = Min(next, due);
            return SlaStatus.AtRisk;
        }
        next = Min(next, risk);
        return SlaStatus.OnTrack;
    }

    private static DateTimeOffset? Min(DateTimeOffset? a, DateTimeOffset b) => a is { } x && x < b ? x : b;
}
