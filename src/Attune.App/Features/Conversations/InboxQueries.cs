using System.Text.Json;
using Attune.App.Common;
using Attune.App.Data;
using Attune.App.Data.Entities;
using Attune.App.Features.Security;
using Attune.Core.Listening;
using Attune.Core.Text;
using Microsoft.EntityFrameworkCore;

namespace Attune.App.Features.Conversations;

/// <summary>Which queue and how to order it. <see cref="Status"/> null means the working set (open and pending).</summary>
public sealed record InboxFilter(
    string? Desk = null,
    bool Mine = false,
    string? Status = null,
    bool? Vulnerable = null,
    string? Urgency = null,
    string? Sort = null,
    int Take = 100);

/// <summary>One inbox row. <see cref="VulnerabilityDetails"/> is null unless the viewer may see them; <see cref="SlaDue"/>
/// is the first-reply deadline until someone replied, then the resolution deadline.</summary>
public sealed record InboxRow(
    long Id, long CustomerId, string Customer, string? Region, string? Subject, string? Topic, string? Emotion,
    bool Vulnerable, IReadOnlyList<string>? VulnerabilityDetails, string Urgency, double? Effort, string? EffortLevel,
    string Status, string Priority, string? Desk, string? Assignee, bool Replied, string? SlaKind, DateTimeOffset? SlaDue,
    DateTimeOffset LastMessageAt, int MessageCount, string Channel);

public sealed record DeskCount(string Desk, int Count);

/// <summary>The inbox: the rows of one queue, how many each desk and "mine" hold, and who is looking.</summary>
public sealed record InboxView(
    IReadOnlyList<InboxRow> Rows, IReadOnlyList<DeskCount> Desks, int Mine, string? Agent, bool MaySeeVulnerability, string Sort);

public sealed class InboxQueries(AttuneDb db, Audit auditTrail)
{
    public static readonly IReadOnlyList<string> Sorts = ["sla", "urgency", "newest"];

    /// <summary>One queue. Showing vulnerability details is audited, except on live refreshes of a list already
    /// shown (<paramref name="audit"/> false), which would otherwise write a row per arriving message.</summary>
    public async Task<Result<InboxView>> QueueAsync(InboxFilter f, Viewer viewer, CancellationToken ct, bool audit = true)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(viewer);
        var sort = string.IsNullOrWhiteSpace(f.Sort) ? "sla" : f.Sort.Trim().ToLowerInvariant();
        if (!Sorts.Contains(sort))
        {
            return Failure.Invalid("sort", $"sort '{f.Sort}' is not one of: {string.Join(", ", Sorts)}.");
        }
        if (f.Take is < 1 or > 500)
        {
            return Failure.Invalid("take", "take must be between 1 and 500.");
        }
        var me = await ViewerAgent.ForAsync(db, viewer, ct);
        var working = db.Conversations.AsNoTracking();
        IQueryable<Conversation> q;
        if (f.Status is { Length: > 0 })
        {
            if (!Enum.TryParse<ConversationStatus>(f.Status, ignoreCase: true, out var status) || int.TryParse(f.Status, out _))
            {
                return Failure.Invalid("status", $"status '{f.Status}' is not one of: open, pending, resolved, closed.");
            }
            q = working.Where(c => c.Status == status);
        }
        else
        {
            q = working.Where(c => c.Status == ConversationStatus.Open || c.Status == ConversationStatus.Pending);
        }
        // Queue counts are over the working set, before the desk/mine/other filters narrow the rows.
        var counts = q;
        if (f.Desk is { Length: > 0 } desk)
        {
            q = q.Where(c => c.Desk!.Name == desk);
        }
        if (f.Mine)
        {
            var mine = me.AgentId ?? -1;
            q = q.Where(c => c.AssigneeId == mine);
        }
        if (f.Vulnerable is { } vulnerable)
        {
            q = q.Where(c => c.Vulnerable == vulnerable);
        }
        if (f.Urgency is { Length: > 0 })
        {
            if (!Enum.TryParse<UrgencyLevel>(f.Urgency, ignoreCase: true, out var urgency) || int.TryParse(f.Urgency, out _))
            {
                return Failure.Invalid("urgency", $"urgency '{f.Urgency}' is not one of: low, normal, high, critical.");
            }
            var level = (int)urgency;
            q = q.Where(c => c.MaxUrgency >= level);
        }

        var raw = await q.Select(c => new
        {
            C = c,
            Customer = c.Customer!.Name,
            c.Customer.Region,
            Desk = c.Desk != null ? c.Desk.Name : null,
            Assignee = c.Assignee != null ? c.Assignee.Name : null,
            Replied = db.Messages.Any(m => m.ConversationId == c.Id && (m.Author == Author.Agent || m.Author == Author.Bot)),
            Latest = db.Messages.Where(m => m.ConversationId == c.Id && m.Author == Author.Customer)
                .OrderByDescending(m => m.Id).Select(m => m.Topic).FirstOrDefault(),
        })
        .OrderByDescending(x => x.C.LastMessageAt)
        .Take(2000) // the working set of a team; beyond that the filters narrow it
        .ToListAsync(ct);

        var rows = new List<InboxRow>(raw.Count);
        foreach (var x in raw)
        {
            var c = x.C;
            var replied = x.Replied || c.HandlingMode == "selfservice";
            var (slaKind, slaDue) = !replied && c.FirstReplyDue is { } first ? ("first reply", (DateTimeOffset?)first)
                : c.ResolutionDue is { } resolution && c.Status is ConversationStatus.Open or ConversationStatus.Pending ? ("resolution", resolution)
                : ((string?)null, (DateTimeOffset?)null);
            rows.Add(new InboxRow(c.Id, c.CustomerId, x.Customer, x.Region, c.Subject, x.Latest is { } topic ? Names.Words(topic) : null,
                c.LastEmotion?.ToLowerInvariant(), c.Vulnerable,
                null, ((UrgencyLevel)c.MaxUrgency).ToString().ToLowerInvariant(), null, null,
                c.Status.ToString().ToLowerInvariant(), c.Priority.ToString().ToLowerInvariant(), x.Desk, x.Assignee,
                replied, slaKind, slaDue, c.LastMessageAt, c.MessageCount, c.Channel.ToString().ToLowerInvariant()));
        }
        IEnumerable<InboxRow> ordered = sort switch
        {
            "urgency" => rows.OrderByDescending(r => (int)Enum.Parse<UrgencyLevel>(r.Urgency, true)).ThenByDescending(r => r.Vulnerable)
                .ThenBy(r => r.SlaDue ?? DateTimeOffset.MaxValue).ThenByDescending(r => r.LastMessageAt),
            "newest" => rows.OrderByDescending(r => r.LastMessageAt).ThenByDescending(r => r.Id),
            _ => rows.OrderBy(r => r.SlaDue ?? DateTimeOffset.MaxValue).ThenByDescending(r => (int)Enum.Parse<UrgencyLevel>(r.Urgency, true))
                .ThenByDescending(r => r.LastMessageAt),
        };
        var result = ordered.Take(f.Take).ToList();

        // Effort and vulnerability details come from the latest reading: parsed only for the rows shown.
        var ids = result.Select(r => r.Id).ToList();
        var latest = await db.Messages.AsNoTracking()
            .Where(m => ids.Contains(m.ConversationId) && m.Author == Author.Customer && m.ReadingJson != null
                && m.Id == db.Messages.Where(n => n.ConversationId == m.ConversationId && n.Author == Author.Customer && n.ReadingJson != null).Max(n => n.Id))
            .Select(m => new { m.ConversationId, m.ReadingJson })
            .ToDictionaryAsync(m => m.ConversationId, m => m.ReadingJson, ct);
        // Details come from the latest message that showed the vulnerability (a later "thank you" shows none).
        var vulnerableIds = me.MaySeeVulnerability ? result.Where(r => r.Vulnerable).Select(r => r.Id).ToList() : [];
        var vulnerableReadings = vulnerableIds.Count == 0 ? [] : await db.Messages.AsNoTracking()
            .Where(m => vulnerableIds.Contains(m.ConversationId) && m.Vulnerable
                && m.Id == db.Messages.Where(n => n.ConversationId == m.ConversationId && n.Vulnerable).Max(n => n.Id))
            .Select(m => new { m.ConversationId, m.ReadingJson })
            .ToDictionaryAsync(m => m.ConversationId, m => m.ReadingJson, ct);
        for (var i = 0; i < result.Count; i++)
        {
            var (effort, _) = Parse(latest.GetValueOrDefault(result[i].Id));
            IReadOnlyList<string>? details = null;
            if (me.MaySeeVulnerability && result[i].Vulnerable)
            {
                details = Parse(vulnerableReadings.GetValueOrDefault(result[i].Id)).Details ?? [];
            }
            result[i] = result[i] with { Effort = effort, EffortLevel = EffortLevel(effort), VulnerabilityDetails = details };
        }

        var desks = await counts.Where(c => c.DeskId != null).GroupBy(c => c.Desk!.Name)
            .Select(g => new DeskCount(g.Key, g.Count())).ToListAsync(ct);
        var allDesks = await db.Desks.AsNoTracking().Select(d => d.Name).ToListAsync(ct);
        var byDesk = allDesks.Select(d => desks.FirstOrDefault(q => q.Desk == d) ?? new DeskCount(d, 0))
            .OrderBy(d => d.Desk, StringComparer.Ordinal).ToList();
        var mineCount = me.AgentId is { } agentId ? await counts.CountAsync(c => c.AssigneeId == agentId, ct) : 0;

        if (audit && result.Any(r => r.VulnerabilityDetails is not null))
        {
            await auditTrail.RecordAsync(viewer.Actor, "vulnerability.viewed", "inbox",
                $"{result.Count(r => r.VulnerabilityDetails is not null)} vulnerable conversations listed", ct);
        }
        return new InboxView(result, byDesk, mineCount, me.AgentName, me.MaySeeVulnerability, sort);
    }

    /// <summary>"low" below 0.34, "medium" below 0.67, else "high"; null when the customer has not been read.</summary>
    public static string? EffortLevel(double? effort) => effort switch
    {
        null => null,
        < 0.34 => "low",
        < 0.67 => "medium",
        _ => "high",
    };

    private static (double? Effort, IReadOnlyList<string>? Details) Parse(string? json)
    {
        if (json is null)
        {
            return (null, null);
        }
        Reading? reading;
        try
        {
            reading = JsonSerializer.Deserialize<Reading>(json, Json.Options);
        }
        catch (JsonException)
        {
            return (null, null);
        }
        if (reading is null)
        {
            return (null, null);
        }
        IReadOnlyList<string>? details = reading.IsVulnerable
            ? [.. reading.Vulnerability.Select(v => Names.Words(v.Characteristic)).Distinct()]
            : null;
        return (reading.Effort.Score, details);
    }
}
