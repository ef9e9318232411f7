using System.Text.Json;

namespace Attune.Cli.Tests.Commands;

public sealed class AnalyzeCommandTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task CsvWithQuotedNewlineAndABadRow_WritesGoodRowsKeepsColumnsAndReportsTheLine()
    {
        var csv = _temp.File("tickets.csv",
            "id,text,agent\r\n" +
            "1,\"Hello, \"\"team\"\"\nmy parcel never came\",ann\r\n" +
            "2,too,many,fields\r\n" +
            "3,Thanks for the quick refund,bob\r\n");

        var (exit, output, error) = await CliRunner.RunAsync(["analyze", csv]);

        Assert.Equal(1, exit);
        Assert.Contains("line 4", error, StringComparison.Ordinal);
        Assert.Contains("wrong field count", error, StringComparison.Ordinal);
        var lines = File.ReadAllLines(Path.Combine(_temp.Path, "tickets.readings.jsonl"));
        Assert.Equal(2, lines.Length);
        using var first = JsonDocument.Parse(lines[0]);
        Assert.Equal(2, first.RootElement.GetProperty("line").GetInt32());
        Assert.Equal("1", first.RootElement.GetProperty("row").GetProperty("id").GetString());
        Assert.Equal("ann", first.RootElement.GetProperty("row").GetProperty("agent").GetString());
        Assert.False(first.RootElement.GetProperty("row").TryGetProperty("text", out _));
        Assert.Equal("Hello, \"team\"\nmy parcel never came", first.RootElement.GetProperty("text").GetString());
        Assert.True(first.RootElement.GetProperty("reading").TryGetProperty("sentiment", out _));
        using var second = JsonDocument.Parse(lines[1]);
        Assert.Equal(5, second.RootElement.GetProperty("line").GetInt32());
        Assert.Equal("bob", second.RootElement.GetProperty("row").GetProperty("agent").GetString());
        Assert.Contains("line 4: wrong field count", File.ReadAllText(Path.Combine(_temp.Path, "tickets.errors.txt")), StringComparison.Ordinal);
        Assert.Contains("messages read", output, StringComparison.Ordinal);
        Assert.Contains("Vulnerability by driver", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JsonLinesWithAMalformedLine_ReportsItAndKeepsFieldValuesAsTheyWere()
    {
        var jsonl = _temp.File("chats.jsonl",
            "{\"id\":7,\"body\":\"I can't log in\",\"meta\":{\"channel\":\"chat\"}}\n" +
            "{\"id\":8,\"body\":\"broken\n" +
            "{\"id\":9,\"body\":\"Cancel my subscription\",\"meta\":null}\n");
        var readings = Path.Combine(_temp.Path, "out.jsonl");

        var (exit, _, error) = await CliRunner.RunAsync(["analyze", jsonl, "--text-column", "body", "--out", readings]);

        Assert.Equal(1, exit);
        Assert.Contains("line 2: malformed JSON", error, StringComparison.Ordinal);
        var lines = File.ReadAllLines(readings);
        Assert.Equal(2, lines.Length);
        using var first = JsonDocument.Parse(lines[0]);
        Assert.Equal(7, first.RootElement.GetProperty("row").GetProperty("id").GetInt32());
        Assert.Equal("chat", first.RootElement.GetProperty("row").GetProperty("meta").GetProperty("channel").GetString());
        using var second = JsonDocument.Parse(lines[1]);
        Assert.Equal(3, second.RootElement.GetProperty("line").GetInt32());
        Assert.Equal(JsonValueKind.Null, second.RootElement.GetProperty("row").GetProperty("meta").ValueKind);
    }

    [Fact]
    public async Task EmptyOrMissingText_IsABadRowWithItsLine()
    {
        var jsonl = _temp.File("a.jsonl", "{\"text\":\"hello\"}\n{\"text\":\"  \"}\n{\"other\":1}\n");

        var (exit, _, error) = await CliRunner.RunAsync(["analyze", jsonl]);

        Assert.Equal(1, exit);
        Assert.Contains("line 2: the text column 'text' is empty", error, StringComparison.Ordinal);
        Assert.Contains("line 3: missing the text column 'text'", error, StringComparison.Ordinal);
        Assert.Single(File.ReadAllLines(Path.Combine(_temp.Path, "a.readings.jsonl")));
    }

    [Fact]
    public async Task AllGoodRows_ExitZeroAndWriteNoErrorsFile()
    {
        var csv = _temp.File("ok.csv", "text\nhello\n\"thanks, all sorted\"\n");

        var (exit, _, error) = await CliRunner.RunAsync(["analyze", csv]);

        Assert.Equal(0, exit);
        Assert.Equal("", error);
        Assert.Equal(2, File.ReadAllLines(Path.Combine(_temp.Path, "ok.readings.jsonl")).Length);
        Assert.False(File.Exists(Path.Combine(_temp.Path, "ok.errors.txt")));
    }

    [Fact]
    public async Task MissingFile_ExitsTwoNamingTheFile()
    {
        var missing = Path.Combine(_temp.Path, "nowhere.csv");

        var (exit, _, error) = await CliRunner.RunAsync(["analyze", missing]);

        Assert.Equal(2, exit);
        Assert.Contains("file not found", error, StringComparison.Ordinal);
        Assert.Contains(missing, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownTextColumn_ExitsTwoListingTheColumns()
    {
        var csv = _temp.File("t.csv", "id,message,agent\n1,hi,ann\n");

        var (exit, _, error) = await CliRunner.RunAsync(["analyze", csv]);

        Assert.Equal(2, exit);
        Assert.Contains("no column 'text'", error, StringComparison.Ordinal);
        Assert.Contains("'id', 'message', 'agent'", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_temp.Path, "t.readings.jsonl")));
    }

    [Fact]
    public async Task UnknownExtension_ExitsTwoAskingForAFormat()
    {
        var file = _temp.File("t.txt", "text\nhi\n");

        var (exit, _, error) = await CliRunner.RunAsync(["analyze", file]);

        Assert.Equal(2, exit);
        Assert.Contains("--format", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FormatOption_OverridesTheExtension()
    {
        var file = _temp.File("t.txt", "text\nhi\n");

        var (exit, _, _) = await CliRunner.RunAsync(["analyze", file, "--format", "csv"]);

        Assert.Equal(0, exit);
    }

    [Fact]
    public async Task ManyRows_ComeOutInInputOrder()
    {
        var rows = Enumerable.Range(1, 9000).Select(i => $"{i},message number {i}");
        var csv = _temp.File("many.csv", "id,text\n" + string.Join("\n", rows) + "\n");

        var (exit, _, _) = await CliRunner.RunAsync(["analyze", csv]);

        Assert.Equal(0, exit);
        var ids = File.ReadLines(Path.Combine(_temp.Path, "many.readings.jsonl"))
            .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("row").GetProperty("id").GetString());
        Assert.Equal(Enumerable.Range(1, 9000).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), ids);
    }
}
