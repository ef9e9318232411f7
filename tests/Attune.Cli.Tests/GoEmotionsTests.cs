using Attune.Cli.Evaluation;
using Attune.Cli.Training;
using Attune.Core.Listening;

namespace Attune.Cli.Tests;

public sealed class GoEmotionsTests : IDisposable
{
    private const string Labels = "admiration amusement anger annoyance approval caring confusion curiosity desire disappointment disapproval disgust embarrassment excitement fear gratitude grief joy love nervousness optimism pride realization relief remorse sadness surprise neutral";

    private readonly string _dir = Directory.CreateTempSubdirectory("attune-goemotions-").FullName;

    public GoEmotionsTests()
    {
        File.WriteAllLines(Path.Combine(_dir, "emotions.txt"), Labels.Split(' '));
        File.WriteAllText(Path.Combine(_dir, "sentiment_dict.json"), """
            {"positive": ["gratitude", "joy"], "negative": ["anger", "sadness"], "ambiguous": ["confusion"]}
            """);
        string[] rows =
        [
            "thanks so much\t15\ta1", "thank you for the help\t15\ta2", "i am furious\t2\ta3", "so angry right now\t2\ta4",
            "what does this mean\t6\ta5", "the parcel is here\t27\ta6", "many thanks\t15,17\ta7", "absolutely furious\t2,3\ta8",
        ];
        foreach (var split in new[] { "train", "dev", "test" })
        {
            File.WriteAllLines(Path.Combine(_dir, split + ".tsv"), rows);
        }
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Training_WritesALoadableModel()
    {
        var output = Path.Combine(_dir, "emotions.model");
        using var log = new StringWriter();

        var exit = EmotionTraining.Run(_dir, output, log);

        Assert.Equal(0, exit);
        Assert.StartsWith("attune-emotions 1", File.ReadAllText(output), StringComparison.Ordinal);
        Assert.Contains("dev gratitude", log.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void MalformedRow_FailsNamingFileAndLine()
    {
        File.AppendAllText(Path.Combine(_dir, "train.tsv"), "no label column here\n");
        using var log = new StringWriter();

        var exit = EmotionTraining.Run(_dir, Path.Combine(_dir, "out.model"), log);

        Assert.Equal(1, exit);
        Assert.Contains("train.tsv line 9", log.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void MissingData_FailsWithClearError()
    {
        using var log = new StringWriter();

        var exit = EmotionTraining.Run(Path.Combine(_dir, "nowhere"), Path.Combine(_dir, "out.model"), log);

        Assert.Equal(1, exit);
        Assert.Contains("nowhere", log.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluation_ReportsEveryLabelTheMacrosAndTheAnchors()
    {
        var report = GoEmotionsEvaluation.Run(_dir, Listener.Default);

        Assert.Equal("BERT-base", report.AnchorName);
        Assert.Contains(report.Rows, r => r.Metric == "F1 gratitude" && r.Anchor == 0.86);
        Assert.Contains(report.Rows, r => r.Metric == "macro-F1, sentiment level (4 groups)" && r.Anchor == 0.69);
        Assert.All(report.Rows, r => Assert.InRange(r.Attune, 0, 1));
        Assert.Contains(report.Notes, n => n.Contains("not comparable", StringComparison.Ordinal));
    }
}
