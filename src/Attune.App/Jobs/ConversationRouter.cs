using System.Collections.Concurrent;
using System.Text.Json;
using Attune.App.Common;
using Attune.App.Data;
using Attune.App.Data.Entities;
using Attune.App.Features.Alerts;
using Attune.App.Features.Routing;
using Attune.App.Features.Webhooks;
using Attune.App.Routing;
using Attune.Core.Listening;
using Attune.Core.Routing;
using Attune.Core.Routing.Assignment;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using CoreAgent = Attune.Core.Routing.Assignment.Agent;
using CorePriority = Attune.Core.Routing.Priority;
using CoreStatus = Attune.Core.Routing.Assignment.AgentStatus;
using Priority = Attune.App.Data.Entities.Priority;

namespace Attune.App.Jobs;

/// <summary>Routes every open conversation whose latest customer message was not routed yet with the active policy
/// (the built-in default until one is activated), stores the decision on the conversation and, when a person handles
/// it, assigns an agent on the assignment board; the agents' load is saved back after each assignment.</summary>
public sealed class ConversationRouter(AttuneDb db, RoutingPolicies policies, Features.Knowledge.KnowledgeArticles knowledge, WebhookOutbox outbox, WriteGate gate, TimeProvider clock, ILogger<ConversationRouter> log, Features.Conversations.ConversationEvents events)
{
    private const int BatchSize = 50;
    private static readonly ConcurrentDictionary<string, PolicyRouter> Routers = new(StringComparer.Ordinal);

    /// <summary>Routes what is waiting now; returns how many conversations were routed.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var pending = await db.Conversations
            .Where(c => c.Status == ConversationStatus.Open || c.Status == ConversationStatus.Pending)
            .Select(c => new
            {
                c.Id,
                c.RoutedMessageId,
                Latest = db.Messages.Where(m => m.ConversationId == c.Id && m.Author == Author.Customer && m.ReadingJson != null)
                    .Max(m => (long?)m.Id),
            })
            .Where(x => x.Latest != null && (x.RoutedMessageId == null || x.Latest > x.RoutedMessageId))
            .OrderBy(x => x.Id)
            .Take(BatchSize)
            .ToListAsync(ct);
        if (pending.Count == 0)
        {
            return 0;
        }
        var router = await ActiveRouterAsync(policies, ct);
        var now = clock.GetUtcNow();
        var agents = await db.Agents.Include(a => a.Desk).OrderBy(a => a.Id).ToListAsync(ct);
        var board = await BoardAsync(db, agents, now, ct);
        var articles = await knowledge.KnowledgeBaseAsync(ct);
        var desks = await db.Desks.ToDictionaryAsync(d => d.Name, StringComparer.OrdinalIgnoreCase, ct);
        foreach (var item in pending)
        {
            var conversation = await db.Conversations.Include(c => c.Customer!).ThenInclude(c => c.Account)
                .Include(c => c.Customer!).ThenInclude(c => c.Needs)
                .FirstAsync(c => c.Id == item.Id, ct);
            var message = await db.Messages.AsNoTracking().FirstAsync(m => m.Id == item.Latest, ct);
            Reading? reading;
            try
            {
                reading = JsonSerializer.Deserialize<Reading>(message.ReadingJson!, Json.Options);
            }
            catch (JsonException e)
            {
                log.LogWarning(e, "Message {MessageId}: the stored reading cannot be read; routing skipped", message.Id);
                reading = null;
            }
            if (reading is null)
            {
                conversation.RoutedMessageId = message.Id;
                continue;
            }
            var channel = conversation.Channel.ToString().ToLowerInvariant();
            var earlier = await db.Messages.CountAsync(m => m.ConversationId == conversation.Id && m.Author == Author.Customer && m.Id < message.Id, ct);
            var decision = router.Route(new RoutingInput(reading, Context(conversation.Customer!), channel, now,
                PersonRequest.Find(message.Text), FailedContacts: earlier,
                SelfServiceAnswer: articles.Articles.IsEmpty ? null : articles.Search(message.Text), Text: message.Text));
            Store(conversation, decision, router.Policy, message.Id, now);
            if (!desks.TryGetValue(decision.Desk, out var desk))
            {
                desk = new Data.Entities.Desk { Name = decision.Desk };
                db.Desks.Add(desk);
                desks[decision.Desk] = desk;
            }
            conversation.Desk = desk;
            if (decision.Mode != HandlingMode.SelfService && conversation.AssigneeId is null)
            {
                var request = new AssignmentRequest(conversation.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), decision.Desk,
                    channel, Language(conversation.Customer!), decision.NeedsTrainedAgent, LoadModel.Intensity(reading), 20);
                var taken = board.TryAssign(request, now);
                if (taken is not null)
                {
                    conversation.Assignee = agents.First(a => Id(a) == taken.Agent.Id);
                }
            }
        }
        foreach (var agent in agents)
        {
            Save(agent, board[Id(agent)].Snapshot());
        }
        using var writer = await gate.EnterAsync(db, ct);
        await LeadAlerts.AddWellbeingAsync(db, outbox, board.Alerts, agents, ct);
        await db.SaveChangesAsync(ct);
        foreach (var item in pending)
        {
            events.Publish(new Features.Conversations.ConversationEvent(item.Id, Features.Conversations.ConversationChange.Routed));
        }
        return pending.Count;
    }

    /// <summary>The router for the active policy (the built-in default until one is activated), parsed once per version.</summary>
    internal static async Task<PolicyRouter> ActiveRouterAsync(RoutingPolicies policies, CancellationToken ct)
    {
        var active = await policies.ActiveAsync(ct);
        return Routers.GetOrAdd(active.Name + "\n" + active.Version + "\n" + active.Yaml.GetHashCode(StringComparison.Ordinal),
            _ => new PolicyRouter(active.BuiltIn ? PolicyYaml.Default() : PolicyYaml.Parse(active.Yaml, "active policy")));
    }

    /// <summary>The board as the agents left it: saved load and streaks, open conversations counted from the database.</summary>
    internal static async Task<AssignmentBoard> BoardAsync(AttuneDb db, List<Data.Entities.Agent> agents, DateTimeOffset now, CancellationToken ct)
    {
        var open = await db.Conversations.AsNoTracking()
            .Where(c => c.AssigneeId != null && (c.Status == ConversationStatus.Open || c.Status == ConversationStatus.Pending))
            .GroupBy(c => new { c.AssigneeId, c.Channel })
            .Select(g => new { g.Key.AssigneeId, g.Key.Channel, Count = g.Count() })
            .ToListAsync(ct);
        var board = new AssignmentBoard(agents.Select(a => ToCore(a, now)), now);
        foreach (var agent in agents)
        {
            var active = open.Where(o => o.AssigneeId == agent.Id)
                .ToDictionary(o => o.Channel.ToString().ToLowerInvariant(), o => o.Count, StringComparer.OrdinalIgnoreCase);
            board.Restore(Id(agent), new AgentSnapshot(agent.Load, agent.LoadAt ?? now, agent.HeavyStreak, agent.AboveBreakSince,
                agent.AboveAlertSince, agent.BreakSuggested, agent.LeadAlerted, active));
        }
        return board;
    }

    internal static void Save(Data.Entities.Agent agent, AgentSnapshot s)
    {
        agent.Load = s.Load;
        agent.LoadAt = s.LoadAt;
        agent.HeavyStreak = s.HeavyStreak;
        agent.AboveBreakSince = s.AboveBreakSince;
        agent.AboveAlertSince = s.AboveAlertSince;
        agent.BreakSuggested = s.BreakSuggested;
        agent.LeadAlerted = s.LeadAlerted;
    }

    internal static string Id(Data.Entities.Agent agent) => agent.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The agent as the board sees them at <paramref name="now"/>: skills, capacity per channel, this week's
    /// shifts in UTC and status (break and away take nothing; a break recovers load faster).</summary>
    internal static CoreAgent ToCore(Data.Entities.Agent a, DateTimeOffset now)
    {
        var desks = new List<string>();
        if (a.Desk is not null)
        {
            desks.Add(a.Desk.Name);
        }
        desks.AddRange(Split(a.ExtraDesks));
        if (desks.Count == 0)
        {
            desks.Add("*");
        }
        var languages = Split(a.Languages);
        return new CoreAgent(Id(a), a.Name, [.. desks], languages.Count == 0 ? ["*"] : [.. languages], a.VulnerabilityTrained,
            Features.Organisation.AgentFields.BoardCapacity(a), Features.Organisation.WeeklyShifts.ToUtc(a.Shifts, a.TimeZone, now), ToCore(a.Status));
    }

    internal static CoreStatus ToCore(Data.Entities.AgentStatus status) => status switch
    {
        Data.Entities.AgentStatus.Break => CoreStatus.Break,
        Data.Entities.AgentStatus.Away => CoreStatus.Away,
        _ => CoreStatus.Available,
    };

    private static List<string> Split(string? s) =>
        [.. (s ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    private static string Language(Customer customer) =>
        customer.Locale is { Length: >= 2 } locale ? locale[..2].ToLowerInvariant() : "en";

    internal static CustomerContext Context(Customer c) => new(
        c.ExternalId,
        c.Region ?? "",
        c.Account?.AnnualValue ?? 0,
        c.Account?.RenewalDate,
        0,
        [.. c.Needs.Select(n => n.Kind)],
        Language(c));

    private static void Store(Conversation c, RoutingDecision d, RoutingPolicy policy, long messageId, DateTimeOffset now)
    {
        // A later, calmer message never lowers a priority already given (or raised by escalation).
        var priority = ToEntity(d.Priority);
        c.Priority = c.RoutedAt is not null && priority < c.Priority ? c.Priority : priority;
        c.RoutedMessageId = messageId;
        c.RoutedAt = now;
        c.HandlingMode = d.Mode.ToString().ToLowerInvariant();
        c.SlaName = d.Sla.Name;
        c.FirstReplyDue = d.FirstReplyDue;
        c.ResolutionDue = d.ResolutionDue;
        c.Playbook = d.Playbook;
        c.PolicyName = policy.Name;
        c.PolicyVersion = d.PolicyVersion;
        c.RoutingRule = d.RuleId;
        c.RoutingExplanation = d.Explanation.Length > 1000 ? d.Explanation[..1000] : d.Explanation;
        c.NeedsTrainedAgent = d.NeedsTrainedAgent;
    }

    private static Priority ToEntity(CorePriority p) => p switch
    {
        CorePriority.Low => Priority.Low,
        CorePriority.High => Priority.High,
        CorePriority.Urgent => Priority.Urgent,
        _ => Priority.Normal,
    };
}
