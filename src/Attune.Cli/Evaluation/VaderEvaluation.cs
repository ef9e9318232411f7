using System.Globalization;
using Attune.Core.Insights;
using Attune.Core.Listening;

namespace Attune.Cli.Evaluation;

/// <summary>Attune's sentiment against the human ratings of the four VADER corpora (Hutto &amp; Gilbert 2014).</summary>
internal static class VaderEvaluation
{
    public static readonly (string File, string Name, double PaperR, double RerunF1)[] Corpora =
    [
        ("tweets_GroundTruth.txt", "tweets", 0.881, 0.740),
        ("movieReviewSnippets_GroundTruth.txt", "movie", 0.451, 0.406),
        ("amazonReviewSnippets_GroundTruth.txt", "amazon", 0.565, 0.521),
        ("nytEditorialSnippets_GroundTruth.txt", "nyt", 0.492, 0.525),
    ];

    private const double Band = 0.05;

    internal static EvalReport Run(string dataDir, Listener listener)
    {
        var folder = Path.Combine(dataDir, "vader");
        var rows = new List<EvalRow>();
        foreach (var (file, name, paperR, rerunF1) in Corpora)
        {
            var items = ReadCorpus(Path.Combine(folder, file));
            var gold = new double[items.Count];
            var compound = new double[items.Count];
            var goldClass = new int[items.Count];
            var predicted = new int[items.Count];
            for (var i = 0; i < items.Count; i++)
            {
                gold[i] = items[i].Mean;
                compound[i] = listener.Read(items[i].Text).Sentiment.Compound;
                goldClass[i] = Metrics.Polarity(gold[i] / 4, Band);
                predicted[i] = Metrics.Polarity(compound[i], Band);
            }
            rows.Add(new EvalRow($"{name} Pearson r (n={items.Count})", Metrics.Pearson(compound, gold), paperR, "anchor: paper, Table 4"));
            rows.Add(new EvalRow($"{name} 3-class macro-F1", Metrics.MacroF1<int>(goldClass, predicted, [-1, 0, 1]), rerunF1, "anchor: upstream VADER re-run"));
        }
        return new EvalReport(
            "VADER corpora: sentiment vs mean human rating",
            "VADER",
            rows,
            [
                "Pearson r: Attune's compound score vs the mean human rating (-4..+4); anchor = VADER's r in Hutto & Gilbert 2014, Table 4.",
                "Macro-F1 over negative/neutral/positive: gold = mean/4 with a ±0.05 neutral band, prediction = compound with ±0.05; anchor = upstream Python VADER (commit 44fc044) re-run with the same protocol (data/vader/SOURCE.md), not the paper's F1.",
                "Texts: the *_GroundTruth.txt files (UTF-8 with BOM, id<TAB>mean<TAB>text). These corpora are test sets; Attune was tuned on GoEmotions train/dev only.",
            ]);
    }

    /// <summary>Reads id, mean rating and text per line; throws <see cref="FormatException"/> naming file and line.</summary>
    internal static List<(string Id, double Mean, string Text)> ReadCorpus(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"VADER corpus not found: {path}", path);
        }
        var result = new List<(string, double, string)>();
        var lineNo = 0;
        foreach (var raw in File.ReadLines(path))
        {
            lineNo++;
            var line = lineNo == 1 ? raw.TrimStart('\uFEFF') : raw;
            if (line.Length == 0)
            {
                continue;
            }
            var parts = line.Split('\t', 3);
            if (parts.Length < 3 || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var mean))
            {
                throw new FormatException($"{path} line {lineNo}: expected id<TAB>mean rating<TAB>text");
            }
            result.Add((parts[0], mean, parts[2]));
        }
        return result;
    }
}
