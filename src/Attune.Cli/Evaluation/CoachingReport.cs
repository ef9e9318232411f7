using System.Globalization;
using System.Text.Json;
using Attune.Cli.Coaching;
using Attune.Cli.Commands;
using Attune.Cli.Input;
using Attune.Core.Coaching;

namespace Attune.Cli.Evaluation;

/// <summary>`attune eval coaching --data DIR`: how often the agent replies of the public support data sets are hollow,
/// scripted, acting or blaming, by Attune's coach. There is no published anchor for these figures.</summary>
internal static class CoachingReport
{
    public static EvalReport Run(string dataDir, Coach coach)
    {
        var rows = new List<EvalRow>();
        var notes = new List<string>();
        var bitext = Path.Combine(dataDir, "bitext-customer-support", "Bitext_Sample_Customer_Support_Training_Dataset.csv");
        if (File.Exists(bitext))
        {
            var errors = new List<RecordError>();
            using var reader = RecordReader.Open(bitext);
            var exchanges = Conversations.Read(reader, errors);
            var report = CoachCommand.Assess(coach, "bitext", exchanges, [.. errors.Select(e => e.ToString())]);
            Add(rows, notes, "bitext", report.Total, errors.Count);
            notes.Add("bitext: most frequent scripted phrases: " + TopCues(coach, exchanges, FlagKind.ScriptedCliche));
        }
        else
        {
            notes.Add($"bitext: not found at {bitext}");
        }
        var abcd = Path.Combine(dataDir, "abcd-sample", "abcd_sample.json");
        if (File.Exists(abcd))
        {
            var exchanges = ReadAbcd(File.ReadAllText(abcd));
            var report = CoachCommand.Assess(coach, "abcd", exchanges, []);
            Add(rows, notes, "abcd", report.Total, 0);
        }
        else
        {
            notes.Add($"abcd: not found at {abcd}");
        }
        notes.Add("Shares are of replies: hollow = empathy with no next step, resolution, follow-up or time; scripted = at least one stock phrase; acts = a next step, resolution or follow-up; empathy = an emotional reaction or interpretation; blame = blame or dismissal flagged.");
        notes.Add("Bitext replies are synthetic templates answering one customer utterance each; ABCD replies are crowd-sourced agent chat turns (consecutive agent turns merged into one reply, answered against the customer turns before them). No published anchor exists for these measures.");
        return new EvalReport("Coaching: empathy in action on public agent replies", "anchor", rows, notes);
    }

    private static void Add(List<EvalRow> rows, List<string> notes, string name, AgentSummary s, int badRows)
    {
        rows.Add(new EvalRow($"{name}: replies", s.Replies, null, badRows > 0 ? $"{badRows} bad rows skipped" : null));
        rows.Add(new EvalRow($"{name}: mean score (0-100)", Math.Round(s.MeanScore, 1), null));
        rows.Add(new EvalRow($"{name}: hollow share", Math.Round(s.HollowShare, 3), null));
        rows.Add(new EvalRow($"{name}: scripted share", Math.Round(s.ScriptedShare, 3), null));
        rows.Add(new EvalRow($"{name}: acts share", Math.Round(s.ActionShare, 3), null));
        rows.Add(new EvalRow($"{name}: empathy share", Math.Round(s.EmpathyShare, 3), null));
        rows.Add(new EvalRow($"{name}: blame/dismissal share", Math.Round(s.BlameShare, 3), null));
        notes.Add($"{name}: top flags: {string.Join(", ", s.TopFlags.Select(f => $"{f.Kind} {f.Count} ({(double)f.Count / Math.Max(1, s.Replies):0.0%})".Replace(",", ".", StringComparison.Ordinal)))}".ToString(CultureInfo.InvariantCulture));
    }

    private static string TopCues(Coach coach, List<Exchange> exchanges, FlagKind kind)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var x in exchanges)
        {
            foreach (var f in coach.Assess(x.Reply, CoachingContext.For(x.CustomerMessages)).Flags)
            {
                if (f.Kind == kind)
                {
                    counts[f.Cue] = counts.GetValueOrDefault(f.Cue) + 1;
                }
            }
        }
        return string.Join(", ", counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).Take(6).Select(c => $"{c.Key} {c.Value}"));
    }

    /// <summary>ABCD dialogues: a list of {convo_id, original: [[speaker, text], …]}; speaker is agent, customer or action.</summary>
    internal static List<Exchange> ReadAbcd(string json)
    {
        var exchanges = new List<Exchange>();
        using var doc = JsonDocument.Parse(json);
        foreach (var convo in doc.RootElement.EnumerateArray())
        {
            var id = convo.TryGetProperty("convo_id", out var c) ? c.ToString() : "";
            var pending = new List<string>();
            var reply = new List<string>();
            string? lastCustomer = null;
            void Flush()
            {
                if (reply.Count > 0)
                {
                    IReadOnlyList<string> context = pending.Count > 0 ? [.. pending] : lastCustomer is null ? [] : [lastCustomer];
                    exchanges.Add(new Exchange(0, id, "agent", false, string.Join(" ", reply), context));
                    reply.Clear();
                    pending.Clear();
                }
            }
            foreach (var turn in convo.GetProperty("original").EnumerateArray())
            {
                var speaker = turn[0].GetString();
                var text = turn[1].GetString() ?? "";
                if (speaker == "customer")
                {
                    Flush();
                    pending.Add(text);
                    lastCustomer = text;
                }
                else if (speaker == "agent")
                {
                    reply.Add(text);
                }
            }
            Flush();
        }
        return exchanges;
    }
}
