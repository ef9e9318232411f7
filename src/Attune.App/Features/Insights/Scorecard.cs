using Attune.App.Common;
using Attune.App.Data;
using Attune.App.Data.Entities;
using Attune.Core.Insights;
using Microsoft.EntityFrameworkCore;

namespace Attune.App.Features.Insights;

/// <summary>Efficiency over the period's conversations (those created in it). Times in minutes (first reply) and hours (resolution).</summary>
public sealed record Efficiency(
    int Conversations, int Replied, double? FirstReplyMedianMinutes, double? FirstReplyP90Minutes,
    int Resolved, double? ResolvedPercent, double? ResolutionMedianHours, double? ResolutionP90Hours,
    int SlaDecided, int SlaMet, double? SlaMetPercent);

/// <summary>One emotion's share of the period's customer messages.</summary>
public sealed record EmotionShare(string Emotion, int Messages, double Percent);

/// <summary>How a group of conversations ended: resolved share, mean sentiment lift, median hours to resolve.</summary>
public sealed record Outcomes(int Conversations, int Resolved, double? ResolvedPercent, double? SentimentLift, double? ResolutionMedianHours);

/// <summary>Meaning: did customers end better than they began, and did the replies understand and act.</summary>
public sealed record Meaning(
    int ConversationsWithLift, double? SentimentLift, int CustomerMessages, IReadOnlyList<EmotionShare> EmotionMix,
    int Replies, int AssessedReplies, double? ActionPercent, double? HollowPercent, double? MeanEmpathyScore,
    Outcomes Vulnerable, Outcomes Everyone);

/// <summary>One day of the period (UTC) for the charts; conversation figures by the day they were created, reply figures by the day sent.</summary>
public sealed record ScorecardDay(
    DateOnly Day, int Conversations, int Resolved, double? FirstReplyMedianMinutes, double? SlaMetPercent,
    double? SentimentLift, int Replies, double? ActionPercent, double? HollowPercent, double? MeanEmpathyScore);

/// <summary>The balanced scorecard of a period [From, To] (whole UTC days): efficiency beside meaning, and a daily series.</summary>
public sealed record ScorecardView(DateOnly From, DateOnly To, DateTimeOffset At, Efficiency Efficiency, Meaning Meaning, IReadOnlyList<ScorecardDay> Daily);

/// <summary>The leaders' scorecard, computed from compact columns with three set-based queries.</summary>
public sealed class Scorecard(AttuneDb db, TimeProvider clock)
{
    public const int MaxDays = 366;

    private sealed record Row(
        DateTimeOffset CreatedAt, DateTimeOffset? FirstReplyAt, DateTimeOffset? ResolvedAt, DateTimeOffset? FirstReplyDue,
        DateTimeOffset? ResolutionDue, bool Vulnerable, double? FirstCompound, double? LastCompound, int CustomerMessages);

    private sealed record Reply(DateTimeOffset SentAt, int? Score, bool? HasAction, bool? Hollow);

    /// <summary>The scorecard from <paramref name="from"/> to <paramref name="to"/> inclusive; the last 30 days when not given.</summary>
    public async Task<Result<ScorecardView>> GetAsync(DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var last = to ?? DateOnly.FromDateTime(now.UtcDateTime);
        var first = from ?? last.AddDays(-29);
        if (first > last)
        {
            return Failure.Invalid("from", $"from ({first:yyyy-MM-dd}) is after to ({last:yyyy-MM-dd}).");
        }
        if (last.DayNumber - first.DayNumber + 1 > MaxDays)
        {
            return Failure.Invalid("to", $"The period is {last.DayNumber - first.DayNumber + 1} days; at most {MaxDays}.");
        }
        var start = Start(first);
        var end = Start(last.AddDays(1));

        var rows = await db.Conversations.AsNoTracking()
            .Where(c => c.CreatedAt >= start && c.CreatedAt < end)
            .Select(c => new Row(c.CreatedAt, c.FirstReplyAt, c.ResolvedAt, c.FirstReplyDue, c.ResolutionDue, c.Vulnerable,
                c.FirstCompound, c.LastCompound, c.CustomerMessages))
            .ToListAsync(ct);
        var replies = await db.Messages.AsNoTracking()
            .Where(m => m.Author == Author.Agent && m.SentAt >= start && m.SentAt < end)
            .Select(m => new Reply(m.SentAt, m.EmpathyScore, m.HasAction, m.Hollow))
            .ToListAsync(ct);
        var emotions = await db.Messages.AsNoTracking()
            .Where(m => m.Author == Author.Customer && m.SentAt >= start && m.SentAt < end && m.Emotion != null)
            .GroupBy(m => m.Emotion!)
            .Select(g => new { Emotion = g.Key, Count = g.Count() })
            .ToListAsync(ct);

        var customerMessages = emotions.Sum(e => e.Count);
        var mix = emotions.OrderByDescending(e => e.Count).ThenBy(e => e.Emotion, StringComparer.Ordinal)
            .Select(e => new EmotionShare(e.Emotion, e.Count, Summary.Percent(e.Count, customerMessages) ?? 0)).ToList();
        var (assessed, action, hollow, score) = Coaching(replies);
        var meaning = new Meaning(rows.Count(HasLift), Lift(rows), customerMessages, mix, replies.Count, assessed, action, hollow, score,
            Outcome(rows.Where(r => r.Vulnerable).ToList()), Outcome(rows));

        var byDay = rows.ToLookup(r => Day(r.CreatedAt));
        var repliesByDay = replies.ToLookup(r => Day(r.SentAt));
        var daily = new List<ScorecardDay>(last.DayNumber - first.DayNumber + 1);
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            var dayRows = byDay[day].ToList();
            var dayReplies = repliesByDay[day].ToList();
            var (_, dayAction, dayHollow, dayScore) = Coaching(dayReplies);
            daily.Add(new ScorecardDay(day, dayRows.Count, dayRows.Count(r => r.ResolvedAt is not null), Round(Summary.Median(FirstReplyMinutes(dayRows))),
                Sla(dayRows, now).Percent, Lift(dayRows), dayReplies.Count, dayAction, dayHollow, dayScore));
        }

        var firstReplies = FirstReplyMinutes(rows);
        var resolutions = ResolutionHours(rows);
        var (decided, met, percent) = Sla(rows, now);
        var resolved = rows.Count(r => r.ResolvedAt is not null);
        var efficiency = new Efficiency(rows.Count, firstReplies.Count, Round(Summary.Median(firstReplies)), Round(Summary.Percentile(firstReplies, 90)),
            resolved, Summary.Percent(resolved, rows.Count), Round(Summary.Median(resolutions)), Round(Summary.Percentile(resolutions, 90)),
            decided, met, percent);
        return new ScorecardView(first, last, now, efficiency, meaning, daily);
    }

    internal static DateTimeOffset Start(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    private static DateOnly Day(DateTimeOffset at) => DateOnly.FromDateTime(at.UtcDateTime);

    private static double? Round(double? value, int digits = 1) => value is { } v ? Math.Round(v, digits, MidpointRounding.AwayFromZero) : null;

    private static bool HasLift(Row r) => r.CustomerMessages >= 2 && r.FirstCompound is not null && r.LastCompound is not null;

    // Mean lift over conversations where the customer wrote at least twice (one message cannot move).
    private static double? Lift(IReadOnlyCollection<Row> rows) =>
        Round(Summary.Mean([.. rows.Where(HasLift).Select(r => Summary.Lift(r.FirstCompound!.Value, r.LastCompound!.Value))]), 3);

    private static List<double> FirstReplyMinutes(IEnumerable<Row> rows) =>
        [.. rows.Where(r => r.FirstReplyAt is not null).Select(r => Math.Max(0, (r.FirstReplyAt!.Value - r.CreatedAt).TotalMinutes))];

    private static List<double> ResolutionHours(IEnumerable<Row> rows) =>
        [.. rows.Where(r => r.ResolvedAt is not null).Select(r => Math.Max(0, (r.ResolvedAt!.Value - r.CreatedAt).TotalHours))];

    private static Outcomes Outcome(IReadOnlyCollection<Row> rows)
    {
        var resolved = rows.Count(r => r.ResolvedAt is not null);
        return new Outcomes(rows.Count, resolved, Summary.Percent(resolved, rows.Count), Lift(rows), Round(Summary.Median(ResolutionHours(rows))));
    }

    private static (int Assessed, double? Action, double? Hollow, double? Score) Coaching(IReadOnlyCollection<Reply> replies)
    {
        var assessed = replies.Where(r => r.Score is not null).ToList();
        return (assessed.Count,
            Summary.Percent(assessed.Count(r => r.HasAction == true), assessed.Count),
            Summary.Percent(assessed.Count(r => r.Hollow == true), assessed.Count),
            Round(Summary.Mean([.. assessed.Select(r => (double)r.Score!.Value)])));
    }

    /// <summary>A conversation meets its SLA when the first reply came by its due time and it was not resolved late
    /// (nor is it overdue); one whose targets have not come due yet is not counted either way.</summary>
    private static (int Decided, int Met, double? Percent) Sla(IEnumerable<Row> rows, DateTimeOffset now)
    {
        int decided = 0, met = 0;
        foreach (var r in rows)
        {
            if (r.FirstReplyDue is not { } due)
            {
                continue;
            }
            bool? first = r.FirstReplyAt is { } at ? at <= due : now > due ? false : null;
            bool? resolution = r.ResolutionDue is not { } rdue ? true
                : r.ResolvedAt is { } done ? done <= rdue
                : now > rdue ? false : null;
            if (first == false || resolution == false)
            {
                decided++;
            }
            else if (first == true)
            {
                decided++;
                met++;
            }
        }
        return (decided, met, Summary.Percent(met, decided));
    }
}
