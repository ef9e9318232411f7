using System.Globalization;
using Attune.Cli.Training;

namespace Attune.Cli.Tests.Training;

public sealed class SentimentTrainingTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("attune-train-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private void WriteGoEmotions(IEnumerable<string> train)
    {
        var folder = Directory.CreateDirectory(Path.Combine(_dir, "goemotions")).FullName;
        File.WriteAllLines(Path.Combine(folder, "emotions.txt"), ["joy", "anger", "neutral"]);
        File.WriteAllText(Path.Combine(folder, "sentiment_dict.json"), """{"positive": ["joy"], "negative": ["anger"], "ambiguous": []}""");
        File.WriteAllLines(Path.Combine(folder, "train.tsv"), train);
    }

    [Fact]
    public void SmallTrainSplit_LearnsSignedValencesInLexiconFormat()
    {
        var rows = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            rows.Add($"what a splendiferous day {i}\t0\tid{i}");
            rows.Add($"this is grotty again {i}\t1\tjd{i}");
            rows.Add($"the bus comes at {i}\t2\tkd{i}");
        }
        WriteGoEmotions(rows);
        var output = Path.Combine(_dir, "learned.tsv");
        using var log = new StringWriter();

        var code = SentimentTraining.Run(_dir, output, log);

        Assert.Equal(0, code);
        var entries = File.ReadAllLines(output)
            .Where(l => !l.StartsWith('#'))
            .Select(l => l.Split('\t'))
            .ToDictionary(f => f[0], f => (Valence: double.Parse(f[1], CultureInfo.InvariantCulture), Tags: f[2]));
        Assert.True(entries["splendiferous"].Valence > 0);
        Assert.True(entries["grotty"].Valence < 0);
        Assert.StartsWith("learned", entries["grotty"].Tags, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingData_FailsNamingTheFile()
    {
        using var log = new StringWriter();

        var code = SentimentTraining.Run(_dir, Path.Combine(_dir, "out.tsv"), log);

        Assert.NotEqual(0, code);
        Assert.Contains("train.tsv", log.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void BadLabel_IsReportedWithItsLine()
    {
        WriteGoEmotions(["fine\t0\ta", "broken\tx\tb"]);
        using var log = new StringWriter();

        var code = SentimentTraining.Run(_dir, Path.Combine(_dir, "out.tsv"), log);

        Assert.NotEqual(0, code);
        Assert.Contains("line 2", log.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_dir, "out.tsv")));
    }
}
