using System.Text.Json;

namespace Attune.Cli.Tests.Commands;

public sealed class CoachCommandTests
{
    [Fact]
    public async Task Reply_PrintsPanelWithScoreFlagsAndSuggestions()
    {
        var (exit, output, _) = await CliRunner.RunAsync(["coach", "We apologize for any inconvenience. Per our policy there is nothing we can do.", "--to", "You charged me twice!"]);
        Assert.Equal(0, exit);
        Assert.Contains("Empathy in action:", output, StringComparison.Ordinal);
        Assert.Contains("scripted cliche", output, StringComparison.Ordinal);
        Assert.Contains("Suggestions", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_HasScorePartsMechanismsAndFlags()
    {
        var (exit, output, _) = await CliRunner.RunAsync(["coach", "--json", "--region", "JP", "--to", "My husband passed away.", "I'm so sorry. Check out our premium plan!"]);
        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.InRange(root.GetProperty("score").GetInt32(), 0, 100);
        Assert.Equal("strong", root.GetProperty("empathy").GetProperty("emotionalReaction").GetProperty("level").GetString());
        Assert.Equal("bereavement", root.GetProperty("situation").GetProperty("name").GetString());
        Assert.Equal("JP", root.GetProperty("region").GetProperty("region").GetString());
        var kinds = root.GetProperty("flags").EnumerateArray().Select(f => f.GetProperty("kind").GetString()).ToList();
        Assert.Contains("toneMismatch", kinds);
        Assert.True(root.GetProperty("flags")[0].GetProperty("span").TryGetProperty("start", out _));
    }

    [Fact]
    public async Task UnknownRegion_IsUnusable()
    {
        var (exit, _, error) = await CliRunner.RunAsync(["coach", "Hello", "--region", "Atlantis"]);
        Assert.Equal(2, exit);
        Assert.Contains("unknown region 'Atlantis'", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GenericFile_SummarisesPerAgentAndReportsBadRowsByLine()
    {
        using var folder = new TempFolder();
        var path = folder.File("chats.csv", """
            conversation_id,author_type,author,text,created_at
            c1,customer,Ann,My parcel never arrived.,2024-01-01T10:00
            c1,agent,Bo,"I'm sorry. I've sent a replacement, it arrives by Friday.",2024-01-01T10:05
            c2,customer,Cy,You charged me twice!,2024-01-01T11:00
            c2,agent,Di,We apologize for any inconvenience.,2024-01-01T11:02
            c2,robot,X,hello,2024-01-01T11:03
            c3,agent,Bo,"As I already said, you should have read the terms.",2024-01-01T12:00
            """);
        var (exit, output, error) = await CliRunner.RunAsync(["coach", path, "--json"]);
        Assert.Equal(1, exit);
        Assert.Contains("line 6: author_type 'robot'", error, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(output);
        var agents = json.RootElement.GetProperty("agents").EnumerateArray().ToDictionary(a => a.GetProperty("agent").GetString()!, a => a);
        Assert.Equal(2, agents["Bo"].GetProperty("replies").GetInt32());
        Assert.Equal(1, agents["Di"].GetProperty("replies").GetInt32());
        Assert.Equal(1.0, agents["Di"].GetProperty("scriptedShare").GetDouble());
        Assert.Equal(3, json.RootElement.GetProperty("total").GetProperty("replies").GetInt32());
    }

    [Fact]
    public async Task TwitterFile_AssessesOutboundTweetsAgainstTheCustomerTweet()
    {
        using var folder = new TempFolder();
        var path = folder.File("twcs.csv", """
            tweet_id,author_id,inbound,created_at,text,response_tweet_id,in_response_to_tweet_id
            1,115712,True,Tue Oct 31 22:10:47 +0000 2017,@sprintcare my phone has no signal since this morning,2,
            2,sprintcare,False,Tue Oct 31 22:11:45 +0000 2017,@115712 I'm sorry! I'll check the towers near you and DM you within the hour.,,1
            3,115713,maybe,Tue Oct 31 22:12:00 +0000 2017,broken row,,
            """);
        var (exit, output, error) = await CliRunner.RunAsync(["coach", path]);
        Assert.Equal(1, exit);
        Assert.Contains("sprintcare", output, StringComparison.Ordinal);
        Assert.Contains("line 4", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FileOfUnknownShape_IsUnusable()
    {
        using var folder = new TempFolder();
        var path = folder.File("x.csv", "a,b\n1,2\n");
        var (exit, _, error) = await CliRunner.RunAsync(["coach", path]);
        Assert.Equal(2, exit);
        Assert.Contains("unknown conversation shape", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OrganisationPlaybooks_AreAppliedAndValidated()
    {
        using var folder = new TempFolder();
        folder.File("bereavement.yaml", "situation: bereavement\ntitle: Our bereavement care\ndo:\n  contact-point: Give your direct line.\n");
        var (exit, output, _) = await CliRunner.RunAsync(["coach", "--playbooks", folder.Path, "--situation", "bereavement", "--to", "My wife died.", "I'm sorry for your loss."]);
        Assert.Equal(0, exit);
        Assert.Contains("Our bereavement care", output, StringComparison.Ordinal);

        folder.File("bad.yaml", "situation: x\ntitle: X\ndo:\n  hug: y\n");
        (exit, _, var error) = await CliRunner.RunAsync(["playbook", "check", folder.Path]);
        Assert.Equal(2, exit);
        Assert.Contains("bad.yaml:4: do.hug: unknown check 'hug'", error, StringComparison.Ordinal);
    }
}

public sealed class PlaybookCommandTests
{
    [Fact]
    public async Task List_ShowsSituationsAndRegions()
    {
        var (exit, output, _) = await CliRunner.RunAsync(["playbook", "list"]);
        Assert.Equal(0, exit);
        Assert.Contains("bereavement", output, StringComparison.Ordinal);
        Assert.Contains("Japan", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bereavement", "account-holder-must")]
    [InlineData("JP", "Japan")]
    [InlineData("pt-BR", "Brazil")]
    public async Task Show_PrintsTheRules(string name, string expected)
    {
        var (exit, output, _) = await CliRunner.RunAsync(["playbook", "show", name]);
        Assert.Equal(0, exit);
        Assert.Contains(expected, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShowUnknown_ListsWhatExists()
    {
        var (exit, _, error) = await CliRunner.RunAsync(["playbook", "show", "nope"]);
        Assert.Equal(2, exit);
        Assert.Contains("bereavement", error, StringComparison.Ordinal);
    }
}
