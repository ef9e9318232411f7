using Attune.App.Features.Routing;
using Attune.Core.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Attune.App.Tests;

public sealed class PolicyComparisonsTests
{
    // The default policy without its self-service rule: how-to questions go to people.
    private static readonly string NoSelfService = RoutingResources.DefaultPolicyYaml
        .Replace("policy: attune-default", "policy: no-self-service", StringComparison.Ordinal)
        .Replace("""
          - id: how-to
            when: { topic: [information, account_access, order, delivery, payment], upset: false }
            then: { desk: Help Centre, mode: self_service, priority: normal, sla: self_service, label: Self-service }
        """, "", StringComparison.Ordinal);

    private static Task<(PolicyComparison? Comparison, IReadOnlyList<PolicyProblem> Problems)> CompareAsync(TestDatabase db, RecentComparisonRequest request) =>
        db.WithAsync(sp => sp.GetRequiredService<PolicyComparisons>().CompareRecentAsync(request, CancellationToken.None));

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RecentTraffic_ReplaysLastDaysWithRealAgentsUnderBothPolicies(string provider)
    {
        Assert.DoesNotContain("id: how-to", NoSelfService, StringComparison.Ordinal);
        await using var db = await ConversationRouterTests.WithAgentsAsync(provider);
        await ConversationRouterTests.SayAsync(db, "old", "I want to cancel my subscription today.", "c-0");
        db.Clock.Advance(TimeSpan.FromDays(10));
        await ConversationRouterTests.SayAsync(db, "m-1", "My husband passed away last month and I need to close his account. I don't know what to do.", "c-1");
        await ConversationRouterTests.SayAsync(db, "m-2", "How do I change the email address on my account?", "c-2");
        db.Clock.Advance(TimeSpan.FromHours(1));

        var (comparison, problems) = await CompareAsync(db, new RecentComparisonRequest(NoSelfService, Days: 7));

        Assert.Empty(problems);
        Assert.NotNull(comparison);
        Assert.Equal(2, comparison.Traffic.Conversations);
        Assert.Equal(3, comparison.Traffic.Agents);
        Assert.Equal("active", comparison.BaselineLabel);
        Assert.Equal("attune-default", comparison.Baseline.Policy);
        Assert.Equal("no-self-service", comparison.Draft.Policy);
        Assert.Equal(1, comparison.Baseline.SelfServed + comparison.Baseline.Handoffs);
        Assert.Equal(0, comparison.Draft.SelfServed + comparison.Draft.Handoffs);
        Assert.Equal(2, comparison.Draft.HumanHandled);
        Assert.All(new[] { comparison.Baseline, comparison.Draft }, s =>
        {
            Assert.Equal(1, s.Vulnerable);
            Assert.Equal(1, s.VulnerableByTrained);
            Assert.Equal(3, s.Agents.Count);
            Assert.Equal(4, s.Segments.Count);
        });
        Assert.Contains(comparison.Draft.Agents, a => a.Name == "Tom Trained" && a.Conversations == 1);
    }

    [Fact]
    public async Task InvalidDraft_NamesLineAndFieldAndSimulatesNothing()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");

        var (comparison, problems) = await CompareAsync(db, new RecentComparisonRequest("policy: p\nversion: '1'\nfallback: { desk: Support, mode: robot, sla: x }\n"));

        Assert.Null(comparison);
        Assert.Contains(problems, p => p.Line == 3 && p.Field == "draft.fallback.mode");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(32)]
    public async Task DaysOutOfRange_IsRefused(int days)
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");

        var (comparison, problems) = await CompareAsync(db, new RecentComparisonRequest(RoutingResources.DefaultPolicyYaml, Days: days));

        Assert.Null(comparison);
        Assert.Equal("days", Assert.Single(problems).Field);
    }

    [Fact]
    public async Task NoRecentTraffic_ComparesEmptyReplays()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");

        var (comparison, _) = await CompareAsync(db, new RecentComparisonRequest(RoutingResources.DefaultPolicyYaml));

        Assert.NotNull(comparison);
        Assert.Equal(0, comparison.Traffic.Conversations);
        Assert.Equal(0, comparison.Draft.Conversations);
    }
}
