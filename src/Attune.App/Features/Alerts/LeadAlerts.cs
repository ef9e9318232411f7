using Attune.App.Data;
using Attune.App.Data.Entities;
using Attune.App.Features.Webhooks;
using Attune.Core.Routing.Assignment;
using Microsoft.EntityFrameworkCore;

namespace Attune.App.Features.Alerts;

public sealed record AlertView(long Id, string Kind, long? ConversationId, long? AgentId, string Message, DateTimeOffset At);

/// <summary>What leads must see: escalated conversations and agents whose emotional load stayed high.</summary>
public sealed class LeadAlerts(AttuneDb db)
{
    public const string Escalated = "conversation.escalated";
    public const string AgentLoad = "agent.load-high";
    public const string BreakSuggested = "agent.break-suggested";

    public async Task<IReadOnlyList<AlertView>> RecentAsync(int take, CancellationToken ct) =>
        await db.Alerts.AsNoTracking().OrderByDescending(a => a.Id).Take(Math.Clamp(take, 1, 500))
            .Select(a => new AlertView(a.Id, a.Kind, a.ConversationId, a.AgentId, a.Message, a.At)).ToListAsync(ct);

    /// <summary>Stores the board's wellbeing alerts (not saved); the lead alerts also go out as webhooks.</summary>
    internal static async Task AddWellbeingAsync(AttuneDb db, WebhookOutbox outbox, IEnumerable<WellbeingAlert> alerts, IReadOnlyList<Data.Entities.Agent> agents, CancellationToken ct)
    {
        foreach (var alert in alerts)
        {
            var agent = agents.FirstOrDefault(a => Jobs.ConversationRouter.Id(a) == alert.AgentId);
            var load = alert.Load.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);
            var (kind, text) = alert.Kind == WellbeingAlertKind.LeadAlert
                ? (AgentLoad, $"{agent?.Name ?? alert.AgentId}'s emotional load has stayed above {LoadModel.AlertThreshold} (now {load}): check in with them.")
                : (BreakSuggested, $"{agent?.Name ?? alert.AgentId} has carried a high load (now {load}): a break is suggested and they get no new conversations until they take it or recover.");
            db.Alerts.Add(new Alert { Kind = kind, AgentId = agent?.Id, Message = text, At = alert.At });
            if (alert.Kind == WellbeingAlertKind.LeadAlert)
            {
                await outbox.EnqueueAsync(db, WebhookEvents.AgentLoadHigh, new { agentId = agent?.Id, name = agent?.Name, load = alert.Load }, alert.At, ct);
            }
        }
    }
}
