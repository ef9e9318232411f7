using Attune.App.Routing;
using Attune.Core.Listening;
using Attune.Core.Routing;

namespace Attune.Cli.Tests.Routing;

public class PolicyYamlTests
{
    private const string Minimal = """
        policy: p
        version: "1"
        calendars:
          office:
            hours: { mon: "08:00-18:00", tue: "08:00-18:00" }
        desks: [Support, Care]
        slas:
          standard: { calendar: office, first_reply: 4h, next_reply: 8h, resolution: 2d }
        rules:
          - id: grief
            when: { characteristic: [bereavement] }
            then: { desk: Care, mode: specialist, priority: high, sla: standard, playbook: bereavement }
        fallback: { desk: Support, mode: human, sla: standard }
        """;

    [Fact]
    public void DefaultPolicy_ParsesAndValidates()
    {
        var policy = PolicyYaml.Default();
        Assert.Equal("attune-default", policy.Name);
        Assert.Empty(PolicyValidator.Validate(policy));
        Assert.Equal("bereavement", policy.Rules.First(r => r.When.Characteristics.Contains(VulnerabilityCharacteristic.Bereavement)).Id);
        Assert.True(policy.Desks.Single(d => d.Name == "Care").RequiresVulnerabilityTraining);
    }

    [Fact]
    public void DefaultPolicy_RoutesBereavementToCare_AndHowToToSelfService()
    {
        var router = new PolicyRouter(PolicyYaml.Default(), Core.Routing.SelfService.KnowledgeBase.Demo());
        var now = new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
        RoutingDecision Route(string text) =>
            router.Route(new RoutingInput(Listener.Default.Read(text), CustomerContext.Unknown("c"), "chat", now, PersonRequest.Find(text), Text: text));
        var grief = Route("My husband passed away last month and I need to close his account.");
        Assert.Equal("Care", grief.Desk);
        Assert.StartsWith("Care desk: bereavement cue '", grief.Explanation, StringComparison.Ordinal);
        Assert.Equal("2026-11-23.1", grief.PolicyVersion);
        Assert.Equal(HandlingMode.SelfService, Route("How do I reset my password?").Mode);
        Assert.Equal("Retention", Route("I'm cancelling, switching to another provider next week.").Desk);
        Assert.Equal(Priority.Urgent, Route("Our website is down and none of our customers can log in. We are losing money every minute!").Priority);
        Assert.NotEqual(HandlingMode.SelfService, Route("how do I reset my password, or can I speak to a human").Mode);
    }

    [Fact]
    public void MinimalPolicy_Parses()
    {
        var (policy, problems) = PolicyYaml.Check(Minimal);
        Assert.Empty(problems);
        Assert.NotNull(policy);
        Assert.Equal(TimeSpan.FromHours(4), policy.Slas["standard"].FirstReply);
        Assert.Equal("office", policy.DefaultCalendar);
    }

    [Fact]
    public void UnknownField_IsReportedWithLineAndAllowedFields()
    {
        var (policy, problems) = PolicyYaml.Check(Minimal.Replace("playbook: bereavement", "playbok: bereavement", StringComparison.Ordinal));
        Assert.Null(policy);
        var problem = Assert.Single(problems);
        Assert.Equal(12, problem.Line);
        Assert.Equal("rules[0].then.playbok", problem.Field);
        Assert.Contains("allowed: desk, mode, priority, sla, playbook, label", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BadEnumAndDuration_AreReportedWithWhatIsAllowed()
    {
        var text = Minimal.Replace("[bereavement]", "[grieving]", StringComparison.Ordinal).Replace("first_reply: 4h", "first_reply: soon", StringComparison.Ordinal);
        var (_, problems) = PolicyYaml.Check(text);
        Assert.Equal(2, problems.Count);
        Assert.Equal((8, "slas.standard.first_reply"), (problems[0].Line, problems[0].Field));
        Assert.Contains("30m, 4h, 2d", problems[0].Message, StringComparison.Ordinal);
        Assert.Equal((11, "rules[0].when.characteristic"), (problems[1].Line, problems[1].Field));
        Assert.Contains("bereavement", problems[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CoreValidationErrors_PointAtTheRightLine()
    {
        var (policy, problems) = PolicyYaml.Check(Minimal.Replace("desk: Care,", "desk: Grief,", StringComparison.Ordinal));
        Assert.Null(policy);
        var problem = Assert.Single(problems);
        Assert.Equal(12, problem.Line);
        Assert.Equal("rules[0].then.desk", problem.Field);
        Assert.Contains("unknown desk 'Grief'; defined: Care, Support", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SelfServiceForVulnerable_IsNeverActivated()
    {
        var text = Minimal.Replace("mode: specialist", "mode: self_service", StringComparison.Ordinal);
        var e = Assert.Throws<YamlFileException>(() => PolicyYaml.Parse(text, "p.yaml"));
        Assert.Contains("never sent to self-service", e.Message, StringComparison.Ordinal);
        Assert.Contains("line 12", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BrokenYaml_IsReportedWithItsLine()
    {
        var (_, problems) = PolicyYaml.Check("policy: p\nrules: [\n  - id: x\n");
        var problem = Assert.Single(problems);
        Assert.Contains("not valid YAML", problem.Message, StringComparison.Ordinal);
        Assert.True(problem.Line >= 2);
    }

    [Fact]
    public void YamlTheParserGivesUpOn_IsReportedNotThrown()
    {
        // Found by PolicyYamlProperties: YamlDotNet throws InvalidOperationException, not a YamlException, on this.
        var (policy, problems) = PolicyYaml.Check(":\n{\ra");
        Assert.Null(policy);
        var problem = Assert.Single(problems);
        Assert.Contains("not valid YAML", problem.Message, StringComparison.Ordinal);
        Assert.True(problem.Line >= 1);
    }

    [Fact]
    public void MissingSections_AreAllReported()
    {
        var (_, problems) = PolicyYaml.Check("policy: p\nversion: '1'\n");
        Assert.Contains(problems, p => p.Field == "calendars");
        Assert.Contains(problems, p => p.Field == "desks");
        Assert.Contains(problems, p => p.Field == "slas");
        Assert.Contains(problems, p => p.Field == "fallback");
    }

    [Theory]
    [InlineData("first_reply: 4h", "first_reply: 999999999d", "slas.standard.first_reply")]
    [InlineData("{ characteristic: [bereavement] }", "{ churn_at_least: NaN }", "rules[0].when.churn_at_least")]
    [InlineData("desks: [Support, Care]", "desks: [Support, Care, [x]]", "desks[2]")]
    public void OddValues_AreProblemsNotCrashes(string from, string to, string field)
    {
        var (policy, problems) = PolicyYaml.Check(Minimal.Replace(from, to, StringComparison.Ordinal));
        Assert.Null(policy);
        Assert.Contains(problems, p => p.Field == field);
    }
}
