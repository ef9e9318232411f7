using System.Text.Json;
using Attune.App.Common;
using Attune.App.Data;
using Attune.App.Data.Entities;
using Attune.App.Features.Security;
using Attune.Core.Listening;
using Microsoft.EntityFrameworkCore;

namespace Attune.App.Features.Conversations;

public sealed record ConversationFilter(
    string? Desk = null,
    string? Status = null,
    string? Emotion = null,
    bool? Vulnerable = null,
    string? Urgency = null,
    long? CustomerId = null,
    int Page = 1,
    int PageSize = 50);

public sealed record ConversationSummary(
    long Id, string Source, string? ExternalId, long CustomerId, string CustomerName, string Channel, string Status,
    string? Subject, string? Desk, string? Assignee, string Priority, IReadOnlyList<string> Tags,
    DateTimeOffset CreatedAt, DateTimeOffset LastMessageAt, int MessageCount,
    string? Emotion, bool Vulnerable, string Urgency, double? Compound, ConversationRouting? Routing = null);

/// <summary>The routing decision for the latest customer message; null until the routing job has seen it.</summary>
public sealed record ConversationRouting(
    string Mode, string? Sla, DateTimeOffset? FirstReplyDue, DateTimeOffset? ResolutionDue, string? Playbook,
    string? Policy, string? PolicyVersion, string? Rule, string? Explanation, bool NeedsTrainedAgent, bool Escalated,
    DateTimeOffset RoutedAt);

public sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, int Total);

public sealed record TimelineMessage(
    long Id, string Source, string ExternalId, string Author, string? Agent, string Text, DateTimeOffset SentAt, JsonElement? Reading);

public sealed record ConversationDetail(ConversationSummary Conversation, IReadOnlyList<TimelineMessage> Timeline);

public sealed class ConversationQueries(AttuneDb db, Audit audit)
{
    public async Task<Result<Page<ConversationSummary>>> ListAsync(ConversationFilter f, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(f);
        if (f.Page < 1)
        {
            return Failure.Invalid("page", "page starts at 1.");
        }
        if (f.PageSize is < 1 or > 200)
        {
            return Failure.Invalid("pageSize", "pageSize must be between 1 and 200.");
        }
        var q = db.Conversations.AsNoTracking();
        if (f.Desk is { Length: > 0 } desk)
        {
            q = q.Where(c => c.Desk!.Name == desk);
        }
        if (f.Status is { Length: > 0 })
        {
            if (!Enum.TryParse<ConversationStatus>(f.Status, ignoreCase: true, out var status))
            {
                return Failure.Invalid("status", $"status '{f.Status}' is not one of: open, pending, resolved, closed.");
            }
            q = q.Where(c => c.Status == status);
        }
        if (f.Emotion is { Length: > 0 })
        {
            if (!Enum.TryParse<Emotion>(f.Emotion, ignoreCase: true, out var emotion))
            {
                return Failure.Invalid("emotion", $"emotion '{f.Emotion}' is not one of: {string.Join(", ", Enum.GetNames<Emotion>()).ToLowerInvariant()}.");
            }
            var name = emotion.ToString();
            q = q.Where(c => c.LastEmotion == name);
        }
        if (f.Vulnerable is { } vulnerable)
        {
            q = q.Where(c => c.Vulnerable == vulnerable);
        }
        if (f.Urgency is { Length: > 0 })
        {
            if (!Enum.TryParse<UrgencyLevel>(f.Urgency, ignoreCase: true, out var urgency))
            {
                return Failure.Invalid("urgency", $"urgency '{f.Urgency}' is not one of: low, normal, high, critical.");
            }
            var level = (int)urgency;
            q = q.Where(c => c.MaxUrgency >= level);
        }
        if (f.CustomerId is { } customerId)
        {
            q = q.Where(c => c.CustomerId == customerId);
        }
        var total = await q.CountAsync(ct);
        var rows = await Project(q.OrderByDescending(c => c.LastMessageAt).ThenByDescending(c => c.Id)
            .Skip((f.Page - 1) * f.PageSize).Take(f.PageSize)).ToListAsync(ct);
        return new Page<ConversationSummary>([.. rows.Select(ToSummary)], f.Page, f.PageSize, total);
    }

    public async Task<Result<ConversationDetail>> GetAsync(long id, string actor, CancellationToken ct)
    {
        var row = await Project(db.Conversations.AsNoTracking().Where(c => c.Id == id)).FirstOrDefaultAsync(ct);
        if (row is null)
        {
            return Failure.NotFound($"Conversation {id}");
        }
        var messages = await db.Messages.AsNoTracking().Where(m => m.ConversationId == id)
            .OrderBy(m => m.SentAt).ThenBy(m => m.Id)
            .Select(m => new { m.Id, m.Source, m.ExternalId, m.Author, m.AgentId, m.Text, m.SentAt, m.ReadingJson, m.Vulnerable })
            .ToListAsync(ct);
        var agentIds = messages.Where(m => m.AgentId != null).Select(m => m.AgentId!.Value).Distinct().ToList();
        var agents = await db.Agents.AsNoTracking().Where(a => agentIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        if (messages.Any(m => m.Vulnerable))
        {
            await audit.RecordAsync(actor, "vulnerability.viewed", $"conversation:{id}", "timeline with vulnerability readings", ct);
        }
        return new ConversationDetail(ToSummary(row), [.. messages.Select(m => new TimelineMessage(
            m.Id, m.Source, m.ExternalId, m.Author.ToString().ToLowerInvariant(),
            m.AgentId is { } a && agents.TryGetValue(a, out var n) ? n : null,
            m.Text, m.SentAt, m.ReadingJson is null ? null : JsonElement.Parse(m.ReadingJson)))]);
    }

    private sealed record Row(Conversation C, string CustomerName, string? Desk, string? Assignee);

    private static IQueryable<Row> Project(IQueryable<Conversation> q) =>
        q.Select(c => new Row(c, c.Customer!.Name, c.Desk != null ? c.Desk.Name : null, c.Assignee != null ? c.Assignee.Name : null));

    private static ConversationSummary ToSummary(Row r) => new(
        r.C.Id, r.C.Source, r.C.ExternalId, r.C.CustomerId, r.CustomerName, Lower(r.C.Channel), Lower(r.C.Status),
        r.C.Subject, r.Desk, r.Assignee, Lower(r.C.Priority),
        r.C.Tags.Length == 0 ? [] : r.C.Tags.Split(','),
        r.C.CreatedAt, r.C.LastMessageAt, r.C.MessageCount,
        r.C.LastEmotion?.ToLowerInvariant(), r.C.Vulnerable, ((UrgencyLevel)r.C.MaxUrgency).ToString().ToLowerInvariant(), r.C.LastCompound,
        r.C.RoutedAt is { } routedAt && r.C.HandlingMode is { } mode
            ? new ConversationRouting(mode, r.C.SlaName, r.C.FirstReplyDue, r.C.ResolutionDue, r.C.Playbook, r.C.PolicyName,
                r.C.PolicyVersion, r.C.RoutingRule, r.C.RoutingExplanation, r.C.NeedsTrainedAgent, r.C.Escalated, routedAt)
            : null);

    private static string Lower<T>(T e)
        where T : struct, Enum => e.ToString().ToLowerInvariant();
}
