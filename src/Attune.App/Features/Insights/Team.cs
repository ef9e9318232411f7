using Attune.App.Data;
using Attune.App.Data.Entities;
using Attune.App.Features.Organisation;
using Attune.Core.Routing.Assignment;
using Microsoft.EntityFrameworkCore;

namespace Attune.App.Features.Insights;

/// <summary>One agent now: status (available, on a break, away, break suggested), emotional load (LoadModel units,
/// recovered to now) and open work against capacity, which is per channel (<see cref="CapacityText"/>, e.g.
/// "3/channel; chat 2"); <see cref="OverCapacity"/> when any channel holds more than its capacity.</summary>
public sealed record AgentNow(long Id, string Name, string? Desk, string Status, double Load, string LoadLevel, int Open, int Capacity,
    string CapacityText, bool OverCapacity, int HeavyStreak, bool BreakSuggested);

/// <summary>An open conversation whose SLA target (first reply or resolution) is due soon or breached.</summary>
public sealed record SlaRisk(long ConversationId, string? Subject, string Customer, string? Desk, string? Assignee, string Target, DateTimeOffset Due, double MinutesLeft, bool Breached, bool Vulnerable);

/// <summary>An open conversation a lead should see (escalated, or a vulnerable customer waiting for a reply).</summary>
public sealed record WaitingConversation(long ConversationId, string? Subject, string Customer, string? Desk, string? Assignee, string Priority, string? Emotion, bool Vulnerable, DateTimeOffset Since, double WaitingMinutes, string? Reason);

/// <summary>An agent reply worth a word: a low score with a flag to coach (with the coach's suggestion) or a high score or thanks to recognise.</summary>
public sealed record ReplyMoment(long MessageId, long ConversationId, long? AgentId, string? Agent, DateTimeOffset At, int Score, string Excerpt, string? Tip, string? Flags, bool Thanked);

/// <summary>What a lead sees now.</summary>
public sealed record TeamView(
    DateTimeOffset At, IReadOnlyList<AgentNow> Agents, IReadOnlyList<SlaRisk> SlaRisks, IReadOnlyList<WaitingConversation> Escalations,
    IReadOnlyList<WaitingConversation> VulnerableWaiting, IReadOnlyList<ReplyMoment> CoachingMoments, IReadOnlyList<ReplyMoment> Recognition,
    double BreakThreshold, double AlertThreshold);

/// <summary>The leads' view of the team now; every list is one query.</summary>
public sealed class Team(AttuneDb db, TimeProvider clock)
{
    public const int CoachBelow = 50;
    public const int RecogniseFrom = 80;
    public static readonly TimeSpan DueSoon = TimeSpan.FromMinutes(30);
    public static readonly TimeSpan MomentsWindow = TimeSpan.FromDays(7);
    private const int Take = 12;

    public async Task<TeamView> GetAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var soon = now + DueSoon;
        var agents = await db.Agents.AsNoTracking().OrderBy(a => a.Name)
            .Select(a => new
            {
                a.Id,
                a.Name,
                Desk = a.Desk!.Name,
                a.Status,
                a.Load,
                a.LoadAt,
                a.HeavyStreak,
                a.BreakSuggested,
                a.Capacity,
                a.ChannelCapacity,
                a.Shifts,
                a.TimeZone,
            })
            .ToListAsync(ct);
        var held = (await db.Conversations.AsNoTracking()
            .Where(c => c.AssigneeId != null && (c.Status == ConversationStatus.Open || c.Status == ConversationStatus.Pending))
            .GroupBy(c => new { c.AssigneeId, c.Channel })
            .Select(g => new { g.Key.AssigneeId, g.Key.Channel, Count = g.Count() })
            .ToListAsync(ct)).ToLookup(h => h.AssigneeId!.Value);
        // Each agent's own shift, as on their My day.
        var starts = agents.ToDictionary(a => a.Id, a => MyDay.ShiftStart(now, a.Shifts, a.TimeZone));
        var shift = await ShiftLoadsAsync(now, starts, ct);
        var team = agents.Select(a =>
        {
            // The board's saved load, or the shift replayed from the conversations the agent replied in, whichever is higher.
            var from = starts[a.Id];
            var carried = ShiftLoad.Carried(a.Load, a.LoadAt, from);
            var replayed = ShiftLoad.At(now, from, carried, shift[a.Id]);
            var load = Math.Round(Math.Max(OrganisationQueries.LoadNow(a.Load, a.LoadAt, a.Status, now), replayed), 1);
            var status = a.Status switch
            {
                Data.Entities.AgentStatus.Away => "away",
                Data.Entities.AgentStatus.Break => "on a break",
                _ => a.BreakSuggested ? "break suggested" : "available",
            };
            var perChannel = AgentFields.ChannelCapacity(a.ChannelCapacity);
            var holds = held[a.Id].ToList();
            var over = holds.Any(h => h.Count > perChannel.GetValueOrDefault(h.Channel.ToString().ToLowerInvariant(), a.Capacity));
            var capacity = string.Join("; ", perChannel.Select(kv => $"{kv.Key} {kv.Value}").Prepend($"{a.Capacity}/channel"));
            return new AgentNow(a.Id, a.Name, a.Desk, status, load, Level(load), holds.Sum(h => h.Count), a.Capacity, capacity, over,
                a.HeavyStreak, a.BreakSuggested);
        }).ToList();

        var open = db.Conversations.AsNoTracking().Where(c => c.Status == ConversationStatus.Open || c.Status == ConversationStatus.Pending);
        var risks = await open
            .Where(c => (c.FirstReplyAt == null && c.FirstReplyDue != null && c.FirstReplyDue <= soon) || (c.ResolutionDue != null && c.ResolutionDue <= soon))
            .Select(c => new
            {
                c.Id,
                c.Subject,
                Customer = c.Customer!.Name,
                Desk = c.Desk!.Name,
                Assignee = c.Assignee!.Name,
                c.Vulnerable,
                FirstDue = c.FirstReplyAt == null ? c.FirstReplyDue : null,
                c.ResolutionDue,
            })
            .ToListAsync(ct);
        var slaRisks = risks.Select(r =>
            {
                var (target, due) = r.FirstDue is { } f && (r.ResolutionDue is not { } rd || f <= rd) ? ("first reply", f) : ("resolution", r.ResolutionDue!.Value);
                var left = Math.Round((due - now).TotalMinutes, 0);
                return new SlaRisk(r.Id, r.Subject, r.Customer, r.Desk, r.Assignee, target, due, left, due <= now, r.Vulnerable);
            })
            .OrderBy(r => r.Due).Take(Take).ToList();

        var escalated = await open.Where(c => c.Escalated).OrderByDescending(c => c.EscalatedAt).Take(Take)
            .Select(c => new { c.Id, c.Subject, Customer = c.Customer!.Name, Desk = c.Desk!.Name, Assignee = c.Assignee!.Name, c.Priority, c.LastEmotion, c.Vulnerable, Since = c.EscalatedAt ?? c.LastMessageAt, c.SlaName })
            .ToListAsync(ct);
        var vulnerable = await open.Where(c => c.Vulnerable && c.Status == ConversationStatus.Open).OrderBy(c => c.LastMessageAt).Take(Take)
            .Select(c => new { c.Id, c.Subject, Customer = c.Customer!.Name, Desk = c.Desk!.Name, Assignee = c.Assignee!.Name, c.Priority, c.LastEmotion, c.Vulnerable, Since = c.LastMessageAt, c.Playbook })
            .ToListAsync(ct);

        var since = now - MomentsWindow;
        var replies = db.Messages.AsNoTracking().Where(m => m.Author == Author.Agent && m.SentAt >= since && m.EmpathyScore != null);
        var coaching = await replies.Where(m => m.EmpathyScore < CoachBelow && m.CoachingFlags != null && m.CoachingFlags != "").OrderByDescending(m => m.SentAt).Take(Take)
            .Select(m => new { m.Id, m.ConversationId, m.AgentId, Agent = db.Agents.Where(a => a.Id == m.AgentId).Select(a => a.Name).FirstOrDefault(), m.SentAt, Score = m.EmpathyScore!.Value, m.Text, m.CoachingTip, m.CoachingFlags, Thanked = false })
            .ToListAsync(ct);
        var recognition = await replies
            .Select(m => new
            {
                m.Id,
                m.ConversationId,
                m.AgentId,
                Agent = db.Agents.Where(a => a.Id == m.AgentId).Select(a => a.Name).FirstOrDefault(),
                m.SentAt,
                Score = m.EmpathyScore!.Value,
                m.Text,
                m.CoachingTip,
                m.CoachingFlags,
                Thanked = db.Messages.Any(n => n.ConversationId == m.ConversationId && n.Author == Author.Customer && n.SentAt > m.SentAt
                    && (n.Emotion == "Gratitude" || n.Emotion == "Relief" || n.Compound >= 0.5)),
            })
            .Where(m => m.Score >= RecogniseFrom || m.Thanked)
            .OrderByDescending(m => m.Thanked && m.Score >= RecogniseFrom).ThenByDescending(m => m.SentAt).Take(Take)
            .ToListAsync(ct);

        return new TeamView(now, team, slaRisks,
            [.. escalated.Select(c => new WaitingConversation(c.Id, c.Subject, c.Customer, c.Desk, c.Assignee, Lower(c.Priority), c.LastEmotion, c.Vulnerable, c.Since, Minutes(now - c.Since), c.SlaName is null ? "escalated" : $"escalated ({c.SlaName} SLA)"))],
            [.. vulnerable.Select(c => new WaitingConversation(c.Id, c.Subject, c.Customer, c.Desk, c.Assignee, Lower(c.Priority), c.LastEmotion, c.Vulnerable, c.Since, Minutes(now - c.Since), c.Playbook))],
            [.. coaching.Select(m => new ReplyMoment(m.Id, m.ConversationId, m.AgentId, m.Agent, m.SentAt, m.Score, Excerpt(m.Text), m.CoachingTip, m.CoachingFlags, m.Thanked))],
            [.. recognition.Select(m => new ReplyMoment(m.Id, m.ConversationId, m.AgentId, m.Agent, m.SentAt, m.Score, Excerpt(m.Text), null, m.CoachingFlags, m.Thanked))],
            LoadModel.BreakThreshold, LoadModel.AlertThreshold);
    }

    private async Task<ILookup<long, (DateTimeOffset At, double Cost)>> ShiftLoadsAsync(DateTimeOffset now, Dictionary<long, DateTimeOffset> starts, CancellationToken ct)
    {
        var from = starts.Count == 0 ? now : starts.Values.Min();
        var replies = (await db.Messages.AsNoTracking()
            .Where(m => m.Author == Author.Agent && m.AgentId != null && m.SentAt >= from && m.SentAt <= now)
            .Select(m => new { AgentId = m.AgentId!.Value, m.ConversationId, m.SentAt })
            .ToListAsync(ct))
            .Where(r => starts.TryGetValue(r.AgentId, out var start) && r.SentAt >= start)
            .ToList();
        var ids = replies.Select(r => r.ConversationId).Distinct().ToList();
        var readings = await db.Conversations.AsNoTracking().Where(c => ids.Contains(c.Id))
            .Select(c => new
            {
                c.Id,
                Reading = c.Messages.Where(m => m.Author == Author.Customer && m.ReadingJson != null)
                    .OrderByDescending(m => m.SentAt).Select(m => m.ReadingJson).FirstOrDefault(),
            })
            .ToDictionaryAsync(c => c.Id, c => ShiftLoad.Intensity(c.Reading), ct);
        return replies.GroupBy(r => (r.AgentId, r.ConversationId))
            .ToLookup(g => g.Key.AgentId, g => ShiftLoad.Cost(g.Min(r => r.SentAt), g.Max(r => r.SentAt), readings.GetValueOrDefault(g.Key.ConversationId, 1)));
    }

    /// <summary>Load in words, so that it is never told by colour alone.</summary>
    public static string Level(double load) =>
        load >= LoadModel.AlertThreshold ? "very high" : load >= LoadModel.BreakThreshold ? "high" : load >= LoadModel.BreakThreshold / 2 ? "moderate" : "low";

    private static double Minutes(TimeSpan t) => Math.Max(0, Math.Round(t.TotalMinutes, 0));

    private static string Lower(Priority p) => p.ToString().ToLowerInvariant();

    internal static string Excerpt(string text) => text.Length <= 160 ? text : string.Concat(text.AsSpan(0, 157), "…");
}
