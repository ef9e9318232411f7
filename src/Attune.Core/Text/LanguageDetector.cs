using System.Collections.Frozen;
using System.Globalization;
using Attune.Core.Listening;
using Attune.Core.Resources;

namespace Attune.Core.Text;

/// <summary>Tells the language of a message from its script and, for Latin script, from counts of function words
/// (<c>Resources/language/function-words.txt</c>). One dictionary lookup per word token. Thread-safe.</summary>
internal static class LanguageDetector
{
    /// <summary>The code for a message with no language evidence either way (empty, numbers, emoji, "ok").</summary>
    public const string Undetermined = "und";

    // Another Latin-script language is reported when its function words weigh at least this much…
    private const int MinOtherScore = 2;

    // …and make at least this share of the weight of it and English together…
    private const double MinOtherShare = 0.75;

    // …and either include a word typical of it (weight 2) or weigh at least this much: "o no" is not Portuguese.
    private const int MinWeakOnlyScore = 4;

    private static readonly Lazy<Profiles> Loaded = new(() => Profiles.Parse(EmbeddedResource.ReadText("language/function-words.txt")));

    private enum Script
    {
        Latin,
        Greek,
        Cyrillic,
        Armenian,
        Hebrew,
        Arabic,
        Devanagari,
        Bengali,
        Gurmukhi,
        Gujarati,
        Tamil,
        Telugu,
        Kannada,
        Malayalam,
        Sinhala,
        Thai,
        Lao,
        Tibetan,
        Myanmar,
        Georgian,
        Hangul,
        Ethiopic,
        Khmer,
        Kana,
        Han,
        Other,
        Count,
    }

    private static readonly string[] ScriptCodes =
    [
        "en", "el", "ru", "hy", "he", "ar", "hi", "bn", "pa", "gu", "ta", "te", "kn", "ml", "si", "th", "lo", "bo", "my",
        "ka", "ko", "am", "km", "ja", "zh", Undetermined,
    ];

    public static LanguageReading Detect(Document document)
    {
        var profiles = Loaded.Value;
        Span<int> scripts = stackalloc int[(int)Script.Count];
        Span<int> scores = stackalloc int[profiles.Codes.Length];
        Span<int> strong = stackalloc int[profiles.Codes.Length];
        var ukrainian = false;
        var text = document.Text.AsSpan();
        foreach (ref readonly var token in document.Tokens.AsSpan())
        {
            if (token.Kind != TokenKind.Word)
            {
                continue;
            }
            foreach (var c in text.Slice(token.Start, token.Length))
            {
                var script = ScriptOf(c);
                if (script != Script.Count)
                {
                    // An ideograph or syllable carries about as much as a short word.
                    scripts[(int)script] += script is Script.Han or Script.Kana or Script.Hangul ? 2 : 1;
                    ukrainian |= c is '\u0456' or '\u0457' or '\u0454' or '\u0491';
                }
            }
            // Short acronyms ("EST", "DE") are not words of a language.
            if (!(token.Has(TokenFlags.AllCaps) && token.Length <= 3))
            {
                profiles.Score(document.Norm(token), scores, strong);
            }
        }

        var total = 0;
        var best = Script.Latin;
        for (var s = 0; s < (int)Script.Count; s++)
        {
            total += scripts[s];
            if (s != (int)Script.Latin && scripts[s] > scripts[(int)best])
            {
                best = (Script)s;
            }
        }
        if (total == 0)
        {
            return new LanguageReading(Undetermined, true, 0);
        }
        if (best != Script.Latin)
        {
            var code = best switch
            {
                Script.Han when scripts[(int)Script.Kana] > 0 => "ja",
                Script.Kana => "ja",
                Script.Cyrillic when ukrainian => "uk",
                _ => ScriptCodes[(int)best],
            };
            var share = best == Script.Han ? scripts[(int)Script.Han] + scripts[(int)Script.Kana] : scripts[(int)best];
            return new LanguageReading(code, false, Math.Round(Math.Min(1.0, (double)share / total), 3));
        }
        return LatinLanguage(profiles, scores, strong, (double)scripts[(int)Script.Latin] / total);
    }

    private static LanguageReading LatinLanguage(Profiles profiles, ReadOnlySpan<int> scores, ReadOnlySpan<int> strong, double latinShare)
    {
        var english = scores[profiles.English];
        var other = -1;
        for (var k = 0; k < scores.Length; k++)
        {
            if (k != profiles.English && (other < 0 || scores[k] > scores[other]))
            {
                other = k;
            }
        }
        var otherScore = other < 0 ? 0 : scores[other];
        if (otherScore >= MinOtherScore && (double)otherScore / (otherScore + english) >= MinOtherShare
            && (strong[other] > 0 || otherScore >= MinWeakOnlyScore))
        {
            return new LanguageReading(profiles.Codes[other], false, Math.Round(latinShare * otherScore / (otherScore + english), 3));
        }
        if (english > 0)
        {
            return new LanguageReading("en", true, Math.Round(latinShare * english / (english + otherScore), 3));
        }
        return new LanguageReading(Undetermined, true, 0);
    }

    // The script of a letter or mark, or Script.Count for what belongs to no script (digits, symbols, joiners).
    private static Script ScriptOf(char c)
    {
        if (c < 0x80)
        {
            return char.IsAsciiLetter(c) ? Script.Latin : Script.Count;
        }
        return c switch
        {
            < '\u0250' => char.IsLetter(c) ? Script.Latin : Script.Count,
            < '\u0370' => Script.Count,
            < '\u0400' => Script.Greek,
            < '\u0530' => Script.Cyrillic,
            < '\u0590' => Script.Armenian,
            < '\u0600' => Script.Hebrew,
            < '\u0780' => Script.Arabic,
            < '\u0900' => Script.Other,
            < '\u0980' => Script.Devanagari,
            < '\u0A00' => Script.Bengali,
            < '\u0A80' => Script.Gurmukhi,
            < '\u0B00' => Script.Gujarati,
            < '\u0B80' => Script.Other,
            < '\u0C00' => Script.Tamil,
            < '\u0C80' => Script.Telugu,
            < '\u0D00' => Script.Kannada,
            < '\u0D80' => Script.Malayalam,
            < '\u0E00' => Script.Sinhala,
            < '\u0E80' => Script.Thai,
            < '\u0F00' => Script.Lao,
            < '\u1000' => Script.Tibetan,
            < '\u10A0' => Script.Myanmar,
            < '\u1100' => Script.Georgian,
            < '\u1200' => Script.Hangul,
            < '\u1380' => Script.Ethiopic,
            < '\u1780' => Script.Other,
            < '\u1800' => Script.Khmer,
            >= '\u1E00' and < '\u1F00' => Script.Latin,
            >= '\u1F00' and < '\u2000' => Script.Greek,
            >= '\u3040' and < '\u3100' => Script.Kana,
            >= '\u3130' and < '\u3190' => Script.Hangul,
            >= '\u31F0' and < '\u3200' => Script.Kana,
            >= '\u3400' and < '\u4DC0' => Script.Han,
            >= '\u4E00' and < '\uA000' => Script.Han,
            >= '\uAC00' and < '\uD7B0' => Script.Hangul,
            // Supplementary ideographs (CJK extensions B–F) are written with these high surrogates.
            >= '\uD840' and < '\uD880' => Script.Han,
            >= '\uF900' and < '\uFB00' => Script.Han,
            >= '\uFB1D' and < '\uFB50' => Script.Hebrew,
            >= '\uFB50' and < '\uFE00' => Script.Arabic,
            >= '\uFE70' and < '\uFF00' => Script.Arabic,
            >= '\uFF21' and < '\uFF5B' => char.IsLetter(c) ? Script.Latin : Script.Count,
            >= '\uFF66' and < '\uFFA0' => Script.Kana,
            _ => char.IsLetter(c) ? Script.Other : Script.Count,
        };
    }

    /// <summary>The function-word profiles: for each word, the languages it counts for and with what weight.</summary>
    private sealed class Profiles
    {
        private readonly FrozenDictionary<string, (int Language, int Weight)[]>.AlternateLookup<ReadOnlySpan<char>> _lookup;
        private readonly int _french;

        private Profiles(string[] codes, FrozenDictionary<string, (int Language, int Weight)[]> words)
        {
            Codes = codes;
            English = Array.IndexOf(codes, "en");
            _french = Array.IndexOf(codes, "fr");
            _lookup = words.GetAlternateLookup<ReadOnlySpan<char>>();
        }

        public string[] Codes { get; }

        public int English { get; }

        public void Score(ReadOnlySpan<char> word, Span<int> scores, Span<int> strong)
        {
            if (_lookup.TryGetValue(word, out var entries))
            {
                foreach (var (language, weight) in entries)
                {
                    scores[language] += weight;
                    if (weight > 1)
                    {
                        strong[language]++;
                    }
                }
            }
            // French elision: l'ordre, d'un, j'attends, qu'il.
            else if (_french >= 0 && ((word.Length > 2 && word[1] == '\'' && word[0] is 'l' or 'd' or 'j' or 'n' or 's' or 'c' or 'm')
                || word.StartsWith("qu'", StringComparison.Ordinal)))
            {
                scores[_french] += 1;
            }
        }

        public static Profiles Parse(string source)
        {
            var codes = new List<string>();
            var words = new Dictionary<string, List<(int, int)>>(StringComparer.Ordinal);
            var lineNumber = 0;
            foreach (var raw in source.Split('\n'))
            {
                lineNumber++;
                var line = raw.Trim();
                if (line.Length == 0 || line[0] == '#')
                {
                    continue;
                }
                var colon = line.IndexOf(':', StringComparison.Ordinal);
                var head = colon < 0 ? [] : line[..colon].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (head.Length != 2 || !int.TryParse(head[1], NumberStyles.None, CultureInfo.InvariantCulture, out var weight) || weight <= 0)
                {
                    throw new FormatException($"language/function-words.txt line {lineNumber}: expected '<code> <weight>: words'.");
                }
                var language = codes.IndexOf(head[0]);
                if (language < 0)
                {
                    language = codes.Count;
                    codes.Add(head[0]);
                }
                foreach (var word in line[(colon + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    if (!words.TryGetValue(word, out var list))
                    {
                        words[word] = list = [];
                    }
                    list.Add((language, weight));
                }
            }
            if (!codes.Contains("en"))
            {
                throw new FormatException("language/function-words.txt: no 'en' profile.");
            }
            return new Profiles([.. codes], words.ToFrozenDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal));
        }
    }
}
