using System.Globalization;
using Attune.Cli.Output;
using Attune.Core.Listening;
using Attune.Core.Text;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Attune.Cli.Rendering;

/// <summary>The end-of-run summary of `attune analyze`: totals, then emotions, vulnerability drivers and topics.</summary>
internal static class SummaryTables
{
    public static IRenderable Create(AnalysisSummary s)
    {
        var totals = Counts("Summary", "measure");
        AddCount(totals, "messages read", s.Messages, s.Messages);
        AddCount(totals, "bad rows (skipped)", s.BadRows, s.Messages + s.BadRows);
        AddCount(totals, "not in a language Attune reads", s.Unread, s.Messages);
        AddCount(totals, "negative sentiment", s.Sentiment[(int)SentimentLabel.Negative], s.Messages);
        AddCount(totals, "positive sentiment", s.Sentiment[(int)SentimentLabel.Positive], s.Messages);
        AddCount(totals, "mixed sentiment", s.Sentiment[(int)SentimentLabel.Mixed], s.Messages);
        AddCount(totals, "urgent (high + critical)", s.Urgent, s.Messages);
        AddCount(totals, "churn risk", s.ChurnRisk, s.Messages);
        AddCount(totals, "repeat contact", s.RepeatContact, s.Messages);
        AddCount(totals, "vulnerable (any cue)", s.Vulnerable, s.Messages);

        var emotions = Counts("Emotions present", "emotion");
        foreach (var e in Enum.GetValues<Emotion>())
        {
            AddCount(emotions, Names.Words(e), s.EmotionPresent[(int)e], s.Messages);
        }

        var drivers = Counts("Vulnerability by driver", "driver");
        foreach (var d in Enum.GetValues<VulnerabilityDriver>())
        {
            AddCount(drivers, Names.Words(d), s.VulnerabilityByDriver[(int)d], s.Messages);
        }

        var topics = Counts("Topics", "topic");
        foreach (var t in Enum.GetValues<Topic>().OrderByDescending(t => s.Topics[(int)t]))
        {
            if (s.Topics[(int)t] > 0)
            {
                AddCount(topics, Names.Words(t), s.Topics[(int)t], s.Messages);
            }
        }
        var side = new Grid().AddColumn(new GridColumn().PadRight(2)).AddColumn();
        side.AddRow(emotions, new Rows(drivers, topics));
        return new Rows(totals, side);
    }

    private static Table Counts(string title, string what) =>
        new Table().Title(title).Border(TableBorder.Rounded)
            .AddColumn(what)
            .AddColumn(new TableColumn("messages").RightAligned())
            .AddColumn(new TableColumn("share").RightAligned());

    private static void AddCount(Table table, string name, int count, int of) =>
        table.AddRow(
            new Text(name),
            new Text(count.ToString(CultureInfo.InvariantCulture)),
            new Text(of == 0 ? "-" : ((double)count / of).ToString("0.0%", CultureInfo.InvariantCulture)));
}
