using System.Collections.Frozen;

namespace Attune.Core.Text;

/// <summary>Decodes HTML character references: numeric (<c>&amp;#39;</c>, <c>&amp;#x2019;</c>) and the named ones
/// that occur in e-mail bodies. Only the terminated form (with ';') is decoded.</summary>
internal static class HtmlEntities
{
    private const int MaxNameLength = 10;

    private static readonly FrozenDictionary<string, string> Named = BuildNamed();

    private static readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> NamedLookup =
        Named.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Decodes the reference starting at <paramref name="start"/> (which holds '&amp;').</summary>
    /// <param name="source">The HTML.</param>
    /// <param name="start">Index of the '&amp;'.</param>
    /// <param name="length">Characters of the source the reference covers, ';' included.</param>
    /// <param name="first">The decoded character (the high surrogate for a character outside the BMP).</param>
    /// <param name="second">The low surrogate, or '\0' when the character is in the BMP.</param>
    public static bool TryDecode(ReadOnlySpan<char> source, int start, out int length, out char first, out char second)
    {
        length = 0;
        first = second = '\0';
        var i = start + 1;
        if (i >= source.Length)
        {
            return false;
        }
        if (source[i] == '#')
        {
            return TryDecodeNumber(source, start, out length, out first, out second);
        }

        var nameStart = i;
        while (i < source.Length && i - nameStart <= MaxNameLength && char.IsAsciiLetterOrDigit(source[i]))
        {
            i++;
        }
        if (i == nameStart || i >= source.Length || source[i] != ';'
            || !NamedLookup.TryGetValue(source[nameStart..i], out var value))
        {
            return false;
        }
        length = i + 1 - start;
        first = value[0];
        second = value.Length > 1 ? value[1] : '\0';
        return true;
    }

    private static bool TryDecodeNumber(ReadOnlySpan<char> source, int start, out int length, out char first, out char second)
    {
        length = 0;
        first = second = '\0';
        var i = start + 2;
        var hex = i < source.Length && source[i] is 'x' or 'X';
        if (hex)
        {
            i++;
        }
        var digitsStart = i;
        long value = 0;
        while (i < source.Length && i - digitsStart < 8)
        {
            var c = source[i];
            int digit;
            if (char.IsAsciiDigit(c))
            {
                digit = c - '0';
            }
            else if (hex && char.IsAsciiHexDigit(c))
            {
                digit = (c | 0x20) - 'a' + 10;
            }
            else
            {
                break;
            }
            value = value * (hex ? 16 : 10) + digit;
            i++;
        }
        if (i == digitsStart || i >= source.Length || source[i] != ';')
        {
            return false;
        }
        length = i + 1 - start;
        // Invalid code points (NUL, surrogates, beyond Unicode) read as the replacement character, as browsers do.
        if (value is 0 or > 0x10FFFF or (>= 0xD800 and <= 0xDFFF))
        {
            first = '\uFFFD';
        }
        else if (value > 0xFFFF)
        {
            var v = (int)value - 0x10000;
            first = (char)(0xD800 + (v >> 10));
            second = (char)(0xDC00 + (v & 0x3FF));
        }
        else
        {
            first = (char)value;
        }
        return true;
    }

    private static FrozenDictionary<string, string> BuildNamed()
    {
        var named = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["amp"] = "&",
            ["lt"] = "<",
            ["gt"] = ">",
            ["quot"] = "\"",
            ["apos"] = "'",
            ["nbsp"] = "\u00A0",
            ["copy"] = "\u00A9",
            ["reg"] = "\u00AE",
            ["trade"] = "\u2122",
            ["hellip"] = "\u2026",
            ["mdash"] = "\u2014",
            ["ndash"] = "\u2013",
            ["lsquo"] = "\u2018",
            ["rsquo"] = "\u2019",
            ["ldquo"] = "\u201C",
            ["rdquo"] = "\u201D",
            ["sbquo"] = "\u201A",
            ["bdquo"] = "\u201E",
            ["laquo"] = "\u00AB",
            ["raquo"] = "\u00BB",
            ["bull"] = "\u2022",
            ["middot"] = "\u00B7",
            ["euro"] = "\u20AC",
            ["pound"] = "\u00A3",
            ["yen"] = "\u00A5",
            ["cent"] = "\u00A2",
            ["deg"] = "\u00B0",
            ["plusmn"] = "\u00B1",
            ["times"] = "\u00D7",
            ["divide"] = "\u00F7",
            ["frac12"] = "\u00BD",
            ["frac14"] = "\u00BC",
            ["frac34"] = "\u00BE",
            ["sect"] = "\u00A7",
            ["para"] = "\u00B6",
            ["shy"] = "\u00AD",
            ["zwnj"] = "\u200C",
            ["zwj"] = "\u200D",
            ["lrm"] = "\u200E",
            ["rlm"] = "\u200F",
            ["iexcl"] = "\u00A1",
            ["iquest"] = "\u00BF",
            ["szlig"] = "\u00DF",
            ["ensp"] = "\u2002",
            ["emsp"] = "\u2003",
            ["thinsp"] = "\u2009",
            ["larr"] = "\u2190",
            ["rarr"] = "\u2192",
            ["hearts"] = "\u2665",
            ["check"] = "\u2713",
            ["prime"] = "\u2032",
        };
        // Accented letters, lower and upper case: &eacute; &Eacute; …
        (string Accent, string Letters, string Lower)[] accents =
        [
            ("acute", "aeiouy", "\u00E1\u00E9\u00ED\u00F3\u00FA\u00FD"),
            ("grave", "aeiou", "\u00E0\u00E8\u00EC\u00F2\u00F9"),
            ("circ", "aeiou", "\u00E2\u00EA\u00EE\u00F4\u00FB"),
            ("uml", "aeiouy", "\u00E4\u00EB\u00EF\u00F6\u00FC\u00FF"),
            ("tilde", "ano", "\u00E3\u00F1\u00F5"),
            ("ring", "a", "\u00E5"),
            ("cedil", "c", "\u00E7"),
            ("slash", "o", "\u00F8"),
        ];
        foreach (var (accent, letters, lower) in accents)
        {
            for (var k = 0; k < letters.Length; k++)
            {
                named[letters[k] + accent] = lower[k].ToString();
                named[char.ToUpperInvariant(letters[k]) + accent] = char.ToUpperInvariant(lower[k]).ToString();
            }
        }
        named["aelig"] = "\u00E6";
        named["AElig"] = "\u00C6";
        named["oelig"] = "\u0153";
        named["OElig"] = "\u0152";
        return named.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
