using Attune.App.Routing;
using Attune.Core.Routing.Assignment;

namespace Attune.Cli.Tests.Routing;

public class AgentsFileTests
{
    [Fact]
    public void YamlTeam_WithCountAndShifts_Parses()
    {
        var agents = AgentsFile.Parse("""
            agents:
              - id: care
                desks: [Care]
                vulnerability_trained: true
                capacity: { chat: 2, email: 4 }
                shifts: ["mon-fri 08:00-16:00"]
                count: 3
            """, "a.yaml");
        Assert.Equal(["care-1", "care-2", "care-3"], agents.Select(a => a.Id));
        Assert.Equal(5, agents[0].Shifts.Length);
        Assert.Equal(2, agents[0].CapacityFor("chat"));
        Assert.Equal(0, agents[0].CapacityFor("phone"));
        Assert.True(agents[0].OnShift(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero)));
        Assert.False(agents[0].OnShift(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void JsonTeam_Parses()
    {
        var agents = AgentsFile.Parse("""{"agents": [{"id": "a", "desks": ["*"], "capacity": 3, "status": "break"}]}""", "a.json");
        Assert.Equal(3, agents[0].CapacityFor("social"));
        Assert.Equal(AgentStatus.Break, agents[0].Status);
    }

    [Fact]
    public void Problems_NameLineAndField()
    {
        var e = Assert.Throws<YamlFileException>(() => AgentsFile.Parse("""
            agents:
              - id: a
                desks: [Support]
                capacity: { chat: lots }
                shifts: ["someday 8-4"]
                status: asleep
            """, "a.yaml"));
        Assert.Contains(e.Problems, p => p.Line == 4 && p.Field == "agents[0].capacity.chat");
        Assert.Contains(e.Problems, p => p.Line == 5 && p.Field == "agents[0].shifts");
        Assert.Contains(e.Problems, p => p.Line == 6 && p.Field == "agents[0].status" && p.Message.Contains("available, break, away", StringComparison.Ordinal));
    }
}
