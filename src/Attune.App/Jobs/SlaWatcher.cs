using System.Globalization;
using Attune.App.Data;
using Attune.App.Data.Entities;
using Attune.App.Features.Alerts;
using Attune.App.Features.Routing;
using Attune.App.Features.Security;
using Attune.App.Features.Webhooks;
using Attune.Core.Routing;
using Microsoft.EntityFrameworkCore;
using Priority = Attune.App.Data.Entities.Priority;

namespace Attune.App.Jobs;

/// <summary>Watches the SLA of every routed open conversation: an at-risk or breached one is escalated once (priority
/// up, flag, audit, lead alert, webhook); a customer waiting on a long fix gets a status update on the SLA's cadence
/// (a system message in the timeline, webhook). Also brings agents' load up to date so that a load that stays high
/// raises its lead alert even when no new work arrives.</summary>
public sealed class SlaWatcher(AttuneDb db, RoutingPolicies policies, WebhookOutbox outbox, Audit audit, WriteGate gate, TimeProvider clock)
{
    public const string Actor = "system:sla";
    private const int BatchSize = 200;

    /// <summary>Checks everything now; returns how many conversations were escalated or updated.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var policy = (await ConversationRouter.ActiveRouterAsync(policies, ct)).Policy;
        var changed = 0;
        long after = 0;
        while (true)
        {
            var batch = await db.Conversations
                .Where(c => c.Id > after && c.RoutedAt != null && c.SlaName != null
                    && (c.Status == ConversationStatus.Open || c.Status == ConversationStatus.Pending))
                .OrderBy(c => c.Id).Take(BatchSize).ToListAsync(ct);
            if (batch.Count == 0)
            {
                break;
            }
            after = batch[^1].Id;
            foreach (var c in batch)
            {
                if (!policy.Slas.TryGetValue(c.SlaName!, out var sla))
                {
                    continue;
                }
                var calendar = policy.Calendars.TryGetValue(sla.Calendar, out var cal) ? cal : BusinessCalendar.AlwaysOpen(sla.Calendar);
                var state = SlaClock.Evaluate(await TimerAsync(c, ct), sla, calendar, now);
                var escalate = state.Escalate && !c.Escalated;
                if (!escalate && !state.UpdateDue)
                {
                    continue;
                }
                // SQLite has one writer: queue behind ingestion rather than collide with it.
                using var writer = await gate.EnterAsync(db, ct);
                if (escalate)
                {
                    await EscalateAsync(c, state, now, ct);
                    changed++;
                }
                if (state.UpdateDue)
                {
                    await StatusUpdateAsync(c, sla, now, ct);
                    changed++;
                }
                await db.SaveChangesAsync(ct);
            }
        }
        await AgentsAsync(now, ct);
        return changed;
    }

    private async Task<SlaTimer> TimerAsync(Conversation c, CancellationToken ct)
    {
        var messages = await db.Messages.AsNoTracking().Where(m => m.ConversationId == c.Id)
            .Select(m => new { m.Author, m.SentAt }).ToListAsync(ct);
        var opened = c.RoutedAt!.Value;
        DateTimeOffset? firstReply = c.HandlingMode == "selfservice" ? opened : null;
        DateTimeOffset? lastReply = null;
        DateTimeOffset? lastCustomer = null;
        foreach (var m in messages)
        {
            if (m.Author == Author.Customer)
            {
                lastCustomer = Max(lastCustomer, m.SentAt);
            }
            else if (m.Author is Author.Agent or Author.Bot)
            {
                if (m.SentAt >= c.CreatedAt && (firstReply is null || m.SentAt < firstReply))
                {
                    firstReply = m.SentAt;
                }
                lastReply = Max(lastReply, m.SentAt);
            }
        }
        var waiting = firstReply is not null && lastCustomer is { } lc && (lastReply is null || lc > lastReply) ? lastCustomer : null;
        var lastUpdate = lastReply is { } r ? Max(c.LastStatusUpdateAt, r) : c.LastStatusUpdateAt;
        return new SlaTimer(opened, firstReply, waiting, null, lastUpdate);
    }

    private async Task EscalateAsync(Conversation c, SlaState state, DateTimeOffset now, CancellationToken ct)
    {
        var was = c.Priority;
        c.Escalated = true;
        c.EscalatedAt = now;
        c.Priority = c.Priority < Priority.Urgent ? c.Priority + 1 : c.Priority;
        var why = Reason(state);
        var text = $"Conversation {c.Id} escalated: {why} (priority {Lower(was)} → {Lower(c.Priority)}).";
        db.Alerts.Add(new Alert { Kind = LeadAlerts.Escalated, ConversationId = c.Id, Message = text, At = now });
        await audit.RecordAsync(Actor, "conversation.escalated", $"conversation:{c.Id}", why, ct);
        await outbox.EnqueueAsync(db, WebhookEvents.ConversationEscalated,
            new { conversationId = c.Id, priority = Lower(c.Priority), reason = why, firstReply = Lower(state.FirstReply), nextReply = Lower(state.NextReply), resolution = Lower(state.Resolution) },
            now, ct);
    }

    private async Task StatusUpdateAsync(Conversation c, SlaTargets sla, DateTimeOffset now, CancellationToken ct)
    {
        var every = sla.UpdateEvery!.Value;
        var cadence = every.TotalHours >= 1 ? $"{every.TotalHours:0.#} hour(s)" : $"{every.TotalMinutes:0} minutes";
        var text = $"We are still working on this and have not forgotten you. You will hear from us again within {cadence}, sooner if it is fixed.";
        db.Messages.Add(new Message
        {
            Source = "attune",
            ExternalId = $"status-update:{c.Id}:{now.UtcTicks.ToString(CultureInfo.InvariantCulture)}",
            ConversationId = c.Id,
            Author = Author.System,
            Text = text,
            SentAt = now,
            ReceivedAt = now,
        });
        c.MessageCount++;
        c.LastStatusUpdateAt = now;
        await outbox.EnqueueAsync(db, WebhookEvents.ConversationStatusUpdate, new { conversationId = c.Id, text }, now, ct);
    }

    private async Task AgentsAsync(DateTimeOffset now, CancellationToken ct)
    {
        var agents = await db.Agents.Include(a => a.Desk).OrderBy(a => a.Id).ToListAsync(ct);
        if (agents.Count == 0)
        {
            return;
        }
        var board = await ConversationRouter.BoardAsync(db, agents, now, ct);
        board.Advance(now);
        foreach (var agent in agents)
        {
            ConversationRouter.Save(agent, board[ConversationRouter.Id(agent)].Snapshot());
        }
        using var writer = await gate.EnterAsync(db, ct);
        await LeadAlerts.AddWellbeingAsync(db, outbox, board.Alerts, agents, ct);
        await db.SaveChangesAsync(ct);
    }

    private static string Reason(SlaState s) =>
        s.FirstReply is SlaStatus.Breached or SlaStatus.AtRisk ? $"first reply {Lower(s.FirstReply)}"
        : s.NextReply is SlaStatus.Breached or SlaStatus.AtRisk ? $"next reply {Lower(s.NextReply)}"
        : $"resolution {Lower(s.Resolution)}";

    private static string Lower<T>(T e)
        where T : struct, Enum => e.ToString().ToLowerInvariant();

    private static DateTimeOffset Max(DateTimeOffset? a, DateTimeOffset b) => a is { } x && x > b ? x : b;
}
