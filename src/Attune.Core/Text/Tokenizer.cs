using System.Buffers;
using System.Globalization;
using System.Text;

namespace Attune.Core.Text;

/// <summary>Splits text into words, numbers, emoji, emoticons, punctuation and URLs, with a normal form for each.</summary>
internal static class Tokenizer
{
    // Emoticons are matched only as whole whitespace-delimited chunks (or before trailing punctuation), longest first.
    private static readonly string[] Emoticons =
    [
        ">:-(", ">:(", ":'-(", ":'(", ":'-)", ":')", ":-))", ":-((", ":-)", ":-(", ":-D", ":-P", ":-p", ":-/", ":-\\",
        ":-|", ":-O", ":-o", ";-)", "=-)", "=-(", "<\\3", "</3", "^_^", "^^", "-_-", "T_T", ";_;", "o_O", "O_o",
        ":))", ":((", ":)", ":(", ":D", ":P", ":p", ":/", ":\\", ":|", ":O", ":o", ";)", ";D", "=)", "=(", "=D", ":]",
        ":[", ":3", "<3", "xD", "XD", "xd", ":S", ":s", "D:", ":@", ":*", ":$", ":#", ":x", ":X",
        ">:-)", ">:)", ">:D", ";-(", ":-}", ":-{", ":-c", ":-3", ":-S", ":'D", "\\o/", "^.^", "^-^", ">.<", "-.-", "*_*",
        "=]", "=[", "=/", "=\\", "=P", "=p", "=3", ";(", ";]", ";P", ";p", ":}", ":{", ":c", "D=", "XP", "xP",
    ];

    // Most chunks start with a letter no emoticon starts with: one set lookup spares the list scan.
    private static readonly SearchValues<char> EmoticonStarts = SearchValues.Create(string.Concat(Emoticons.Select(e => e[0]).Distinct()));

    public static (Token[] Tokens, char[] Norm) Tokenize(string text)
    {
        var tokens = new List<Token>(Math.Min(text.Length / 4 + 4, 1 << 16));
        var norm = new StringBuilder(text.Length);
        var sentence = 0;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                if (c == '\n')
                {
                    sentence++;
                }
                i++;
                continue;
            }

            var start = i;
            if (TryUrl(text, i, out var urlEnd))
            {
                Add(tokens, norm, text, start, urlEnd, TokenKind.Url, TokenFlags.None, sentence);
                i = urlEnd;
                continue;
            }
            if (EmoticonStarts.Contains(c) && (AtChunkStart(text, i) || AfterWord(text, i)) && TryEmoticon(text, i, AtChunkStart(text, i), out var emoEnd, out var emoLength))
            {
                // A repeated mouth (":)))", "XDDD", "<333") is the emoticon, stressed like an elongated word.
                var emoFlags = emoLength < emoEnd - start ? TokenFlags.Elongated : TokenFlags.None;
                Add(tokens, norm, text, start, start + emoLength, TokenKind.Emoticon, emoFlags, sentence);
                tokens[^1] = tokens[^1] with { Length = emoEnd - start };
                i = emoEnd;
                continue;
            }
            if (IsWordChar(c) || (c is '#' or '@' && i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1])))
            {
                i = ScanWord(text, i, tokens, norm, sentence);
                continue;
            }
            if (char.IsHighSurrogate(c) || IsEmojiBmp(c))
            {
                i = ScanEmoji(text, i);
                Add(tokens, norm, text, start, i, TokenKind.Emoji, TokenFlags.None, sentence);
                continue;
            }

            i++;
            var kind = char.IsPunctuation(c) ? TokenKind.Punctuation : TokenKind.Symbol;
            Add(tokens, norm, text, start, i, kind, TokenFlags.None, sentence);
            if (c is '.' or '!' or '?' && (i >= text.Length || char.IsWhiteSpace(text[i])))
            {
                sentence++;
            }
        }

        var buffer = new char[norm.Length];
        norm.CopyTo(0, buffer, 0, norm.Length);
        return (tokens.ToArray(), buffer);
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;

    private static bool IsApostrophe(char c) => c is '\'' or '\u2019' or '\u2018' or '`';

    private static bool AtChunkStart(string text, int i) => i == 0 || char.IsWhiteSpace(text[i - 1]) || text[i - 1] is '(' or '"';

    // "thanks:)", "fun!:D": an emoticon written straight after a word (two letters) or a sentence mark.
    private static bool AfterWord(string text, int i) =>
        i >= 2 && text[i] is ':' or ';' or '='
        && ((char.IsLetter(text[i - 1]) && char.IsLetter(text[i - 2])) || text[i - 1] is '!' or '.' or '?' or ',');

    private static bool IsMouth(char c) => c is ')' or '(' or 'D' or 'P' or 'p' or '3' or '[' or ']' or '/' or '*';

    private static int ScanWord(string text, int i, List<Token> tokens, StringBuilder norm, int sentence)
    {
        var start = i;
        var flags = TokenFlags.None;
        var kind = TokenKind.Word;
        if (text[i] == '#')
        {
            flags |= TokenFlags.Hashtag;
            i++;
        }
        else if (text[i] == '@')
        {
            kind = TokenKind.Mention;
            i++;
        }

        var bodyStart = i;
        var letters = 0;
        var upper = 0;
        var digits = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (IsWordChar(c))
            {
                if (char.IsLetter(c))
                {
                    letters++;
                    if (char.IsUpper(c))
                    {
                        upper++;
                    }
                }
                else if (char.IsDigit(c))
                {
                    digits++;
                }
                i++;
                continue;
            }
            // Inner apostrophes and hyphens keep a word whole (don't, I'm, e-mail, follow-up); inner . , : / keep a number whole.
            if (i + 1 < text.Length && IsWordChar(text[i + 1]) && i > bodyStart)
            {
                if (IsApostrophe(c) || c == '-' || c == '\u2011')
                {
                    i++;
                    continue;
                }
                if (c is '.' or ',' or ':' or '/' && char.IsDigit(text[i - 1]) && char.IsDigit(text[i + 1]))
                {
                    i++;
                    continue;
                }
            }
            break;
        }

        if (kind == TokenKind.Word && letters == 0 && digits > 0)
        {
            kind = TokenKind.Number;
        }
        if (letters >= 2 && upper == letters)
        {
            flags |= TokenFlags.AllCaps;
        }
        if (letters > 0 && char.IsUpper(text[bodyStart]))
        {
            flags |= TokenFlags.Capitalized;
        }

        var normStart = norm.Length;
        var run = 0;
        var prev = '\0';
        for (var k = kind == TokenKind.Mention ? start : bodyStart; k < i; k++)
        {
            var c = text[k];
            c = IsApostrophe(c) ? '\'' : c == '\u2011' ? '-' : char.ToLowerInvariant(c);
            run = c == prev ? run + 1 : 1;
            prev = c;
            if (run >= 3 && char.IsLetter(c))
            {
                flags |= TokenFlags.Elongated;
                continue;
            }
            norm.Append(c);
        }
        tokens.Add(new Token(start, i - start, normStart, norm.Length - normStart, kind, flags, sentence));
        return i;
    }

    private static void Add(List<Token> tokens, StringBuilder norm, string text, int start, int end, TokenKind kind, TokenFlags flags, int sentence)
    {
        var normStart = norm.Length;
        if (kind is TokenKind.Word or TokenKind.Url)
        {
            for (var k = start; k < end; k++)
            {
                norm.Append(char.ToLowerInvariant(text[k]));
            }
        }
        else
        {
            norm.Append(text, start, end - start);
        }
        tokens.Add(new Token(start, end - start, normStart, norm.Length - normStart, kind, flags, sentence));
    }

    private static bool TryUrl(string text, int i, out int end)
    {
        end = i;
        var s = text.AsSpan(i);
        if (!(s.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || s.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || s.StartsWith("www.", StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }
        end = i;
        while (end < text.Length && !char.IsWhiteSpace(text[end]))
        {
            end++;
        }
        while (end > i + 4 && text[end - 1] is '.' or ',' or ')' or '!' or '?' or ';' or ':')
        {
            end--;
        }
        return true;
    }

    /// <summary>An emoticon at <paramref name="i"/>: <paramref name="end"/> after its repeated mouth, <paramref name="length"/>
    /// of the listed emoticon itself. Not <paramref name="chunkStart"/>: it must also end the chunk.</summary>
    private static bool TryEmoticon(string text, int i, bool chunkStart, out int end, out int length)
    {
        foreach (var e in Emoticons)
        {
            if (e[0] == text[i] && string.CompareOrdinal(text, i, e, 0, e.Length) == 0)
            {
                length = e.Length;
                end = i + e.Length;
                if (IsMouth(e[^1]))
                {
                    while (end < text.Length && text[end] == e[^1])
                    {
                        end++;
                    }
                }
                if (!chunkStart)
                {
                    if (end == text.Length || char.IsWhiteSpace(text[end]))
                    {
                        return true;
                    }
                    continue;
                }
                // A whole chunk: followed by the end, whitespace, or punctuation that is not part of a word.
                if (end == text.Length || char.IsWhiteSpace(text[end]) || (text[end] is '.' or ',' or '!' or '?' or ')' && !char.IsLetterOrDigit(e[^1])))
                {
                    return true;
                }
                if (end < text.Length && !char.IsLetterOrDigit(text[end]) && !char.IsLetterOrDigit(e[^1]))
                {
                    return true;
                }
            }
        }
        end = i;
        length = 0;
        return false;
    }

    private static bool IsEmojiBmp(char c) => c is >= '\u2600' and <= '\u27BF' or >= '\u2B00' and <= '\u2BFF' or '\u2764' or '\u263A' or '\u2639';

    // An emoji with its skin tone, variation selectors and zero-width-joined parts is one token.
    private static int ScanEmoji(string text, int i)
    {
        i += char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
        while (i < text.Length)
        {
            var c = text[i];
            if (c is '\uFE0F' or '\uFE0E' or '\u20E3')
            {
                i++;
            }
            else if (c == '\u200D' && i + 1 < text.Length)
            {
                i++;
                i += char.IsHighSurrogate(text[i]) && i + 1 < text.Length ? 2 : 1;
            }
            else if (c == '\uD83C' && i + 1 < text.Length && text[i + 1] is >= '\uDFFB' and <= '\uDFFF')
            {
                i += 2;
            }
            else
            {
                break;
            }
        }
        return i;
    }
}
