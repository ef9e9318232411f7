using System.Collections.Immutable;
using Attune.Core.Listening;
using Attune.Core.Routing;
using Attune.Core.Routing.SelfService;
using Attune.Core.Routing.Simulation;
using FsCheck.Xunit;

namespace Attune.Core.Tests.Routing;

/// <summary>The router's guarantees hold under any valid policy, not just the default: random rule sets that send
/// whatever they match to self-service still never give it to a vulnerable, upset or distressed customer, or one who
/// asked for a person.</summary>
public class GuaranteeProperties
{
    private static readonly string[] ExtraTexts =
    [
        "How do I reset my password? I want to speak to a human.",
        "My dad has dementia, how do I change his address?",
        "I'm so angry, where is my parcel???",
        "Third time asking: how do I download my invoice?",
        "I'm scared I'll lose my home, how do I change my payment date?",
    ];

    private static readonly Lazy<ImmutableArray<RoutingInput>> Inputs = new(() =>
    [
        .. TrafficGenerator.Texts.Concat(ExtraTexts).Select(t => TestPolicies.Input(t)),
    ]);

    private static readonly KnowledgeBase Knowledge = KnowledgeBase.Demo();

    [Property(MaxTest = 100)]
    public bool AnyPolicy_KeepsTheGuarantees(ulong seed)
    {
        var random = new SplitMix64(seed);
        var topics = Enum.GetValues<Topic>();
        var rules = ImmutableArray.CreateBuilder<RoutingRule>();
        var count = 1 + random.Next(6);
        for (var i = 0; i < count; i++)
        {
            var when = random.Next(4) switch
            {
                0 => new RuleCondition { Topics = [topics[random.Next(topics.Length)], topics[random.Next(topics.Length)]] },
                1 => new RuleCondition { UrgencyAtLeast = (UrgencyLevel)random.Next(4) },
                2 => new RuleCondition { ChurnAtLeast = random.Next(10) / 10.0 },
                _ => new RuleCondition(),
            };
            var mode = (HandlingMode)random.Next(3);
            rules.Add(new RoutingRule($"r{i}", when, new RuleAction(mode == HandlingMode.SelfService ? "Help Centre" : "Support", Priority.Normal, mode, "standard", null, null)));
        }
        var router = new PolicyRouter(TestPolicies.Default() with { Rules = rules.ToImmutable() }, Knowledge);
        foreach (var input in Inputs.Value)
        {
            var decision = router.Route(input);
            var mustReachPerson = input.Reading.IsVulnerable || input.PersonRequest is not null
                || RoutingSignals.IsDistressed(input.Reading) || RoutingSignals.HasFailedContact(input.Reading, 0);
            if (decision.Mode == HandlingMode.SelfService && (mustReachPerson || decision.Answer is not { Articles.IsEmpty: false }))
            {
                return false;
            }
            if (input.Reading.IsVulnerable && !decision.NeedsTrainedAgent)
            {
                return false;
            }
            if (decision.PolicyVersion != "t1" || decision.Explanation.Length == 0)
            {
                return false;
            }
        }
        return true;
    }

    [Fact]
    public void ExtraTexts_CoverEachGuarantee()
    {
        var readings = ExtraTexts.Select(t => (Reading: Listener.Default.Read(t), Person: PersonRequest.Find(t))).ToList();
        Assert.NotNull(readings[0].Person);
        Assert.True(readings[1].Reading.IsVulnerable);
        Assert.True(RoutingSignals.IsUpset(readings[2].Reading));
        Assert.True(RoutingSignals.HasFailedContact(readings[3].Reading, 0));
    }
}
