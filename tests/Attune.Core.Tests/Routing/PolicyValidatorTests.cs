using Attune.Core.Listening;
using Attune.Core.Routing;

namespace Attune.Core.Tests.Routing;

public class PolicyValidatorTests
{
    [Fact]
    public void ValidPolicy_HasNoErrors()
    {
        Assert.Empty(PolicyValidator.Validate(TestPolicies.Default()));
    }

    [Fact]
    public void SelfServiceForVulnerable_IsRejected()
    {
        var rule = new RoutingRule("bad", new RuleCondition { Drivers = [VulnerabilityDriver.Health] }, new RuleAction("Help Centre", Priority.Normal, HandlingMode.SelfService, "self", null, null));
        var errors = PolicyValidator.Validate(TestPolicies.Default(rule));
        Assert.Contains(errors, e => e.Path == "rules[0].then.mode" && e.Message.Contains("never sent to self-service", StringComparison.Ordinal));
    }

    [Fact]
    public void UnknownReferencesAndRanges_AreNamedByPath()
    {
        var rule = new RoutingRule("how-to", new RuleCondition { ChurnAtLeast = 1.5 }, new RuleAction("Nowhere", Priority.Normal, HandlingMode.Human, "gold", null, null));
        var errors = PolicyValidator.Validate(TestPolicies.Default(rule));
        Assert.Contains(errors, e => e.Path == "rules[0].when.churn_at_least");
        Assert.Contains(errors, e => e.Path == "rules[0].then.desk" && e.Message.Contains("Care", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Path == "rules[0].then.sla");
        Assert.Contains(errors, e => e.Path == "rules[7].id" && e.Message.Contains("twice", StringComparison.Ordinal));
    }
}
