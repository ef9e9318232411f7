using Attune.Core.Listening;
using Attune.Core.Routing;
using Attune.Core.Routing.SelfService;

namespace Attune.Core.Tests.Routing;

public class PolicyRouterTests
{
    private static readonly PolicyRouter Router = new(TestPolicies.Default(), KnowledgeBase.Demo());

    [Fact]
    public void Bereavement_GoesToCareDesk_WithPlainExplanation()
    {
        var decision = Router.Route(TestPolicies.Input("My husband passed away last month and I need to close his account."));
        Assert.Equal("Care", decision.Desk);
        Assert.Equal(HandlingMode.Specialist, decision.Mode);
        Assert.Equal("bereavement", decision.RuleId);
        Assert.Equal("t1", decision.PolicyVersion);
        Assert.Equal("bereavement", decision.Playbook);
        Assert.True(decision.NeedsTrainedAgent);
        Assert.StartsWith("Care desk: bereavement cue '", decision.Explanation, StringComparison.Ordinal);
        Assert.EndsWith("(life event)", decision.Explanation, StringComparison.Ordinal);
        Assert.Contains("passed away", decision.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void FirstMatchingRule_Decides()
    {
        // Ill and leaving: the vulnerability rule comes first in the rule order, so Care, not Retention.
        var input = TestPolicies.Input("I'm in hospital with cancer and I'm switching to another provider.");
        Assert.True(input.Reading.IsVulnerable);
        Assert.Equal("Care", Router.Route(input).Desk);

        var churnFirst = new PolicyRouter(TestPolicies.Default(new RoutingRule("churn-first", new RuleCondition { ChurnAtLeast = 0.5 }, new RuleAction("Retention", Priority.High, HandlingMode.Specialist, "standard", null, null))));
        var decision = churnFirst.Route(input);
        Assert.Equal("Retention", decision.Desk);
        Assert.Equal("churn-first", decision.RuleId);
        Assert.True(decision.NeedsTrainedAgent);
    }

    [Fact]
    public void RoutineHowTo_GetsSelfServiceWithHandoff()
    {
        var decision = Router.Route(TestPolicies.Input("How do I reset my password?"));
        Assert.Equal(HandlingMode.SelfService, decision.Mode);
        Assert.NotNull(decision.Answer);
        Assert.Equal("reset-password", decision.Answer.Articles[0].Article.Id);
        Assert.Equal(SelfServiceAnswer.TalkToAPerson, decision.Answer.Handoff);
    }

    [Theory]
    [InlineData("How do I reset my password? I just want to speak to a human.")]
    [InlineData("How do I reset my password?? Can I talk to a real person")]
    public void AskingForAPerson_ReachesAPerson(string text)
    {
        var decision = Router.Route(TestPolicies.Input(text));
        Assert.NotEqual(HandlingMode.SelfService, decision.Mode);
        Assert.Contains("asked for a person", decision.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void VulnerableCustomer_WithHowToQuestion_NeverGetsSelfService()
    {
        // The how-to rule comes first here; the guarantee still sends the customer to a person.
        var policy = TestPolicies.Default(new RoutingRule("how-to-first", new RuleCondition { Topics = [Topic.AccountAccess, Topic.Information] }, new RuleAction("Help Centre", Priority.Normal, HandlingMode.SelfService, "self", null, null)));
        var input = TestPolicies.Input("I've just lost my job, how do I reset my password?");
        Assert.True(input.Reading.IsVulnerable);
        var decision = new PolicyRouter(policy, KnowledgeBase.Demo()).Route(input);
        Assert.Equal(HandlingMode.Human, decision.Mode);
        Assert.True(decision.NeedsTrainedAgent);
        Assert.Contains("never self-service", decision.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void NoArticleFound_HandsToAPerson()
    {
        var decision = new PolicyRouter(TestPolicies.Default(), new KnowledgeBase([])).Route(TestPolicies.Input("How do I reset my password?"));
        Assert.Equal(HandlingMode.Human, decision.Mode);
        Assert.Contains("no self-service answer found", decision.Guarantees);
    }

    [Fact]
    public void CriticalUrgency_JumpsTheQueue()
    {
        var decision = Router.Route(TestPolicies.Input("Our website is down and none of our customers can log in. We are losing money every minute!"));
        Assert.Equal(Priority.Urgent, decision.Priority);
        Assert.Contains("critical urgency", decision.Explanation, StringComparison.Ordinal);
        Assert.Equal(TestPolicies.Monday9.AddMinutes(15), decision.FirstReplyDue);
    }

    [Fact]
    public void NoRuleMatches_FallbackSaysSo()
    {
        var decision = Router.Route(TestPolicies.Input("Thanks, the engineer was brilliant."));
        Assert.Equal("fallback", decision.RuleId);
        Assert.Equal("Support desk: no rule matched (fallback)", decision.Explanation);
    }

    [Fact]
    public void FirstReplyDue_CountsBusinessHoursOnly()
    {
        // Friday 17:00 + 8 business hours on an 08:00–18:00 Mon–Fri calendar = Monday 15:00.
        var friday17 = new DateTimeOffset(2026, 11, 27, 17, 0, 0, TimeSpan.Zero);
        var decision = Router.Route(TestPolicies.Input("Thanks, the engineer was brilliant.", friday17));
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 15, 0, 0, TimeSpan.Zero), decision.FirstReplyDue);
    }

    [Fact]
    public void CustomerAndChannelConditions_AllMustHold()
    {
        var rule = new RoutingRule("key-account", new RuleCondition { ValueAtLeast = 10_000, Regions = ["jp"], Channels = ["email"], RenewalWithinDays = 30 },
            new RuleAction("Retention", Priority.High, HandlingMode.Specialist, "standard", "key-account", "Key accounts"));
        var router = new PolicyRouter(TestPolicies.Default(rule));
        var customer = new CustomerContext("c9", "JP", 50_000, new DateOnly(2026, 12, 10), 0, []);
        var hit = router.Route(TestPolicies.Input("Thanks, the engineer was brilliant.", customer: customer, channel: "email"));
        Assert.Equal("key-account", hit.RuleId);
        Assert.Equal("Key accounts: region JP; account value 50000; renews in 17 days; channel email", hit.Explanation);
        var miss = router.Route(TestPolicies.Input("Thanks, the engineer was brilliant.", customer: customer, channel: "chat"));
        Assert.Equal("fallback", miss.RuleId);
    }

    [Fact]
    public void InvalidPolicy_CannotRoute()
    {
        var policy = TestPolicies.Default() with { Fallback = new RuleAction("Nowhere", Priority.Normal, HandlingMode.Human, "standard", null, null) };
        var e = Assert.Throws<ArgumentException>(() => new PolicyRouter(policy));
        Assert.Contains("fallback.desk", e.Message, StringComparison.Ordinal);
    }
}
