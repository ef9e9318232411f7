using System.Globalization;
using Attune.Core.Resources;
using Attune.Core.Text;

namespace Attune.Core.Listening.Sentiment;

/// <summary>Attune's own sentiment lexicon: valences of words, phrases, emoji and emoticons, plus the negators,
/// boosters, dampeners and contrast words the rules use. Format: Resources/listening/sentiment-lexicon.md.</summary>
internal sealed class SentimentLexicon
{
    public const string AuthoredFile = "listening/sentiment-lexicon.tsv";
    public const string LearnedFile = "listening/sentiment-learned.tsv";

    private readonly Dictionary<string, SentimentEntry> _words;
    private readonly Dictionary<string, SentimentPhrase[]> _phrases;
    // One hash per token: a token's own entry and the phrases it starts, together.
    private readonly Dictionary<string, Slot>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    private SentimentLexicon(Dictionary<string, SentimentEntry> words, Dictionary<string, SentimentPhrase[]> phrases)
    {
        _words = words;
        _phrases = phrases;
        var slots = new Dictionary<string, Slot>(words.Count + phrases.Count, StringComparer.Ordinal);
        foreach (var (key, entry) in words)
        {
            slots[key] = new Slot(entry, []);
        }
        foreach (var (first, list) in phrases)
        {
            slots[first] = new Slot(slots.TryGetValue(first, out var slot) ? slot.Entry : null, list);
        }
        _lookup = slots.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Number of single-token entries.</summary>
    public int WordCount => _words.Count;

    /// <summary>Number of multi-token entries.</summary>
    public int PhraseCount => _phrases.Values.Sum(p => p.Length);

    /// <summary>The learned entries overlaid with the authored ones (an authored entry wins).</summary>
    public static SentimentLexicon LoadEmbedded() =>
        Parse(EmbeddedResource.ReadText(LearnedFile), LearnedFile)
            .Overlay(Parse(EmbeddedResource.ReadText(AuthoredFile), AuthoredFile));

    /// <summary>Parses one lexicon file. Throws <see cref="FormatException"/> naming the line and the problem.</summary>
    public static SentimentLexicon Parse(string text, string source = "lexicon")
    {
        var words = new Dictionary<string, SentimentEntry>(StringComparer.Ordinal);
        var phrases = new Dictionary<string, List<SentimentPhrase>>(StringComparer.Ordinal);
        var lineNo = 0;
        foreach (var rawLine in text.AsSpan().EnumerateLines())
        {
            lineNo++;
            var line = rawLine.TrimEnd();
            if (line.IsEmpty || line[0] == '#')
            {
                continue;
            }
            var entry = ParseLine(line.ToString(), source, lineNo, out var tokens);
            if (tokens.Length == 1)
            {
                if (!words.TryAdd(tokens[0], entry))
                {
                    throw Error(source, lineNo, $"'{entry.Key}' is listed twice");
                }
            }
            else
            {
                var list = phrases.TryGetValue(tokens[0], out var found) ? found : phrases[tokens[0]] = [];
                if (list.Exists(p => p.Entry.Key == entry.Key))
                {
                    throw Error(source, lineNo, $"'{entry.Key}' is listed twice");
                }
                list.Add(new SentimentPhrase(tokens, entry));
            }
        }
        return new SentimentLexicon(words, ToArrays(phrases));
    }

    /// <summary>This lexicon with every entry of <paramref name="other"/> added, replacing entries with the same key.</summary>
    public SentimentLexicon Overlay(SentimentLexicon other)
    {
        var words = new Dictionary<string, SentimentEntry>(_words, StringComparer.Ordinal);
        foreach (var (key, entry) in other._words)
        {
            words[key] = entry;
        }
        var phrases = new Dictionary<string, List<SentimentPhrase>>(StringComparer.Ordinal);
        foreach (var source in new[] { _phrases, other._phrases })
        {
            foreach (var (first, list) in source)
            {
                var target = phrases.TryGetValue(first, out var found) ? found : phrases[first] = [];
                foreach (var phrase in list)
                {
                    target.RemoveAll(p => p.Entry.Key == phrase.Entry.Key);
                    target.Add(phrase);
                }
            }
        }
        return new SentimentLexicon(words, ToArrays(phrases));
    }

    /// <summary>The entry for one token's normal form, or null.</summary>
    public SentimentEntry? Word(ReadOnlySpan<char> norm) => _lookup.TryGetValue(norm, out var slot) ? slot.Entry : null;

    /// <summary>The token's own entry (or null) and the phrases it starts, longest first (empty when none).</summary>
    public SentimentEntry? Find(ReadOnlySpan<char> norm, out SentimentPhrase[] phrases)
    {
        if (_lookup.TryGetValue(norm, out var slot))
        {
            phrases = slot.Phrases;
            return slot.Entry;
        }
        phrases = [];
        return null;
    }

    private readonly record struct Slot(SentimentEntry? Entry, SentimentPhrase[] Phrases);

    private static Dictionary<string, SentimentPhrase[]> ToArrays(Dictionary<string, List<SentimentPhrase>> phrases)
    {
        var result = new Dictionary<string, SentimentPhrase[]>(phrases.Count, StringComparer.Ordinal);
        foreach (var (first, list) in phrases)
        {
            result[first] = [.. list.OrderByDescending(p => p.Tokens.Length).ThenBy(p => p.Entry.Key, StringComparer.Ordinal)];
        }
        return result;
    }

    private static SentimentEntry ParseLine(string line, string source, int lineNo, out string[] tokens)
    {
        var fields = line.Split('\t');
        if (fields.Length < 2)
        {
            throw Error(source, lineNo, "expected 'entry<TAB>value[<TAB>tags]'");
        }
        var text = fields[0].Trim();
        if (text.Length == 0)
        {
            throw Error(source, lineNo, "the entry is empty");
        }
        if (!double.TryParse(fields[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            throw Error(source, lineNo, $"value '{fields[1]}' is not a number");
        }

        var role = SentimentRole.Valence;
        var tags = SentimentTags.None;
        if (fields.Length > 2)
        {
            foreach (var tag in fields[2].Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                switch (tag)
                {
                    case "negator": role = SentimentRole.Negator; break;
                    case "booster": role = SentimentRole.Booster; break;
                    case "contrast": role = SentimentRole.Contrast; break;
                    case "concessive": role = SentimentRole.Concessive; break;
                    case "learned": tags |= SentimentTags.Learned; break;
                    case "expectation": tags |= SentimentTags.Expectation; break;
                    case "ironic": tags |= SentimentTags.Ironic; break;
                    case "sarcasm": tags |= SentimentTags.Sarcasm; break;
                    case "fixed": tags |= SentimentTags.Fixed; break;
                    case "authored": break;
                    default:
                        // Free-form notes (e.g. "pos=12") are allowed; anything else is a typo.
                        if (!tag.Contains('=', StringComparison.Ordinal))
                        {
                            throw Error(source, lineNo, $"unknown tag '{tag}'");
                        }
                        break;
                }
            }
        }

        var (min, max) = role switch
        {
            SentimentRole.Valence => (-4.0, 4.0),
            SentimentRole.Booster => (-1.0, 1.0),
            SentimentRole.Contrast or SentimentRole.Concessive => (1.0, 2.0),
            _ => (double.MinValue, double.MaxValue),
        };
        if (value < min || value > max)
        {
            throw Error(source, lineNo, $"value {value.ToString(CultureInfo.InvariantCulture)} is outside {min.ToString(CultureInfo.InvariantCulture)}..{max.ToString(CultureInfo.InvariantCulture)} for a {role.ToString().ToLowerInvariant()} entry");
        }

        tokens = KeyTokens(text);
        if (tokens.Length == 0)
        {
            throw Error(source, lineNo, $"'{text}' has no tokens");
        }
        return new SentimentEntry(string.Join(' ', tokens), role, value, tags);
    }

    /// <summary>The normal forms the tokenizer gives an entry, emoji without variation selectors or skin tones.</summary>
    private static string[] KeyTokens(string text)
    {
        var (tokens, norm) = Tokenizer.Tokenize(text);
        var result = new string[tokens.Length];
        for (var i = 0; i < tokens.Length; i++)
        {
            var span = norm.AsSpan(tokens[i].NormStart, tokens[i].NormLength);
            result[i] = tokens[i].Kind == TokenKind.Emoji ? EmojiBase(span) : span.ToString();
        }
        return result;
    }

    internal static string EmojiBase(ReadOnlySpan<char> emoji)
    {
        Span<char> buffer = stackalloc char[emoji.Length];
        return buffer[..StripEmoji(emoji, buffer)].ToString();
    }

    /// <summary>Copies an emoji without variation selectors and skin-tone modifiers; returns the length written.</summary>
    internal static int StripEmoji(ReadOnlySpan<char> emoji, Span<char> buffer)
    {
        var n = 0;
        for (var i = 0; i < emoji.Length; i++)
        {
            var c = emoji[i];
            if (c is '\uFE0F' or '\uFE0E')
            {
                continue;
            }
            if (c == '\uD83C' && i + 1 < emoji.Length && emoji[i + 1] is >= '\uDFFB' and <= '\uDFFF')
            {
                i++;
                continue;
            }
            buffer[n++] = c;
        }
        return n;
    }

    private static FormatException Error(string source, int lineNo, string problem) =>
        new($"{source} line {lineNo}: {problem}");
}
