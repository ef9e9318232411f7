namespace Attune.Cli.Tests.Routing;

public class RouteCommandTests
{
    [Fact]
    public async Task Bereavement_IsExplained()
    {
        var (exit, output, _) = await CliRunner.RunAsync(["route", "My husband passed away last month and I need to close his account.", "--at", "2026-11-23T10:00:00Z"]);
        Assert.Equal(0, exit);
        Assert.StartsWith("Care desk: bereavement cue '", output, StringComparison.Ordinal);
        Assert.Contains("first reply by 2026-11-23 11:00", output, StringComparison.Ordinal);
        Assert.Contains("rule bereavement of attune-default", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HowTo_ShowsArticlesAndTheWayToAPerson()
    {
        var (exit, output, _) = await CliRunner.RunAsync(["route", "How do I reset my password?", "--json"]);
        Assert.Equal(0, exit);
        Assert.Contains("\"mode\": \"self_service\"", output, StringComparison.Ordinal);
        Assert.Contains("\"id\": \"reset-password\"", output, StringComparison.Ordinal);
        Assert.Contains("\"handoff\": \"Talk to a person\"", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PolicyCheck_ReportsProblemsAndRefuses()
    {
        using var folder = new TempFolder();
        var bad = folder.File("bad.yaml", "policy: p\nversion: '1'\nfallback: { desk: Support, mode: robot, sla: x }\n");
        var (exit, _, error) = await CliRunner.RunAsync(["policy", "check", bad]);
        Assert.Equal(2, exit);
        Assert.Contains("line 3", error, StringComparison.Ordinal);
        Assert.Contains("fallback.mode: 'robot' is not allowed; allowed: self_service, human, specialist", error, StringComparison.Ordinal);
        Assert.Contains("cannot be activated", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PolicyDefault_PrintsAPolicyThatChecks()
    {
        using var folder = new TempFolder();
        var (_, yaml, _) = await CliRunner.RunAsync(["policy", "default"]);
        var path = folder.File("default.yaml", yaml);
        var (exit, output, _) = await CliRunner.RunAsync(["policy", "check", path]);
        Assert.Equal(0, exit);
        Assert.Contains("valid: attune-default", output, StringComparison.Ordinal);
    }
}
