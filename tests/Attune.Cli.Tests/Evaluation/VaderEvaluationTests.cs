using System.Text;
using Attune.Cli.Evaluation;
using Attune.Core.Listening;

namespace Attune.Cli.Tests.Evaluation;

public sealed class VaderEvaluationTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("attune-vader-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private void WriteCorpus(string file, params string[] lines)
    {
        Directory.CreateDirectory(Path.Combine(_dir, "vader"));
        // The published files are UTF-8 with BOM and CRLF line ends.
        File.WriteAllText(Path.Combine(_dir, "vader", file), string.Join("\r\n", lines), new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
    }

    [Fact]
    public void SmallCorpora_GiveOneCorrelationAndOneF1RowEach()
    {
        foreach (var (file, _, _, _) in VaderEvaluation.Corpora)
        {
            WriteCorpus(file, "1\t3.2\tI love it, brilliant service!", "2\t-2.9\tTerrible, the worst support ever", "3\t0.1\tThe parcel is blue", "4\t-1.5\tIt was slow");
        }

        var report = VaderEvaluation.Run(_dir, Listener.Default);

        Assert.Equal(8, report.Rows.Count);
        var tweets = report.Rows[0];
        Assert.StartsWith("tweets Pearson r (n=4)", tweets.Metric, StringComparison.Ordinal);
        Assert.Equal(0.881, tweets.Anchor);
        Assert.True(tweets.Attune > 0.8, $"r = {tweets.Attune}");
        Assert.Equal(0.740, report.Rows[1].Anchor);
        Assert.Contains(report.Notes, n => n.Contains("Table 4", StringComparison.Ordinal));
    }

    [Fact]
    public void MalformedLine_IsReportedWithItsNumber()
    {
        WriteCorpus("tweets_GroundTruth.txt", "1\t3.2\tgood", "2\tnot-a-number\tbad");
        var path = Path.Combine(_dir, "vader", "tweets_GroundTruth.txt");

        var error = Assert.Throws<FormatException>(() => VaderEvaluation.ReadCorpus(path));

        Assert.Contains("line 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingCorpus_NamesTheFile()
    {
        var error = Assert.Throws<FileNotFoundException>(() => VaderEvaluation.Run(_dir, Listener.Default));
        Assert.Contains("tweets_GroundTruth.txt", error.Message, StringComparison.Ordinal);
    }
}
