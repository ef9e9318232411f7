using Attune.Core.Listening;
using Attune.Core.Text;

namespace Attune.Web.Components.Pages.Conversations;

/// <summary>One stretch of a message: plain text, or evidence words with the cue that found them.</summary>
internal readonly record struct Segment(string Text, string? Cue);

/// <summary>Cuts a message into plain and highlighted stretches from its reading's evidence.</summary>
internal static class EvidenceMarks
{
    public static List<Segment> Cut(string text, Reading? reading, bool showVulnerability)
    {
        var spans = new List<(int Start, int Length, string Cue)>();
        if (reading is not null)
        {
            // The emotion model's evidence is its strongest word features ("to", "about" for annoyance): shown for
            // the dominant emotion only; phrase cues are shown for every emotion present.
            var dominant = reading.Dominant;
            foreach (var e in reading.Emotions)
            {
                if (e.IsPresent && e.Emotion != Emotion.Neutral && !e.Evidence.IsDefaultOrEmpty)
                {
                    var shown = e.Emotion == dominant ? e.Evidence : e.Evidence.RemoveAll(x => x.Cue.StartsWith("emotions-model.", StringComparison.Ordinal));
                    Add(spans, text, shown, Names.Words(e.Emotion));
                }
            }
            if (showVulnerability)
            {
                foreach (var v in reading.Vulnerability)
                {
                    Add(spans, text, v.Evidence, "vulnerability: " + Names.Words(v.Characteristic));
                }
            }
            Add(spans, text, reading.Urgency.Reasons, "urgency");
            Add(spans, text, reading.Effort.Evidence, "effort");
            Add(spans, text, reading.Churn.Evidence, "churn risk");
        }
        spans.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.Length.CompareTo(a.Length));
        var segments = new List<Segment>();
        var at = 0;
        foreach (var (start, length, cue) in spans)
        {
            if (start < at)
            {
                continue; // overlaps a stretch already marked
            }
            if (start > at)
            {
                segments.Add(new Segment(text[at..start], null));
            }
            segments.Add(new Segment(text.Substring(start, length), cue));
            at = start + length;
        }
        if (at < text.Length)
        {
            segments.Add(new Segment(text[at..], null));
        }
        return segments;
    }

    // Spans refer to the text as read; when cleaning (HTML, quoted replies) moved them, find the words instead.
    private static void Add(List<(int, int, string)> spans, string text, System.Collections.Immutable.ImmutableArray<Evidence> evidence, string label)
    {
        if (evidence.IsDefaultOrEmpty)
        {
            return;
        }
        foreach (var e in evidence)
        {
            if (e.Text.Length == 0)
            {
                continue;
            }
            var start = e.Span.Start;
            if (start < 0 || start + e.Text.Length > text.Length || !text.AsSpan(start, e.Text.Length).Equals(e.Text, StringComparison.Ordinal))
            {
                start = text.IndexOf(e.Text, StringComparison.OrdinalIgnoreCase);
            }
            if (start >= 0)
            {
                spans.Add((start, e.Text.Length, $"{label} — cue {e.Cue}"));
            }
        }
    }
}
