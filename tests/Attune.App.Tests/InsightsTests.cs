using System.Globalization;
using Attune.App.Features.Insights;
using Attune.Core.Routing.Assignment;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Attune.App.Tests.InsightsData;

namespace Attune.App.Tests;

public sealed class ScorecardTests
{
    private static Task<ScorecardView> ScorecardAsync(TestDatabase db, DateOnly from, DateOnly to) =>
        db.WithAsync(async sp => (await sp.GetRequiredService<Scorecard>().GetAsync(from, to, CancellationToken.None)).Value!);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Period_BalancesEfficiencyAndMeaningOverItsConversations(string provider)
    {
        await using var db = await ConversationRouterTests.WithAgentsAsync(provider);
        var (bereaved, upset, _) = await TwoStoriesAsync(db);
        // First reply targets: the bereaved customer's met (08:30 by 09:00), the upset customer's missed (12:00 after 11:00).
        await QueryAsync(db, d => d.Conversations.Where(c => c.Id == bereaved).ExecuteUpdateAsync(s => s.SetProperty(c => c.FirstReplyDue, At(4, 9))));
        await QueryAsync(db, d => d.Conversations.Where(c => c.Id == upset).ExecuteUpdateAsync(s => s.SetProperty(c => c.FirstReplyDue, At(4, 11))));

        var s = await ScorecardAsync(db, new DateOnly(2026, 1, 3), new DateOnly(2026, 1, 5));

        var e = s.Efficiency;
        Assert.Equal(2, e.Conversations); // the 1 January conversation is outside the period
        Assert.Equal(2, e.Replied);
        Assert.Equal(75, e.FirstReplyMedianMinutes);
        Assert.Equal(111, e.FirstReplyP90Minutes);
        Assert.Equal(1, e.Resolved);
        Assert.Equal(50, e.ResolvedPercent);
        Assert.Equal(1.2, e.ResolutionMedianHours); // 70 minutes
        Assert.Equal(2, e.SlaDecided);
        Assert.Equal(50, e.SlaMetPercent);

        var m = s.Meaning;
        Assert.Equal(3, m.Replies);
        Assert.Equal(3, m.AssessedReplies);
        Assert.Equal(33.3, m.HollowPercent);
        Assert.Equal(66.7, m.ActionPercent);
        Assert.Equal(4, m.CustomerMessages);
        Assert.Equal(4, m.EmotionMix.Sum(x => x.Messages));
        Assert.InRange(m.EmotionMix.Sum(x => x.Percent), 99.8, 100.2);
        Assert.Equal(2, m.ConversationsWithLift);
        Assert.Equal(1, m.Vulnerable.Conversations);
        Assert.Equal(100, m.Vulnerable.ResolvedPercent);
        Assert.Equal(2, m.Everyone.Conversations);
        Assert.Equal(50, m.Everyone.ResolvedPercent);
        Assert.True(m.Vulnerable.SentimentLift > 0, "the thanked customer ends happier");
        Assert.True(m.Vulnerable.SentimentLift > m.Everyone.SentimentLift);

        Assert.Equal(3, s.Daily.Count);
        var day = Assert.Single(s.Daily, d => d.Conversations > 0);
        Assert.Equal(new DateOnly(2026, 1, 4), day.Day);
        Assert.Equal(2, day.Conversations);
        Assert.Equal(3, day.Replies);
        Assert.Equal(75, day.FirstReplyMedianMinutes);
        Assert.Equal(m.SentimentLift, day.SentimentLift);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task EmptyPeriod_HasNoFiguresRatherThanZeros(string provider)
    {
        await using var db = await ConversationRouterTests.WithAgentsAsync(provider);
        await TwoStoriesAsync(db);

        var s = await ScorecardAsync(db, new DateOnly(2025, 12, 1), new DateOnly(2025, 12, 7));

        Assert.Equal(0, s.Efficiency.Conversations);
        Assert.Null(s.Efficiency.FirstReplyMedianMinutes);
        Assert.Null(s.Efficiency.SlaMetPercent);
        Assert.Null(s.Meaning.HollowPercent);
        Assert.Null(s.Meaning.SentimentLift);
        Assert.Empty(s.Meaning.EmotionMix);
        Assert.Equal(7, s.Daily.Count);
    }

    [Fact]
    public async Task FromAfterTo_IsInvalid()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        var result = await db.WithAsync(sp => sp.GetRequiredService<Scorecard>().GetAsync(new DateOnly(2026, 1, 5), new DateOnly(2026, 1, 1), CancellationToken.None));
        Assert.Equal("from", result.Error?.Field);
    }
}

public sealed class TeamTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Lead_SeesLoadRisksEscalationsWaitingAndMoments(string provider)
    {
        await using var db = await ConversationRouterTests.WithAgentsAsync(provider);
        var (bereaved, upset, _) = await TwoStoriesAsync(db);
        var now = db.Clock.GetUtcNow();
        var waiting = await SayAsync(db, "w-1", "w", "c-4", now.AddMinutes(-40), "My mother died on Sunday and I can't face sorting out her bills. Please help.");
        await QueryAsync(db, d => d.Conversations.Where(c => c.Id == waiting.ConversationId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.FirstReplyDue, now.AddMinutes(10))));
        await QueryAsync(db, d => d.Conversations.Where(c => c.Id == upset)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Escalated, true).SetProperty(c => c.EscalatedAt, now.AddMinutes(-5))));
        await QueryAsync(db, d => d.Agents.Where(a => a.Email == "tom@example.com")
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Load, 18).SetProperty(a => a.LoadAt, now).SetProperty(a => a.BreakSuggested, true)));

        var team = await db.WithAsync(sp => sp.GetRequiredService<Team>().GetAsync(CancellationToken.None));

        var tom = Assert.Single(team.Agents, a => a.Name == "Tom Trained");
        Assert.Equal(18, tom.Load);
        Assert.Equal("high", tom.LoadLevel);
        Assert.Equal("break suggested", tom.Status);
        Assert.Equal("low", Assert.Single(team.Agents, a => a.Name == "Una Untrained").LoadLevel);
        var risk = Assert.Single(team.SlaRisks);
        Assert.Equal(waiting.ConversationId, risk.ConversationId);
        Assert.Equal("first reply", risk.Target);
        Assert.False(risk.Breached);
        Assert.Equal(10, risk.MinutesLeft);
        Assert.Equal(upset, Assert.Single(team.Escalations).ConversationId);
        Assert.Equal(waiting.ConversationId, Assert.Single(team.VulnerableWaiting).ConversationId);
        Assert.Equal(40, team.VulnerableWaiting[0].WaitingMinutes);

        var coach = Assert.Single(team.CoachingMoments);
        Assert.Equal(upset, coach.ConversationId);
        Assert.Equal("Sam Support", coach.Agent);
        Assert.False(string.IsNullOrWhiteSpace(coach.Tip));
        var praised = Assert.Single(team.Recognition, r => r.ConversationId == bereaved && r.Thanked);
        Assert.Equal("Tom Trained", praised.Agent);
        Assert.DoesNotContain(team.Recognition, r => r.ConversationId == upset);
        Assert.Equal(LoadModel.BreakThreshold, team.BreakThreshold);
    }
}

public sealed class MyDayTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TeamShowsEachAgentTheLoadOfTheirOwnShift_AsTheirMyDayDoes(string provider)
    {
        await using var db = await ConversationRouterTests.WithAgentsAsync(provider); // now: Monday 5 January 09:00 UTC
        var tom = await TomAsync(db);
        await QueryAsync(db, d => d.Agents.Where(a => a.Id == tom)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Shifts, "mon 08:30-17:00").SetProperty(a => a.TimeZone, "UTC")));
        // Heavy work before the shift began (since midnight, but not this shift), a lighter reply in it.
        await SayAsync(db, "g-1", "g", "c-1", At(5, 7), "My wife died last week. I am devastated and cannot cope with the bills.");
        await SayAsync(db, "g-2", "g", "c-1", At(5, 7, 10), InsightsData.Acting, "agent", "tom@example.com");
        await SayAsync(db, "g-3", "g", "c-1", At(5, 8, 10), "I have sent the account details for you.", "agent", "tom@example.com");
        await SayAsync(db, "h-1", "h", "c-2", At(5, 8, 35), "How do I change my address?");
        await SayAsync(db, "h-2", "h", "c-2", At(5, 8, 40), "I have changed it for you now.", "agent", "tom@example.com");

        var day = (await db.WithAsync(sp => sp.GetRequiredService<MyDay>().GetAsync(tom, CancellationToken.None))).Value!;
        var team = await db.WithAsync(sp => sp.GetRequiredService<Team>().GetAsync(CancellationToken.None));

        Assert.Equal(At(5, 8, 30), day.From);
        Assert.Equal(1, day.Handled);
        Assert.True(day.LoadNow > 0);
        Assert.Equal(day.LoadNow, Assert.Single(team.Agents, a => a.Name == "Tom Trained").Load);
    }


    [Theory]
    [InlineData("2026-01-05T09:00:00Z", "2026-01-05T07:30:00Z")] // Monday 10:00 in Amsterdam: the shift began 08:30 there
    [InlineData("2026-01-05T15:50:00Z", "2026-01-05T07:30:00Z")] // 16:50 there, still on shift
    [InlineData("2026-01-05T06:00:00Z", "2026-01-04T22:00:00Z")] // before the shift: the last 8 hours
    [InlineData("2026-01-05T20:00:00Z", "2026-01-05T00:00:00Z")] // after it: since midnight UTC
    public void ShiftStart_IsWhenTheAgentsShiftBeganInTheirTimeZone(string now, string expected)
    {
        var from = MyDay.ShiftStart(DateTimeOffset.Parse(now, CultureInfo.InvariantCulture), "mon,tue,wed,thu,fri 08:30-17:00", "Europe/Amsterdam");
        Assert.Equal(DateTimeOffset.Parse(expected, CultureInfo.InvariantCulture), from);
    }

    private static async Task<long> TomAsync(TestDatabase db) =>
        await QueryAsync(db, d => d.Agents.Where(a => a.Email == "tom@example.com").Select(a => a.Id).SingleAsync());

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Shift_ShowsHandledConversationsAndLoadRisingWithHeavyOnes(string provider)
    {
        await using var db = await ConversationRouterTests.WithAgentsAsync(provider); // now: 5 January 09:00
        await SayAsync(db, "g-1", "g", "c-1", At(5, 7), "My wife died last week. I am devastated and cannot cope with the bills.");
        await SayAsync(db, "g-2", "g", "c-1", At(5, 7, 10), InsightsData.Acting, "agent", "tom@example.com");
        await SayAsync(db, "g-3", "g", "c-1", At(5, 7, 40), "I have sent the account details for you.", "agent", "tom@example.com");
        await SayAsync(db, "h-1", "h", "c-2", At(5, 8), "How do I change my address?");
        await SayAsync(db, "h-2", "h", "c-2", At(5, 8, 5), "I have changed it for you now.", "agent", "tom@example.com");
        await SayAsync(db, "x-1", "x", "c-3", At(4, 20), "Where is my parcel?");
        await SayAsync(db, "x-2", "x", "c-3", At(4, 20, 5), "It arrives tomorrow.", "agent", "tom@example.com");

        var day = (await db.WithAsync(async sp => await sp.GetRequiredService<MyDay>().GetAsync(await TomAsync(db), CancellationToken.None))).Value!;

        Assert.Equal(2, day.Handled); // yesterday evening's reply is not today's work
        Assert.Equal(3, day.Replies);
        Assert.Equal(At(5, 0), day.From);
        Assert.Equal(At(5, 6, 40), day.Load[0].At); // half an hour before the first reply, then every 10 minutes to now
        Assert.Equal(15, day.Load.Count);
        Assert.Equal(db.Clock.GetUtcNow(), day.Load[^1].At);
        Assert.All(day.Load.Where(p => p.At < At(5, 7, 10)), p => Assert.Equal(0, p.Load));
        var grief = Assert.Single(day.Conversations, c => c.Vulnerable);
        var calm = Assert.Single(day.Conversations, c => !c.Vulnerable);
        Assert.True(grief.Intensity > calm.Intensity);
        Assert.Equal(2, grief.Replies);
        Assert.True(day.LoadNow > 0);
        Assert.True(day.PeakLoad >= day.LoadNow);
        Assert.False(day.BreakSuggested);
        Assert.Null(day.BreakReason);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task HighLoad_SuggestsABreak(string provider)
    {
        await using var db = await ConversationRouterTests.WithAgentsAsync(provider);
        var now = db.Clock.GetUtcNow();
        await QueryAsync(db, d => d.Agents.Where(a => a.Email == "tom@example.com")
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Load, LoadModel.BreakThreshold + 5).SetProperty(a => a.LoadAt, now)));

        var day = (await db.WithAsync(async sp => await sp.GetRequiredService<MyDay>().GetAsync(await TomAsync(db), CancellationToken.None))).Value!;

        Assert.True(day.BreakSuggested);
        Assert.Contains("break", day.BreakReason, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("high", day.LoadLevel);
    }

    [Fact]
    public async Task UnknownAgent_IsNotFound()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        var result = await db.WithAsync(sp => sp.GetRequiredService<MyDay>().GetAsync(404, CancellationToken.None));
        Assert.Equal(Attune.App.Common.ErrorKind.NotFound, result.Error?.Kind);
    }
}
