using System.Globalization;
using System.Text;
using Attune.Core.Listening;
using Attune.Core.Text;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Attune.Cli.Rendering;

/// <summary>A human-readable panel of one <see cref="Reading"/>: every signal, then the message with the evidence
/// words marked and a table of each signal's evidence.</summary>
internal static class ReadingPanel
{
    /// <summary>How much of a long message is shown; the reading itself covers the whole text.</summary>
    public const int ShownCharacters = 2000;

    /// <summary>Builds the panel. With <paramref name="styled"/> the evidence is bold, underlined and coloured;
    /// without (redirected output) it is wrapped in « » so it still stands out without escape codes.</summary>
    public static IRenderable Create(string text, Reading reading, bool styled)
    {
        var evidence = Collect(reading);
        var facts = new Grid().AddColumn(new GridColumn().NoWrap().PadRight(2)).AddColumn();
        AddFact(facts, "Language", Language(reading.Language));
        AddFact(facts, "Sentiment", Sentiment(reading.Sentiment));
        AddFact(facts, "Emotions", Emotions(reading));
        AddFact(facts, "Vulnerability", Vulnerability(reading));
        AddFact(facts, "Urgency", Urgency(reading.Urgency));
        AddFact(facts, "Effort", Effort(reading.Effort));
        AddFact(facts, "Churn", Churn(reading.Churn));
        AddFact(facts, "Topic", Topics(reading.Topic));
        if (TextNotes(reading.Text) is { } notes)
        {
            AddFact(facts, "Text", notes);
        }

        var parts = new List<IRenderable>
        {
            new Markup("[bold]Message[/]"),
            new Markup(Highlight(text, evidence, styled)),
            Text.Empty,
            facts,
            Text.Empty,
        };
        if (evidence.Count == 0)
        {
            parts.Add(new Markup("[bold]Evidence[/]: none: no cue fired"));
        }
        else
        {
            parts.Add(new Markup("[bold]Evidence[/]"));
            parts.Add(EvidenceTable(evidence));
        }
        return new Panel(new Rows(parts)).Header("Attune reading").Border(BoxBorder.Rounded).Expand();
    }

    private static void AddFact(Grid grid, string name, string value) =>
        grid.AddRow(new Markup($"[bold]{name}[/]"), new Text(value));

    private static string Language(LanguageReading language) =>
        language.IsSupported
            ? $"{language.Code} (read; confidence {F(language.Confidence)})"
            : $"{language.Code}: not a language Attune reads; the message was not scored (confidence {F(language.Confidence)})";

    private static string Sentiment(SentimentReading s) =>
        $"{s.Compound.ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture)} {Names.Words(s.Label)} " +
        $"(positive {F(s.Positive)} · negative {F(s.Negative)} · neutral {F(s.Neutral)})";

    private static string Emotions(Reading reading)
    {
        var present = reading.Emotions.Where(e => e.IsPresent && e.Emotion != Emotion.Neutral).OrderByDescending(e => e.Score).ToList();
        if (present.Count == 0)
        {
            var neutral = reading.Emotions.FirstOrDefault(e => e.Emotion == Emotion.Neutral);
            return neutral is null ? "none present" : $"none present (neutral {F(neutral.Score)})";
        }
        return string.Join(" · ", present.Select(e => $"{Names.Words(e.Emotion)} {F(e.Score)}"));
    }

    private static string Vulnerability(Reading reading) =>
        reading.Vulnerability.IsDefaultOrEmpty
            ? "no cues"
            : string.Join("; ", reading.Vulnerability.Select(v => $"{Names.Words(v.Driver)} · {Names.Words(v.Characteristic)} (confidence {F(v.Confidence)})"));

    private static string Urgency(UrgencyReading u) =>
        u.Reasons.IsDefaultOrEmpty
            ? Names.Words(u.Level)
            : $"{Names.Words(u.Level)}: because of {string.Join(", ", u.Reasons.Select(r => $"\"{r.Text}\""))}";

    private static string Effort(EffortReading e)
    {
        var signs = new List<string>();
        if (e.RepeatContact)
        {
            signs.Add("repeat contact");
        }
        if (e.ContactCount is { } count)
        {
            signs.Add($"contact number {count}");
        }
        if (e.ChannelHopping)
        {
            signs.Add("channel hopping");
        }
        return signs.Count == 0 ? $"{F(e.Score)}: no sign of extra effort" : $"{F(e.Score)}: {string.Join(", ", signs)}";
    }

    private static string Churn(ChurnReading c) =>
        c.IsAtRisk ? $"{F(c.Score)}: at risk of leaving" : c.Score > 0 ? $"{F(c.Score)}: a hint, not at risk" : "0.00: no sign of leaving";

    private static string Topics(TopicReading t)
    {
        var others = t.Scores.IsDefaultOrEmpty ? "" : " (" + string.Join(", ", t.Scores.Select(s => $"{Names.Words(s.Topic)} {F(s.Score)}")) + ")";
        return Names.Words(t.Primary) + others;
    }

    private static string? TextNotes(Attune.Core.Listening.TextInfo info)
    {
        var notes = new List<string>();
        if (info.WasHtml)
        {
            notes.Add("HTML markup removed");
        }
        if (info.QuotedReplyRemoved)
        {
            notes.Add("quoted earlier message set aside");
        }
        if (info.SignatureRemoved)
        {
            notes.Add("signature set aside");
        }
        if (info.Truncated)
        {
            notes.Add($"only the first {info.ReadLength} characters were read");
        }
        return notes.Count == 0 ? null : string.Join("; ", notes);
    }

    /// <summary>Every signal's evidence, labelled by the signal it supports, in panel order.</summary>
    public static List<(string Signal, Evidence Evidence)> Collect(Reading reading)
    {
        var all = new List<(string, Evidence)>();
        void Add(string signal, IEnumerable<Evidence> items)
        {
            foreach (var e in items)
            {
                all.Add((signal, e));
            }
        }
        Add("sentiment", Safe(reading.Sentiment.Evidence));
        foreach (var emotion in reading.Emotions.Where(e => e.IsPresent && e.Emotion != Emotion.Neutral))
        {
            Add($"emotion: {Names.Words(emotion.Emotion)}", Safe(emotion.Evidence));
        }
        foreach (var cue in Safe(reading.Vulnerability))
        {
            Add($"vulnerability: {Names.Words(cue.Characteristic)}", Safe(cue.Evidence));
        }
        Add($"urgency: {Names.Words(reading.Urgency.Level)}", Safe(reading.Urgency.Reasons));
        Add("effort", Safe(reading.Effort.Evidence));
        Add("churn", Safe(reading.Churn.Evidence));
        Add($"topic: {Names.Words(reading.Topic.Primary)}", Safe(reading.Topic.Evidence));
        return all;
    }

    private static System.Collections.Immutable.ImmutableArray<T> Safe<T>(System.Collections.Immutable.ImmutableArray<T> items) =>
        items.IsDefault ? [] : items;

    private static Table EvidenceTable(List<(string Signal, Evidence Evidence)> evidence)
    {
        var table = new Table().Border(TableBorder.Simple)
            .AddColumn("signal").AddColumn("words").AddColumn("cue").AddColumn(new TableColumn("weight").RightAligned());
        foreach (var (signal, e) in evidence)
        {
            table.AddRow(new Text(signal), new Text($"\"{e.Text}\" @{e.Span.Start}"), new Text(e.Cue), new Text(e.Weight.ToString("0.00", CultureInfo.InvariantCulture)));
        }
        return table;
    }

    /// <summary>The message as markup with every evidence span marked; overlapping spans are merged.</summary>
    public static string Highlight(string text, List<(string Signal, Evidence Evidence)> evidence, bool styled)
    {
        if (text.Length == 0)
        {
            return "[dim](empty message)[/]";
        }
        var shown = Math.Min(text.Length, ShownCharacters);
        var marked = new bool[shown];
        foreach (var (_, e) in evidence)
        {
            var start = Math.Max(0, e.Span.Start);
            var end = Math.Min(shown, e.Span.Start + Math.Max(0, e.Span.Length));
            for (var i = start; i < end; i++)
            {
                marked[i] = true;
            }
        }
        var markup = new StringBuilder(shown + 64);
        var (open, close) = styled ? ("[bold underline yellow]", "[/]") : ("«", "»");
        var at = 0;
        while (at < shown)
        {
            var end = at;
            while (end < shown && marked[end] == marked[at])
            {
                end++;
            }
            var segment = Markup.Escape(text[at..end]);
            markup.Append(marked[at] ? open + segment + close : segment);
            at = end;
        }
        if (shown < text.Length)
        {
            markup.Append(CultureInfo.InvariantCulture, $" [dim]… ({text.Length - shown} more characters)[/]");
        }
        return markup.ToString();
    }

    private static string F(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);
}
