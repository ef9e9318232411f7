using System.Collections.Immutable;
using Attune.Core.Listening;
using Attune.Core.Routing;
using Attune.Core.Routing.Assignment;

namespace Attune.Core.Tests.Routing;

/// <summary>Policies and agents built in code (Core's tests have no YAML parser; the CLI tests parse the real files).</summary>
internal static class TestPolicies
{
    public static readonly DateTimeOffset Monday9 = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    public static BusinessCalendar Office { get; } = new("office", TimeSpan.Zero,
    [
        null,
        new OpenWindow(TimeSpan.FromHours(8), TimeSpan.FromHours(18)),
        new OpenWindow(TimeSpan.FromHours(8), TimeSpan.FromHours(18)),
        new OpenWindow(TimeSpan.FromHours(8), TimeSpan.FromHours(18)),
        new OpenWindow(TimeSpan.FromHours(8), TimeSpan.FromHours(18)),
        new OpenWindow(TimeSpan.FromHours(8), TimeSpan.FromHours(18)),
        null,
    ]);

    public static RoutingPolicy Default(params RoutingRule[] extraFirst)
    {
        RuleAction Act(string desk, HandlingMode mode, Priority priority, string sla, string? playbook = null, string? label = null) =>
            new(desk, priority, mode, sla, playbook, label);
        ImmutableArray<RoutingRule> rules =
        [
            .. extraFirst,
            new("bereavement", new RuleCondition { Characteristics = [VulnerabilityCharacteristic.Bereavement] }, Act("Care", HandlingMode.Specialist, Priority.High, "care", "bereavement")),
            new("vulnerable", new RuleCondition { Vulnerable = true }, Act("Care", HandlingMode.Specialist, Priority.High, "care", "vulnerability")),
            new("critical", new RuleCondition { UrgencyAtLeast = UrgencyLevel.Critical }, Act("Priority", HandlingMode.Human, Priority.Urgent, "critical")),
            new("churn", new RuleCondition { ChurnAtLeast = 0.5 }, Act("Retention", HandlingMode.Specialist, Priority.High, "standard")),
            new("asks-for-person", new RuleCondition { AsksForPerson = true }, Act("Support", HandlingMode.Human, Priority.Normal, "standard")),
            new("upset", new RuleCondition { Upset = true }, Act("Support", HandlingMode.Human, Priority.High, "standard")),
            new("how-to", new RuleCondition { Topics = [Topic.Information, Topic.AccountAccess, Topic.Order, Topic.Delivery, Topic.Payment] }, Act("Help Centre", HandlingMode.SelfService, Priority.Normal, "self", label: "Self-service")),
        ];
        return new RoutingPolicy(
            "test",
            "t1",
            ImmutableDictionary.CreateRange<string, BusinessCalendar>(StringComparer.Ordinal, [new("office", Office), new("always", BusinessCalendar.AlwaysOpen("always"))]),
            [new("Care", true), new("Retention", false), new("Priority", false), new("Support", false), new("Help Centre", false)],
            ImmutableDictionary.CreateRange<string, SlaTargets>(StringComparer.Ordinal,
            [
                new("care", new SlaTargets("care", "office", TimeSpan.FromHours(1), TimeSpan.FromHours(4), TimeSpan.FromDays(5), TimeSpan.FromDays(1))),
                new("critical", new SlaTargets("critical", "always", TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(30), TimeSpan.FromHours(8), TimeSpan.FromHours(1))),
                new("standard", new SlaTargets("standard", "office", TimeSpan.FromHours(8), TimeSpan.FromHours(8), TimeSpan.FromDays(3), null)),
                new("self", new SlaTargets("self", "always", TimeSpan.FromMinutes(1), TimeSpan.FromHours(1), TimeSpan.FromDays(1), null)),
            ]),
            rules,
            Act("Support", HandlingMode.Human, Priority.Normal, "standard"),
            "office");
    }

    public static RoutingInput Input(string text, DateTimeOffset? now = null, CustomerContext? customer = null, string channel = "chat") =>
        new(Listener.Default.Read(text), customer ?? CustomerContext.Unknown("c1"), channel, now ?? Monday9, PersonRequest.Find(text), Text: text);

    public static Agent Agent(string id, bool trained, int chat = 2, params string[] desks) =>
        new(id, id, desks.Length == 0 ? ["*"] : [.. desks], ["en"], trained, ImmutableDictionary<string, int>.Empty.Add("chat", chat).Add("email", chat + 2), []);
}
