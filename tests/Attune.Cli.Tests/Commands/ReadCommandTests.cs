using System.Collections.Immutable;
using System.Text.Json;
using Attune.Cli.Output;
using Attune.Cli.Rendering;
using Attune.Core.Listening;
using Attune.Core.Text;

namespace Attune.Cli.Tests.Commands;

public sealed class ReadCommandTests
{
    private const string Bereaved = "My husband passed away and I need to close his account today";

    [Fact]
    public async Task Json_HasEverySignalWithCamelCaseNamesAndEnumStrings()
    {
        var (exit, output, _) = await CliRunner.RunAsync(["read", "--json", "I was charged twice and nobody answers"]);

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        foreach (var name in new[] { "language", "sentiment", "emotions", "vulnerability", "urgency", "effort", "churn", "topic", "text" })
        {
            Assert.True(root.TryGetProperty(name, out _), $"missing '{name}'");
        }
        Assert.Equal(JsonValueKind.Number, root.GetProperty("sentiment").GetProperty("compound").ValueKind);
        Assert.Equal(JsonValueKind.String, root.GetProperty("sentiment").GetProperty("label").ValueKind);
        var emotions = root.GetProperty("emotions").EnumerateArray().Select(e => e.GetProperty("emotion").GetString()).ToList();
        Assert.Equal(Enum.GetValues<Emotion>().Length, emotions.Count);
        Assert.Contains("anger", emotions);
        Assert.Contains("nervousness", emotions);
        Assert.Equal(JsonValueKind.String, root.GetProperty("urgency").GetProperty("level").ValueKind);
        Assert.Equal(JsonValueKind.String, root.GetProperty("topic").GetProperty("primary").ValueKind);
    }

    [Fact]
    public void Json_WritesSpansAsStartAndLengthAndEnumsInCamelCase()
    {
        var json = ReadingJson.Serialize(BereavedReading());

        using var document = JsonDocument.Parse(json);
        var cue = document.RootElement.GetProperty("vulnerability")[0];
        Assert.Equal("lifeEvent", cue.GetProperty("driver").GetString());
        Assert.Equal("bereavement", cue.GetProperty("characteristic").GetString());
        var span = cue.GetProperty("evidence")[0].GetProperty("span");
        Assert.Equal(["start", "length"], span.EnumerateObject().Select(p => p.Name));
        Assert.Equal(11, span.GetProperty("start").GetInt32());
        Assert.Equal(11, span.GetProperty("length").GetInt32());
        Assert.Equal("high", document.RootElement.GetProperty("urgency").GetProperty("level").GetString());
        Assert.Equal("accountAccess", document.RootElement.GetProperty("topic").GetProperty("primary").GetString());
    }

    [Fact]
    public async Task Panel_ShowsEverySectionWithoutEscapeCodesWhenRedirected()
    {
        var (exit, output, _) = await CliRunner.RunAsync(["read", "Where is my parcel?"]);

        Assert.Equal(0, exit);
        foreach (var section in new[] { "Message", "Where is my parcel?", "Language", "Sentiment", "Emotions", "Vulnerability", "Urgency", "Effort", "Churn", "Topic", "Evidence" })
        {
            Assert.Contains(section, output, StringComparison.Ordinal);
        }
        Assert.DoesNotContain('\u001b', output);
    }

    [Fact]
    public void Panel_MarksEvidenceWordsAndListsEachCue()
    {
        using var writer = new StringWriter();
        var plain = Consoles.Create(writer, isTerminal: false);

        plain.Write(ReadingPanel.Create(Bereaved, BereavedReading(), styled: false));

        var output = writer.ToString();
        Assert.Contains("My husband «passed away» and I need to close his account «today»", output, StringComparison.Ordinal);
        Assert.Contains("life event · bereavement (confidence 0.90)", output, StringComparison.Ordinal);
        Assert.Contains("bereavement.passed-away", output, StringComparison.Ordinal);
        Assert.Contains("urgency.today", output, StringComparison.Ordinal);
        Assert.Contains("high: because of \"today\"", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dash_ReadsTheMessageFromStandardInput()
    {
        var (exit, output, _) = await CliRunner.RunAsync(["read", "-"], stdin: "my parcel never came");

        Assert.Equal(0, exit);
        Assert.Contains("my parcel never came", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoTextOnATerminal_ExplainsAndExitsTwo()
    {
        var (exit, _, error) = await CliRunner.RunAsync(["read"], terminal: new Terminal(Input: true, Output: false, Error: false));

        Assert.Equal(2, exit);
        Assert.Contains("give the message to read", error, StringComparison.Ordinal);
    }

    private static Reading BereavedReading()
    {
        var passedAway = new Evidence(new TextSpan(11, 11), "passed away", "bereavement.passed-away", 0.9);
        var today = new Evidence(new TextSpan(55, 5), "today", "urgency.today", 1);
        ImmutableArray<EmotionScore> emotions = [.. Enum.GetValues<Emotion>().Select(e => new EmotionScore(e, e == Emotion.Grief ? 0.8 : 0.1, e == Emotion.Grief ? [passedAway] : []))];
        return new Reading(
            new LanguageReading("en", true, 0.99),
            new SentimentReading(-0.5, 0, 0.4, 0.6, SentimentLabel.Negative, [passedAway]),
            emotions,
            [new VulnerabilityCue(VulnerabilityDriver.LifeEvent, VulnerabilityCharacteristic.Bereavement, 0.9, [passedAway])],
            new UrgencyReading(UrgencyLevel.High, [today]),
            new EffortReading(0, false, null, false, []),
            new ChurnReading(0, []),
            new TopicReading(Topic.AccountAccess, [new TopicScore(Topic.AccountAccess, 0.7)], []),
            new TextInfo(Bereaved.Length, Bereaved.Length, false, false, false, false));
    }
}
