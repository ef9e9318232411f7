using Attune.Core.Listening;
using Attune.Core.Routing.Assignment;

namespace Attune.Core.Tests.Routing;

public class AssignmentBoardTests
{
    private static readonly DateTimeOffset Now = TestPolicies.Monday9;

    private static AssignmentRequest Request(string id, bool trained = false, double intensity = 1, double minutes = 20, string channel = "chat") =>
        new(id, "Support", channel, "en", trained, intensity, minutes);

    [Fact]
    public void VulnerableCustomer_WaitsRatherThanGoToUntrainedAgent()
    {
        var board = new AssignmentBoard([TestPolicies.Agent("u", trained: false)], Now);
        Assert.Null(board.TryAssign(Request("v", trained: true), Now));
        Assert.Equal("u", board.TryAssign(Request("r"), Now)?.Agent.Id);
    }

    [Fact]
    public void LowerLoad_WinsTheNextConversation()
    {
        var board = new AssignmentBoard([TestPolicies.Agent("a", true, chat: 3), TestPolicies.Agent("b", true, chat: 3)], Now);
        Assert.Equal("a", board.TryAssign(Request("1", intensity: 4), Now)?.Agent.Id);
        Assert.Equal("b", board.TryAssign(Request("2"), Now)?.Agent.Id);
        Assert.Equal("b", board.TryAssign(Request("3"), Now)?.Agent.Id);
    }

    [Fact]
    public void AfterThreeHeavy_AgentGetsOnlyLighterWork()
    {
        var board = new AssignmentBoard([TestPolicies.Agent("a", true, chat: 10)], Now);
        for (var i = 0; i < LoadModel.MaxHeavyStreak; i++)
        {
            Assert.NotNull(board.TryAssign(Request($"h{i}", intensity: 3, minutes: 5), Now.AddMinutes(i * 30)));
        }
        var later = Now.AddHours(3);
        Assert.Null(board.TryAssign(Request("h-next", intensity: 3, minutes: 5), later));
        Assert.NotNull(board.TryAssign(Request("light", minutes: 5), later));
        Assert.NotNull(board.TryAssign(Request("h-after-light", intensity: 3, minutes: 5), later));
    }

    [Fact]
    public void Load_Recovers_FasterOnABreak()
    {
        var working = new AssignmentBoard([TestPolicies.Agent("a", true)], Now);
        var resting = new AssignmentBoard([TestPolicies.Agent("a", true)], Now);
        working.TryAssign(Request("1", intensity: 4), Now);
        resting.TryAssign(Request("1", intensity: 4), Now);
        var start = working["a"].Load;
        resting.StartBreak("a", Now);
        working.Advance(Now.AddMinutes(LoadModel.HalfLifeWorking));
        resting.Advance(Now.AddMinutes(LoadModel.HalfLifeWorking));
        Assert.Equal(start / 2, working["a"].Load, 6);
        Assert.True(resting["a"].Load < start / 4);
    }

    [Fact]
    public void SustainedHighLoad_SuggestsABreak_ThenAlertsTheLead()
    {
        var board = new AssignmentBoard([TestPolicies.Agent("a", true, chat: 10)], Now);
        // Two long, very heavy conversations: well above both thresholds.
        board.TryAssign(Request("1", intensity: 6, minutes: 60), Now);
        board.TryAssign(Request("2", intensity: 6, minutes: 60), Now);
        Assert.True(board["a"].Load >= LoadModel.AlertThreshold);
        board.Advance(Now.AddMinutes(LoadModel.SustainedMinutes));
        Assert.Contains(board.Alerts, a => a.Kind == WellbeingAlertKind.BreakSuggested);
        Assert.Contains(board.Alerts, a => a.Kind == WellbeingAlertKind.LeadAlert && a.AgentId == "a");
        Assert.Null(board.TryAssign(Request("3"), Now.AddMinutes(LoadModel.SustainedMinutes)));
    }

    [Fact]
    public void GriefAndAnger_WeighMoreThanACalmQuestion()
    {
        var calm = LoadModel.Intensity(Listener.Default.Read("How do I download my invoice?"));
        var grief = LoadModel.Intensity(Listener.Default.Read("My husband passed away last month and I can't cope with all this."));
        var anger = LoadModel.Intensity(Listener.Default.Read("This is absolutely ridiculous, I am furious with your useless service!"));
        Assert.True(calm < 1.5, $"calm {calm}");
        Assert.True(grief > calm + 1, $"grief {grief}");
        Assert.True(anger > calm + 0.5, $"anger {anger}");
        Assert.True(LoadModel.IsHeavy(grief));
    }

    [Fact]
    public void RestoredSnapshot_KeepsLoadStreakAndOpenWork()
    {
        var first = new AssignmentBoard([TestPolicies.Agent("a", true, chat: 10)], Now);
        for (var i = 0; i < LoadModel.MaxHeavyStreak; i++)
        {
            Assert.NotNull(first.TryAssign(Request($"h{i}", intensity: 3, minutes: 5), Now));
        }
        var saved = first["a"].Snapshot();

        var second = new AssignmentBoard([TestPolicies.Agent("a", true, chat: 10)], Now.AddMinutes(1));
        second.Restore("a", saved);

        Assert.Equal(first["a"].Load, second["a"].Load);
        Assert.Equal(LoadModel.MaxHeavyStreak, second["a"].HeavyStreak);
        Assert.Equal(LoadModel.MaxHeavyStreak, second["a"].Active("chat"));
        Assert.Null(second.TryAssign(Request("h-next", intensity: 3, minutes: 5), Now.AddMinutes(1)));
    }
}
