using System.Globalization;
using Attune.Core.Resources;
using Attune.Core.Text;

namespace Attune.Core.Listening.Emotions;

/// <summary>One authored cue: a phrase (normal forms of consecutive tokens) and the log-odds it adds per emotion.</summary>
internal sealed record EmotionCue(string Id, string[] Words, (Emotion Emotion, double Weight)[] Effects);

/// <summary>The authored customer-service cues that supplement the trained model (Resources/listening/emotion-cues.txt;
/// format in emotions-model.md). Looked up by first word, allocation-free.</summary>
internal sealed class EmotionCues
{
    public const string ResourcePath = "listening/emotion-cues.txt";

    private readonly Dictionary<string, EmotionCue[]>.AlternateLookup<ReadOnlySpan<char>> _byFirstWord;

    public EmotionCues(IEnumerable<EmotionCue> cues)
    {
        var byFirst = new Dictionary<string, EmotionCue[]>(StringComparer.Ordinal);
        foreach (var group in cues.GroupBy(c => c.Words[0], StringComparer.Ordinal))
        {
            // Longest phrase first, so "what a relief" wins over a shorter cue starting at the same word.
            byFirst[group.Key] = [.. group.OrderByDescending(c => c.Words.Length)];
        }
        _byFirstWord = byFirst.GetAlternateLookup<ReadOnlySpan<char>>();
        Count = byFirst.Values.Sum(v => v.Length);
    }

    public static EmotionCues Empty { get; } = new([]);

    public int Count { get; }

    /// <summary>The cue that starts at token <paramref name="start"/>, if any (longest match).</summary>
    public EmotionCue? Match(Document document, int start)
    {
        if (!_byFirstWord.TryGetValue(document.Norm(start), out var candidates))
        {
            return null;
        }
        foreach (var cue in candidates)
        {
            if (start + cue.Words.Length > document.Tokens.Length)
            {
                continue;
            }
            var all = true;
            for (var k = 1; k < cue.Words.Length && all; k++)
            {
                all = document.Norm(start + k).SequenceEqual(cue.Words[k]);
            }
            if (all)
            {
                return cue;
            }
        }
        return null;
    }

    public static EmotionCues LoadEmbedded() => Parse(EmbeddedResource.ReadText(ResourcePath), ResourcePath);

    /// <summary>Parses the cue file; throws <see cref="FormatException"/> naming the line and the problem.</summary>
    public static EmotionCues Parse(string text, string source)
    {
        var cues = new List<EmotionCue>();
        var lineNumber = 0;
        foreach (var raw in text.Split('\n'))
        {
            lineNumber++;
            var line = raw.TrimEnd('\r').Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }
            var bar = line.IndexOf('|', StringComparison.Ordinal);
            if (bar <= 0)
            {
                throw new FormatException($"{source} line {lineNumber}: expected 'words | emotion=weight ...'.");
            }
            var words = line[..bar].Trim().ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var effects = new List<(Emotion, double)>();
            foreach (var part in line[(bar + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var eq = part.IndexOf('=', StringComparison.Ordinal);
                if (eq <= 0
                    || !Enum.TryParse<Emotion>(part[..eq], ignoreCase: true, out var emotion)
                    || !double.TryParse(part[(eq + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var weight)
                    || !double.IsFinite(weight))
                {
                    throw new FormatException($"{source} line {lineNumber}: '{part}' is not 'emotion=weight' with a known emotion and a number.");
                }
                effects.Add((emotion, weight));
            }
            if (words.Length == 0 || effects.Count == 0)
            {
                throw new FormatException($"{source} line {lineNumber}: a cue needs at least one word and one emotion=weight.");
            }
            cues.Add(new EmotionCue("emotion-cue." + string.Join('-', words), words, [.. effects]));
        }
        return new EmotionCues(cues);
    }
}
