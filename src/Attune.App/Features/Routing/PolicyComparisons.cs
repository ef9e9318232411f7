using System.Globalization;
using System.Text.Json;
using Attune.App.Common;
using Attune.App.Data;
using Attune.App.Data.Entities;
using Attune.App.Features.Knowledge;
using Attune.App.Jobs;
using Attune.App.Routing;
using Attune.Core.Listening;
using Attune.Core.Routing;
using Attune.Core.Routing.Simulation;
using Microsoft.EntityFrameworkCore;

namespace Attune.App.Features.Routing;

/// <summary>A draft to compare with the active policy (or with <paramref name="Baseline"/> when given) over the
/// conversations of the last <paramref name="Days"/> days.</summary>
public sealed record RecentComparisonRequest(string? Draft, string? Baseline = null, int Days = 7);

/// <summary>The traffic a comparison replayed: conversations created in [From, To], each with its first read customer
/// message; Skipped had no readable customer message; Truncated when only the most recent were kept.</summary>
public sealed record TrafficWindow(DateTimeOffset From, DateTimeOffset To, int Days, int Conversations, int Skipped, bool Truncated, int Agents);

/// <summary>Both policies replayed over the same traffic with the same agents. BaselineLabel is "active" or "baseline".</summary>
public sealed record PolicyComparison(TrafficWindow Traffic, string BaselineLabel, SimulationSummary Baseline, SimulationSummary Draft);

/// <summary>Replays the organisation's recent conversations — their stored readings, customers and accounts — under two
/// policies with the organisation's real agents (all treated as available: today's status says nothing about last
/// week), so a lead sees what a draft would have done before activating it.</summary>
public sealed class PolicyComparisons(AttuneDb db, RoutingPolicies policies, KnowledgeArticles knowledge, TimeProvider clock)
{
    public const int MaxDays = 31;

    /// <summary>The most conversations replayed (the most recent are kept).</summary>
    public const int MaxConversations = 20_000;

    public async Task<(PolicyComparison? Comparison, IReadOnlyList<PolicyProblem> Problems)> CompareRecentAsync(RecentComparisonRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Days is < 1 or > MaxDays)
        {
            return (null, [new PolicyProblem(0, 0, "days", $"days takes 1 to {MaxDays}")]);
        }
        if (string.IsNullOrWhiteSpace(request.Draft))
        {
            return (null, [new PolicyProblem(0, 0, "draft", "draft is required: the policy YAML to compare")]);
        }
        var (draft, draftProblems) = PolicyYaml.Check(request.Draft);
        if (draft is null)
        {
            return (null, [.. draftProblems.Select(p => new PolicyProblem(p.Line, p.Column, "draft." + p.Field, p.Message))]);
        }
        RoutingPolicy baseline;
        string label;
        if (string.IsNullOrWhiteSpace(request.Baseline))
        {
            var active = await policies.ActiveAsync(ct);
            baseline = active.BuiltIn ? PolicyYaml.Default() : PolicyYaml.Parse(active.Yaml, "active policy");
            label = "active";
        }
        else
        {
            var (parsed, problems) = PolicyYaml.Check(request.Baseline);
            if (parsed is null)
            {
                return (null, [.. problems.Select(p => new PolicyProblem(p.Line, p.Column, "baseline." + p.Field, p.Message))]);
            }
            baseline = parsed;
            label = "baseline";
        }

        var now = clock.GetUtcNow();
        var from = now - TimeSpan.FromDays(request.Days);
        var (traffic, skipped, truncated) = await TrafficAsync(from, now, ct);
        var agents = (await db.Agents.AsNoTracking().Include(a => a.Desk).OrderBy(a => a.Id).ToListAsync(ct))
            // Today's status and this week's shifts say nothing about past days: every agent counts as on shift.
            .Select(a => ConversationRouter.ToCore(a, now) with { Status = Core.Routing.Assignment.AgentStatus.Available, Shifts = [] }).ToList();
        var baselineReport = Simulator.Run(new PolicyRouter(baseline), agents, traffic);
        var draftReport = Simulator.Run(new PolicyRouter(draft), agents, traffic);
        return (new PolicyComparison(new TrafficWindow(from, now, request.Days, traffic.Count, skipped, truncated, agents.Count),
            label, PolicyPreview.Summarize(baselineReport), PolicyPreview.Summarize(draftReport)), []);
    }

    private async Task<(List<SimConversation> Traffic, int Skipped, bool Truncated)> TrafficAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        var window = db.Conversations.Where(c => c.CreatedAt >= from && c.CreatedAt <= to);
        var total = await window.CountAsync(ct);
        // The message each conversation arrived with: the first customer message the listening engine read.
        var firstIds = db.Messages
            .Where(m => m.Author == Author.Customer && m.ReadingJson != null && m.Conversation!.CreatedAt >= from && m.Conversation.CreatedAt <= to)
            .GroupBy(m => m.ConversationId)
            .Select(g => g.Min(m => m.Id));
        var rows = await db.Messages.AsNoTracking()
            .Where(m => firstIds.Contains(m.Id))
            .OrderByDescending(m => m.Conversation!.CreatedAt).ThenByDescending(m => m.ConversationId)
            .Take(MaxConversations + 1)
            .Select(m => new { m.ConversationId, m.Text, m.ReadingJson, m.Conversation!.CreatedAt, m.Conversation.Channel, m.Conversation.CustomerId })
            .ToListAsync(ct);
        var truncated = rows.Count > MaxConversations;
        if (truncated)
        {
            rows.RemoveAt(rows.Count - 1);
        }
        var customers = await db.Customers.AsNoTracking().Include(c => c.Account).Include(c => c.Needs)
            .Where(c => window.Any(w => w.CustomerId == c.Id))
            .AsSplitQuery()
            .ToDictionaryAsync(c => c.Id, ct);
        var articles = await knowledge.KnowledgeBaseAsync(ct);
        var traffic = new List<SimConversation>(rows.Count);
        for (var i = rows.Count - 1; i >= 0; i--)
        {
            var row = rows[i];
            if (!customers.TryGetValue(row.CustomerId, out var customer) || Read(row.ReadingJson) is not { } reading)
            {
                continue;
            }
            traffic.Add(new SimConversation(
                row.ConversationId.ToString(CultureInfo.InvariantCulture),
                ConversationRouter.Context(customer),
                row.Channel.ToString().ToLowerInvariant(),
                row.CreatedAt,
                reading,
                PersonRequest.Find(row.Text),
                articles.Articles.IsEmpty ? null : articles.Search(row.Text)));
        }
        return (traffic, truncated ? 0 : total - traffic.Count, truncated);
    }

    private static Reading? Read(string? json)
    {
        try
        {
            return json is null ? null : JsonSerializer.Deserialize<Reading>(json, Json.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
