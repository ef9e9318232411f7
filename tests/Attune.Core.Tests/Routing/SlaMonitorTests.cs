using Attune.Core.Routing;

namespace Attune.Core.Tests.Routing;

public class SlaMonitorTests
{
    private static readonly SlaTargets Sla = new("care", "office", TimeSpan.FromHours(1), TimeSpan.FromHours(4), TimeSpan.FromHours(10), TimeSpan.FromHours(2));
    private static readonly Dictionary<string, BusinessCalendar> Calendars = new() { ["office"] = TestPolicies.Office };
    private static readonly DateTimeOffset Opened = TestPolicies.Monday9;

    [Fact]
    public void FakeClock_EscalatesOnceAtRisk_AndSleepsUntilTheNextChange()
    {
        var waiting = new WatchedConversation("c1", new SlaTimer(Opened, null, null, null, null), Sla, false);
        var early = SlaMonitor.Check([waiting], Calendars, Opened.AddMinutes(10));
        Assert.Empty(early.Actions);
        Assert.Equal(Opened.AddMinutes(45), early.NextCheck);

        var atRisk = SlaMonitor.Check([waiting], Calendars, early.NextCheck!.Value);
        var action = Assert.Single(atRisk.Actions);
        Assert.Equal(SlaActionKind.Escalate, action.Kind);
        Assert.Equal("first reply at risk (care)", action.Reason);

        Assert.Empty(SlaMonitor.Check([waiting with { AlreadyEscalated = true }], Calendars, Opened.AddMinutes(50)).Actions);
    }

    [Fact]
    public void LongFix_GetsStatusUpdates()
    {
        var fixing = new WatchedConversation("c2", new SlaTimer(Opened, Opened.AddMinutes(5), null, null, Opened.AddMinutes(5)), Sla, false);
        var check = SlaMonitor.Check([fixing], Calendars, Opened.AddHours(2).AddMinutes(5));
        Assert.Contains(check.Actions, a => a.Kind == SlaActionKind.SendUpdate && a.ConversationId == "c2");
    }
}
