namespace Attune.Cli.Tests.Routing;

public class SimulateCommandTests
{
    private const string Agents = """
        agents:
          - id: care
            desks: [Care, Support]
            vulnerability_trained: true
            capacity: { chat: 2, email: 4, phone: 1, social: 2 }
            count: 2
          - id: support
            desks: ["*"]
            capacity: { chat: 3, email: 6, phone: 1, social: 3 }
            count: 3
        """;

    [Fact]
    public async Task GeneratedDay_TwoPolicies_PrintsSideBySideAndWritesCharts()
    {
        using var folder = new TempFolder();
        var agents = folder.File("agents.yaml", Agents);
        var other = folder.File("other.yaml", File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "speed-first-policy.yaml")));
        var charts = Path.Combine(folder.Path, "charts");
        var (exit, output, error) = await CliRunner.RunAsync(["simulate", "--generate", "300", "--agents", agents, "--policy", "default", "--policy", other, "--chart", charts]);
        Assert.True(exit == 0, error);
        Assert.Contains("attune-default", output, StringComparison.Ordinal);
        Assert.Contains("speed-first", output, StringComparison.Ordinal);
        Assert.Contains("vulnerable handled by trained people", output, StringComparison.Ordinal);
        Assert.Equal(5, Directory.GetFiles(charts, "*.svg").Length);
        Assert.Contains("<polyline", File.ReadAllText(Path.Combine(charts, "load-care-1.svg")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SameArguments_GiveTheSameTables()
    {
        using var folder = new TempFolder();
        var agents = folder.File("agents.yaml", Agents);
        string[] args = ["simulate", "--generate", "400", "--days", "7", "--agents", agents];
        var a = await CliRunner.RunAsync(args);
        var b = await CliRunner.RunAsync(args);
        static string Tables(string s) => s[..s.IndexOf("Read ", StringComparison.Ordinal)];
        Assert.Equal(Tables(a.Out), Tables(b.Out));
    }

    [Fact]
    public async Task TrafficFile_BadRowsAreSkippedAndNamed()
    {
        using var folder = new TempFolder();
        var agents = folder.File("agents.yaml", Agents);
        var traffic = folder.File("traffic.csv", """
            conversation_id,customer,region,channel,text,created_at
            1,c1,uk,chat,How do I reset my password?,2026-11-23T09:00:00Z
            2,c2,uk,email,My husband passed away last month and I need to close his account.,2026-11-23T09:05:00Z
            3,c3,uk,chat,Where is my parcel?,yesterday
            """);
        var (exit, output, error) = await CliRunner.RunAsync(["simulate", "--traffic", traffic, "--agents", agents]);
        Assert.Equal(1, exit);
        Assert.Contains("line 4: created_at 'yesterday'", error, StringComparison.Ordinal);
        Assert.Contains("1/1 (100.0%)", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvalidPolicy_IsNotUsed()
    {
        using var folder = new TempFolder();
        var agents = folder.File("agents.yaml", Agents);
        var policy = folder.File("bad.yaml", "policy: p\nversion: '1'\n");
        var (exit, _, error) = await CliRunner.RunAsync(["simulate", "--generate", "10", "--agents", agents, "--policy", policy]);
        Assert.Equal(2, exit);
        Assert.Contains("line 1", error, StringComparison.Ordinal);
        Assert.Contains("never activated", error, StringComparison.Ordinal);
    }
}
