using Attune.Core.Routing;

namespace Attune.Core.Tests.Routing;

public class SlaClockTests
{
    private static readonly SlaTargets Sla = new("care", "office", TimeSpan.FromHours(1), TimeSpan.FromHours(4), TimeSpan.FromHours(10), TimeSpan.FromHours(2));
    private static readonly DateTimeOffset Opened = TestPolicies.Monday9;

    [Theory]
    [InlineData(30, SlaStatus.OnTrack, false)]
    [InlineData(45, SlaStatus.AtRisk, true)]
    [InlineData(59, SlaStatus.AtRisk, true)]
    [InlineData(60, SlaStatus.Breached, true)]
    public void FirstReply_WithoutReply_TurnsAtRiskThenBreached(int minutes, SlaStatus expected, bool escalate)
    {
        var state = SlaClock.Evaluate(new SlaTimer(Opened, null, null, null, null), Sla, TestPolicies.Office, Opened.AddMinutes(minutes));
        Assert.Equal(expected, state.FirstReply);
        Assert.Equal(escalate, state.Escalate);
    }

    [Fact]
    public void OutsideBusinessHours_TheClockStops()
    {
        // Opened Friday 17:30: 30 business minutes that day, the other 30 on Monday morning.
        var friday = new DateTimeOffset(2026, 11, 27, 17, 30, 0, TimeSpan.Zero);
        var timer = new SlaTimer(friday, null, null, null, null);
        var saturday = SlaClock.Evaluate(timer, Sla, TestPolicies.Office, friday.AddDays(1));
        Assert.Equal(SlaStatus.OnTrack, saturday.FirstReply);
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 8, 15, 0, TimeSpan.Zero), saturday.NextCheck);
        var monday = SlaClock.Evaluate(timer, Sla, TestPolicies.Office, new DateTimeOffset(2026, 11, 30, 8, 29, 0, TimeSpan.Zero));
        Assert.Equal(SlaStatus.AtRisk, monday.FirstReply);
        Assert.Equal(SlaStatus.Breached, SlaClock.Evaluate(timer, Sla, TestPolicies.Office, new DateTimeOffset(2026, 11, 30, 8, 30, 0, TimeSpan.Zero)).FirstReply);
    }

    [Fact]
    public void RepliedInTime_IsMet_AndNextCheckIsTheRiskPoint()
    {
        var state = SlaClock.Evaluate(new SlaTimer(Opened, Opened.AddMinutes(20), null, null, null), Sla, TestPolicies.Office, Opened.AddMinutes(30));
        Assert.Equal(SlaStatus.Met, state.FirstReply);
        Assert.Equal(SlaStatus.NotApplicable, state.NextReply);
        Assert.Equal(SlaStatus.OnTrack, state.Resolution);
        Assert.False(state.Escalate);
        Assert.Equal(Opened.AddMinutes(20).AddHours(2), state.NextCheck);
    }

    [Fact]
    public void LongFix_GetsProactiveUpdateOnCadence()
    {
        var timer = new SlaTimer(Opened, Opened.AddMinutes(10), null, null, Opened.AddHours(1));
        Assert.False(SlaClock.Evaluate(timer, Sla, TestPolicies.Office, Opened.AddHours(2)).UpdateDue);
        Assert.True(SlaClock.Evaluate(timer, Sla, TestPolicies.Office, Opened.AddHours(3)).UpdateDue);
    }

    [Fact]
    public void CustomerWaitingForNextReply_Escalates()
    {
        var timer = new SlaTimer(Opened, Opened.AddMinutes(10), Opened.AddHours(1), null, Opened.AddMinutes(10));
        var state = SlaClock.Evaluate(timer, Sla, TestPolicies.Office, Opened.AddHours(4));
        Assert.Equal(SlaStatus.AtRisk, state.NextReply);
        Assert.True(state.Escalate);
    }
}
