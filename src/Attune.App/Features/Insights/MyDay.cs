using Attune.App.Common;
using Attune.App.Data;
using Attune.App.Data.Entities;
using Attune.App.Features.Organisation;
using Attune.Core.Routing.Assignment;
using Microsoft.EntityFrameworkCore;

namespace Attune.App.Features.Insights;

/// <summary>A conversation the agent replied in today, how heavy it was to carry (LoadModel intensity 1–7.5) and how their replies scored.</summary>
public sealed record HandledConversation(
    long ConversationId, string? Subject, string Customer, string Status, string? Emotion, bool Vulnerable, int Replies,
    DateTimeOffset FirstReplyAt, DateTimeOffset LastReplyAt, double Intensity, double? MeanScore);

/// <summary>The agent's emotional load (LoadModel units) at one moment of the shift.</summary>
public sealed record LoadPoint(DateTimeOffset At, double Load);

/// <summary>An agent's day: what they handled, their load over the shift and whether a break is due.</summary>
public sealed record MyDayView(
    long AgentId, string Name, DateTimeOffset From, DateTimeOffset At, int Handled, int Replies, double? MeanScore,
    IReadOnlyList<HandledConversation> Conversations, IReadOnlyList<LoadPoint> Load, double LoadNow, string LoadLevel, double PeakLoad,
    double BreakThreshold, double AlertThreshold, bool BreakSuggested, string? BreakReason);

/// <summary>The agent's own day: the conversations they handled since the shift began and their emotional load over it,
/// replayed with the assignment board's load model from the readings of those conversations.</summary>
public sealed class MyDay(AttuneDb db, TimeProvider clock)
{
    /// <summary>The shift shown: since midnight UTC, and never less than this much.</summary>
    public static readonly TimeSpan MinShift = TimeSpan.FromHours(8);
    public static readonly TimeSpan Step = TimeSpan.FromMinutes(10);
    public static readonly TimeSpan Lead = TimeSpan.FromMinutes(30);

    /// <summary>The agent linked to a user account (by user id, else by email); null when the user is not an agent.</summary>
    public async Task<long?> AgentOfAsync(long? userId, string? email, CancellationToken ct)
    {
        if (userId is { } id && await db.Agents.AsNoTracking().Where(a => a.UserId == id).Select(a => (long?)a.Id).FirstOrDefaultAsync(ct) is { } byUser)
        {
            return byUser;
        }
        return email is { Length: > 0 }
            ? await db.Agents.AsNoTracking().Where(a => a.Email == email).Select(a => (long?)a.Id).FirstOrDefaultAsync(ct)
            : null;
    }

    public async Task<Result<MyDayView>> GetAsync(long agentId, CancellationToken ct)
    {
        var agent = await db.Agents.AsNoTracking().FirstOrDefaultAsync(a => a.Id == agentId, ct);
        if (agent is null)
        {
            return Failure.NotFound($"Agent {agentId}");
        }
        var now = clock.GetUtcNow();
        var from = ShiftStart(now, agent.Shifts, agent.TimeZone);

        var replies = await db.Messages.AsNoTracking()
            .Where(m => m.AgentId == agentId && m.Author == Author.Agent && m.SentAt >= from && m.SentAt <= now)
            .Select(m => new { m.ConversationId, m.SentAt, m.EmpathyScore })
            .ToListAsync(ct);
        var ids = replies.Select(r => r.ConversationId).Distinct().ToList();
        var conversations = await db.Conversations.AsNoTracking().Where(c => ids.Contains(c.Id))
            .Select(c => new
            {
                c.Id,
                c.Subject,
                Customer = c.Customer!.Name,
                c.Status,
                c.LastEmotion,
                c.Vulnerable,
                Reading = c.Messages.Where(m => m.Author == Author.Customer && m.ReadingJson != null)
                    .OrderByDescending(m => m.SentAt).Select(m => m.ReadingJson).FirstOrDefault(),
            })
            .ToDictionaryAsync(c => c.Id, ct);

        var handled = new List<HandledConversation>();
        foreach (var group in replies.GroupBy(r => r.ConversationId))
        {
            if (!conversations.TryGetValue(group.Key, out var c))
            {
                continue;
            }
            var scores = group.Where(r => r.EmpathyScore is not null).Select(r => (double)r.EmpathyScore!.Value).ToList();
            handled.Add(new HandledConversation(c.Id, c.Subject, c.Customer, c.Status.ToString().ToLowerInvariant(), c.LastEmotion, c.Vulnerable,
                group.Count(), group.Min(r => r.SentAt), group.Max(r => r.SentAt), Math.Round(ShiftLoad.Intensity(c.Reading), 2),
                scores.Count == 0 ? null : Math.Round(scores.Average(), 1)));
        }
        handled.Sort((a, b) => b.LastReplyAt.CompareTo(a.LastReplyAt));

        // Load carried into the shift from the board's last saved value, then each conversation's cost from its first reply.
        var carried = ShiftLoad.Carried(agent.Load, agent.LoadAt, from);
        var costs = handled.Select(h => ShiftLoad.Cost(h.FirstReplyAt, h.LastReplyAt, h.Intensity)).ToList();
        var series = new List<LoadPoint>();
        // The chart starts shortly before the first reply of the shift, so the work fills it; the load before was carried.
        var start = replies.Count == 0 ? from : Max(from, replies.Min(r => r.SentAt) - Lead);
        for (var t = start; ; t += Step)
        {
            var point = t > now ? now : t;
            series.Add(new LoadPoint(point, Math.Round(ShiftLoad.At(point, from, carried, costs), 2)));
            if (point == now)
            {
                break;
            }
        }
        var replayed = series[^1].Load;
        var board = OrganisationQueries.LoadNow(agent.Load, agent.LoadAt, agent.Status, now);
        var loadNow = Math.Round(Math.Max(replayed, board), 1);
        var reason = agent.BreakSuggested
            ? "The assignment board suggests a break: your load has stayed high. You get no new conversations until you take it or recover."
            : loadNow >= LoadModel.BreakThreshold
                ? $"Your emotional load is {loadNow:0.0}, above {LoadModel.BreakThreshold:0}: take a {LoadModel.BreakMinutes:0}-minute break; load recovers about four times faster on a break."
                : null;
        var allScores = replies.Where(r => r.EmpathyScore is not null).Select(r => (double)r.EmpathyScore!.Value).ToList();
        return new MyDayView(agent.Id, agent.Name, from, now, handled.Count, replies.Count, allScores.Count == 0 ? null : Math.Round(allScores.Average(), 1),
            handled, series, loadNow, Team.Level(loadNow), series.Max(p => p.Load), LoadModel.BreakThreshold, LoadModel.AlertThreshold, reason is not null, reason);
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    /// <summary>Where the agent's shift shown begins: when the stretch of their weekly shifts they are in now began
    /// (to the minute, at most a day back); off shift or without shifts, <see cref="ShiftStart(DateTimeOffset)"/>.</summary>
    public static DateTimeOffset ShiftStart(DateTimeOffset now, string? shifts, string? timeZone)
    {
        var windows = WeeklyShifts.ToUtc(shifts, timeZone, now);
        if (windows.IsEmpty || !windows.Any(w => w.Covers(now)))
        {
            return ShiftStart(now);
        }
        var start = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerMinute), TimeSpan.Zero);
        for (var i = 0; i < 24 * 60 && windows.Any(w => w.Covers(start.AddMinutes(-1))); i++)
        {
            start = start.AddMinutes(-1);
        }
        return start;
    }

    /// <summary>Where the shift shown begins: midnight UTC, or <see cref="MinShift"/> ago early in the day.</summary>
    public static DateTimeOffset ShiftStart(DateTimeOffset now)
    {
        var midnight = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        return now - midnight < MinShift ? now - MinShift : midnight;
    }
}
