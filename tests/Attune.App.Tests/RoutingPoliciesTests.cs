using Attune.App.Common;
using Attune.App.Features.Routing;
using Attune.Core.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Attune.App.Tests;

public sealed class RoutingPoliciesTests
{
    private static string Renamed(string name, string version) =>
        RoutingResources.DefaultPolicyYaml
            .Replace("policy: attune-default", "policy: " + name, StringComparison.Ordinal)
            .Replace("version: \"2026-11-23.1\"", $"version: \"{version}\"", StringComparison.Ordinal);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task History_ShowsWhoActivatedEachVersionWhenAndItsDecisions(string provider)
    {
        await using var db = await ConversationRouterTests.WithAgentsAsync(provider);
        await ConversationRouterTests.SayAsync(db, "m-1", "My husband passed away last month and I need to close his account.", "c-1");
        await ConversationRouterTests.RouteAsync(db);
        var firstAt = db.Clock.GetUtcNow();
        await db.WithAsync(sp => sp.GetRequiredService<RoutingPolicies>().ActivateAsync(Renamed("ours", "1"), "ann@example.com", CancellationToken.None));
        await ConversationRouterTests.SayAsync(db, "m-2", "How do I change the email address on my account?", "c-2");
        await ConversationRouterTests.SayAsync(db, "m-3", "Your website is down and we cannot take any payments.", "c-3");
        await ConversationRouterTests.RouteAsync(db);
        db.Clock.Advance(TimeSpan.FromHours(2));
        await db.WithAsync(sp => sp.GetRequiredService<RoutingPolicies>().ActivateAsync(Renamed("ours", "2"), "bob@example.com", CancellationToken.None));

        var history = await db.WithAsync(sp => sp.GetRequiredService<RoutingPolicies>().HistoryAsync(CancellationToken.None));

        Assert.Equal(["2", "1", "2026-11-23.1"], history.Select(h => h.Version));
        Assert.True(history[0].IsActive);
        Assert.Equal("bob@example.com", history[0].ActivatedBy);
        Assert.Null(history[0].ReplacedAt);
        Assert.Equal("ann@example.com", history[1].ActivatedBy);
        Assert.Equal(firstAt, history[1].ActivatedAt);
        Assert.Equal(history[0].ActivatedAt, history[1].ReplacedAt);
        Assert.Equal(2, history[1].Decisions);
        Assert.False(history[1].IsActive);
        Assert.True(history[2].BuiltIn);
        Assert.Equal(1, history[2].Decisions);
        Assert.Equal(firstAt, history[2].ReplacedAt);
        var version = (await db.WithAsync(sp => sp.GetRequiredService<RoutingPolicies>().VersionAsync(history[1].Id!.Value, CancellationToken.None))).Value!;
        Assert.Contains("policy: ours", version.Yaml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoActivation_HistoryIsTheBuiltInDefault()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");

        var entry = Assert.Single(await db.WithAsync(sp => sp.GetRequiredService<RoutingPolicies>().HistoryAsync(CancellationToken.None)));

        Assert.True(entry.BuiltIn);
        Assert.True(entry.IsActive);
        Assert.Null(entry.ActivatedAt);
    }

    [Fact]
    public async Task InvalidPolicy_IsNeverActivated()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");

        var result = await db.WithAsync(sp => sp.GetRequiredService<RoutingPolicies>().ActivateAsync("policy: p\nversion: '1'\n", "ann@example.com", CancellationToken.None));

        Assert.Equal(ErrorKind.Invalid, result.Error!.Kind);
        Assert.True((await db.WithAsync(sp => sp.GetRequiredService<RoutingPolicies>().ActiveAsync(CancellationToken.None))).BuiltIn);
    }
}
