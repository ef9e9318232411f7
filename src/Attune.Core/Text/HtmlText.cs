using System.Collections.Frozen;

namespace Attune.Core.Text;

/// <summary>How much HTML a message holds.</summary>
internal enum HtmlKind
{
    /// <summary>Plain text: no known tag, no character reference.</summary>
    None,
    /// <summary>Inline tags or character references only: line breaks in the source are kept.</summary>
    Inline,
    /// <summary>Block structure (html, body, p, div, br, table…): source whitespace collapses as in a browser.</summary>
    Full,
}

/// <summary>The plain text of an HTML body, each character mapped to the range of the source it came from.</summary>
/// <param name="QuoteRemoved">A blockquote, Gmail/Thunderbird/Yahoo quote or Outlook reply header was set aside.</param>
/// <param name="SignatureRemoved">A Gmail/Thunderbird/Outlook signature element was set aside.</param>
/// <param name="Truncated">The text reached the bound before the end of the source.</param>
/// <param name="EndsAtCut">An Outlook reply header ended the text: what follows is the earlier message.</param>
internal readonly record struct HtmlResult(bool QuoteRemoved, bool SignatureRemoved, bool Truncated, bool EndsAtCut);

/// <summary>Turns an HTML e-mail body into the plain text a reader sees, without the parts a reader of the new
/// message skips: head, scripts, styles, comments, quoted earlier messages and marked-up signatures.</summary>
internal static class HtmlText
{
    // How far into a message detection looks for markup.
    private const int DetectWindow = 64 * 1024;
    private const int MaxTagName = 16;
    private const int MaxWellFormedTag = 2000;

    private static readonly FrozenSet<string> BlockTags = FrozenSet.ToFrozenSet(
    [
        "html", "body", "p", "div", "br", "table", "tr", "tbody", "thead", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5",
        "h6", "blockquote", "hr", "pre", "section", "article", "header", "footer", "center", "dl", "dt", "dd", "address",
        "form", "fieldset", "main", "nav", "figure", "caption",
    ], StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> InlineTags = FrozenSet.ToFrozenSet(
    [
        "span", "font", "a", "b", "i", "u", "s", "strong", "em", "img", "td", "th", "head", "meta", "style", "script",
        "title", "small", "big", "sup", "sub", "o:p", "link", "base", "wbr", "label", "code", "abbr", "mark", "del", "ins",
    ], StringComparer.OrdinalIgnoreCase);

    // Elements whose content is never shown as text.
    private static readonly FrozenSet<string> HiddenTags = FrozenSet.ToFrozenSet(
        ["head", "script", "style", "title", "template", "noscript", "xml", "svg", "object"], StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> BlockLookup = BlockTags.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> InlineLookup = InlineTags.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> HiddenLookup = HiddenTags.GetAlternateLookup<ReadOnlySpan<char>>();

    // Attribute values that mark the quoted earlier message, and those that mark a signature.
    private static readonly string[] QuoteMarks = ["gmail_quote", "moz-cite-prefix", "yahoo_quoted", "protonmail_quote"];
    private static readonly string[] CutMarks = ["divRplyFwdMsg", "appendonsend", "OLK_SRC_BODY_SECTION", "mail-editor-reference-message-container"];
    private static readonly string[] SignatureMarks = ["gmail_signature", "moz-signature", "id=\"Signature\"", "id=Signature"];

    /// <summary>Whether <paramref name="text"/> holds real markup: a known tag or a character reference.
    /// "I &lt;3 it" and "x &lt; y" are not HTML.</summary>
    public static HtmlKind Detect(string text)
    {
        var s = text.AsSpan(0, Math.Min(text.Length, DetectWindow));
        if (s.IndexOfAny('<', '&') < 0)
        {
            return HtmlKind.None;
        }
        var kind = HtmlKind.None;
        for (var i = s.IndexOfAny('<', '&'); i >= 0 && i < s.Length; i = NextMarkup(s, i + 1))
        {
            if (s[i] == '&')
            {
                if (kind == HtmlKind.None && HtmlEntities.TryDecode(s, i, out _, out _, out _))
                {
                    kind = HtmlKind.Inline;
                }
                continue;
            }
            var name = TagName(s, i, out _, out var afterName);
            if (name.IsEmpty)
            {
                if (s[(i + 1)..].StartsWith("!--", StringComparison.Ordinal) || s[(i + 1)..].StartsWith("!doctype", StringComparison.OrdinalIgnoreCase))
                {
                    kind = HtmlKind.Inline;
                }
                continue;
            }
            if (!IsWellFormed(s, i, afterName))
            {
                continue;
            }
            if (BlockLookup.Contains(name))
            {
                return HtmlKind.Full;
            }
            if (InlineLookup.Contains(name))
            {
                kind = HtmlKind.Inline;
            }
        }
        return kind;
    }

    // A tag as written by software: "<b>", "</b>", "<br/>", or attributes with '=' ("<div class=x>"), closed within
    // a line. Plain text such as "I paid <a lot> more" or "<b and c>" is not a tag.
    private static bool IsWellFormed(ReadOnlySpan<char> s, int i, int afterName)
    {
        if (afterName >= s.Length)
        {
            return false;
        }
        if (s[afterName] == '>' || (s[afterName] == '/' && afterName + 1 < s.Length && s[afterName + 1] == '>'))
        {
            return true;
        }
        if (s[afterName] is not (' ' or '\t' or '\r' or '\n'))
        {
            return false;
        }
        var rest = s[afterName..Math.Min(s.Length, i + MaxWellFormedTag)];
        var gt = rest.IndexOf('>');
        if (gt < 0)
        {
            return false;
        }
        var attributes = rest[..gt];
        return attributes.IndexOf('<') < 0 && (attributes.IndexOf('=') >= 0 || attributes.Trim(" \t\r\n/").IsEmpty);
    }

    private static int NextMarkup(ReadOnlySpan<char> s, int from)
    {
        if (from >= s.Length)
        {
            return -1;
        }
        var k = s[from..].IndexOfAny('<', '&');
        return k < 0 ? -1 : from + k;
    }

    // The tag name after '<' or '</' at i; empty when what follows is not a tag.
    private static ReadOnlySpan<char> TagName(ReadOnlySpan<char> s, int i, out bool isEnd, out int afterName)
    {
        var k = i + 1;
        isEnd = k < s.Length && s[k] == '/';
        if (isEnd)
        {
            k++;
        }
        var start = k;
        if (k >= s.Length || !char.IsAsciiLetter(s[k]))
        {
            afterName = k;
            return [];
        }
        while (k < s.Length && k - start < MaxTagName && (char.IsAsciiLetterOrDigit(s[k]) || s[k] is ':' or '-'))
        {
            k++;
        }
        afterName = k;
        return s[start..k];
    }

    /// <summary>Converts <paramref name="source"/> to plain text of at most about <paramref name="limit"/> characters.</summary>
    /// <param name="source">The HTML body.</param>
    /// <param name="kind">What <see cref="Detect"/> found.</param>
    /// <param name="limit">Characters of text after which conversion stops.</param>
    /// <param name="output">Receives the text and its map to <paramref name="source"/>.</param>
    /// <param name="setAside">When false, quotes and signatures are kept (used when nothing else is left to read).</param>
    public static HtmlResult Convert(string source, HtmlKind kind, int limit, bool setAside, MappedTextBuilder output)
    {
        var s = source.AsSpan();
        var collapse = kind == HtmlKind.Full;
        var quote = false;
        var signature = false;
        var truncated = false;
        var cut = false;
        var pre = 0;
        string? skipName = null;
        var skipDepth = 0;
        var nextGt = -1;
        var pendingStart = -1;
        var pendingEnd = -1;
        var i = 0;
        while (i < s.Length)
        {
            if (output.Count >= limit)
            {
                truncated = true;
                break;
            }
            var c = s[i];
            if (c == '<')
            {
                if (nextGt < i)
                {
                    var g = s[i..].IndexOf('>');
                    nextGt = g < 0 ? int.MaxValue : i + g;
                }
                if (nextGt != int.MaxValue && TryTag(s, i, nextGt, !collapse, out var tagEnd, out var name, out var isEnd, out var selfClosing))
                {
                    var tag = s[i..tagEnd];
                    if (skipName is not null)
                    {
                        if (name.Equals(skipName, StringComparison.OrdinalIgnoreCase) && !selfClosing)
                        {
                            skipDepth += isEnd ? -1 : 1;
                            if (skipDepth == 0)
                            {
                                skipName = null;
                            }
                        }
                        i = tagEnd;
                        continue;
                    }
                    if (name.IsEmpty)
                    {
                        i = tagEnd;
                        continue;
                    }
                    if (!isEnd && HiddenLookup.Contains(name))
                    {
                        i = SkipElement(s, tagEnd, name);
                        nextGt = -1;
                        continue;
                    }
                    if (!isEnd && setAside && !selfClosing)
                    {
                        if (ContainsAny(tag, CutMarks))
                        {
                            quote = true;
                            cut = true;
                            break;
                        }
                        var isQuote = name.Equals("blockquote", StringComparison.OrdinalIgnoreCase) || ContainsAny(tag, QuoteMarks);
                        var isSignature = !isQuote && ContainsAny(tag, SignatureMarks);
                        if (isQuote || isSignature)
                        {
                            quote |= isQuote;
                            signature |= isSignature;
                            skipName = name.ToString();
                            skipDepth = 1;
                            LineBreak(output, i, tagEnd, ref pendingStart);
                            i = tagEnd;
                            continue;
                        }
                    }
                    if (name.Equals("pre", StringComparison.OrdinalIgnoreCase))
                    {
                        pre = Math.Max(0, pre + (isEnd ? -1 : 1));
                    }
                    if (name.Equals("br", StringComparison.OrdinalIgnoreCase))
                    {
                        pendingStart = -1;
                        if (!(output.Count >= 2 && output[output.Count - 1] == '\n' && output[output.Count - 2] == '\n') && output.Count > 0)
                        {
                            output.Append('\n', i, tagEnd);
                        }
                    }
                    else if (BlockLookup.Contains(name))
                    {
                        LineBreak(output, i, tagEnd, ref pendingStart);
                    }
                    else if (name.Equals("td", StringComparison.OrdinalIgnoreCase) || name.Equals("th", StringComparison.OrdinalIgnoreCase))
                    {
                        if (pendingStart < 0 && output.Count > 0 && !char.IsWhiteSpace(output.Last))
                        {
                            pendingStart = i;
                            pendingEnd = tagEnd;
                        }
                    }
                    i = tagEnd;
                    continue;
                }
            }
            if (skipName is not null)
            {
                i++;
                continue;
            }

            var start = i;
            var end = i + 1;
            char second = '\0';
            if (c == '&' && HtmlEntities.TryDecode(s, i, out var length, out var decoded, out second))
            {
                c = decoded;
                end = i + length;
            }
            i = end;
            var space = c is ' ' or '\t' or '\r' or '\n' or '\f' or '\u00A0';
            if (space && (collapse || c == '\u00A0') && !(pre > 0 && c == '\n'))
            {
                if (pendingStart < 0 && output.Count > 0 && !char.IsWhiteSpace(output.Last))
                {
                    pendingStart = start;
                    pendingEnd = end;
                }
                continue;
            }
            if (pendingStart >= 0)
            {
                output.Append(' ', pendingStart, pendingEnd);
                pendingStart = -1;
            }
            output.Append(c, start, end);
            if (second != '\0')
            {
                output.Append(second, start, end);
            }
        }

        if (truncated)
        {
            CutAtWhitespace(output);
        }
        output.TrimEnd();
        return new HtmlResult(quote, signature, truncated, cut);
    }

    private static void LineBreak(MappedTextBuilder output, int tagStart, int tagEnd, ref int pendingStart)
    {
        pendingStart = -1;
        if (output.Count > 0 && output.Last != '\n')
        {
            if (output.Last == ' ')
            {
                output.Shorten(output.Count - 1);
            }
            output.Append('\n', tagStart, tagEnd);
        }
    }

    // Backs off to the last whitespace within the last 200 characters so that no word is cut in two.
    internal static void CutAtWhitespace(MappedTextBuilder output)
    {
        for (var k = output.Count - 1; k > 0 && k >= output.Count - 200; k--)
        {
            if (char.IsWhiteSpace(output[k]))
            {
                output.Shorten(k);
                return;
            }
        }
        if (output.Count > 0 && char.IsHighSurrogate(output.Last))
        {
            output.Shorten(output.Count - 1);
        }
    }

    private static bool ContainsAny(ReadOnlySpan<char> tag, string[] marks)
    {
        if (tag.IndexOf('=') < 0)
        {
            return false;
        }
        foreach (var mark in marks)
        {
            if (tag.Contains(mark, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }

    // A tag, comment, doctype or processing instruction starting at i. The tag ends at the first '>' (gt).
    private static bool TryTag(ReadOnlySpan<char> s, int i, int gt, bool strict, out int end, out ReadOnlySpan<char> name, out bool isEnd, out bool selfClosing)
    {
        end = gt + 1;
        selfClosing = false;
        isEnd = false;
        name = [];
        if (i + 1 >= s.Length)
        {
            return false;
        }
        var next = s[i + 1];
        if (next == '!')
        {
            if (s[(i + 1)..].StartsWith("!--", StringComparison.Ordinal))
            {
                var close = s[(i + 4)..].IndexOf("-->", StringComparison.Ordinal);
                end = close < 0 ? s.Length : i + 4 + close + 3;
            }
            return true;
        }
        if (next == '?')
        {
            return true;
        }
        name = TagName(s, i, out isEnd, out var afterName);
        if (name.IsEmpty || (afterName < s.Length && s[afterName] is not ('>' or '/' or ' ' or '\t' or '\r' or '\n'))
            || (strict && !IsWellFormed(s, i, afterName)))
        {
            name = [];
            return false;
        }
        selfClosing = s[gt - 1] == '/';
        return true;
    }

    // Skips the content of a hidden element up to and including its end tag; a head without one ends at <body.
    private static int SkipElement(ReadOnlySpan<char> s, int from, ReadOnlySpan<char> name)
    {
        Span<char> close = stackalloc char[MaxTagName + 2];
        close[0] = '<';
        close[1] = '/';
        name.CopyTo(close[2..]);
        var closing = close[..(name.Length + 2)];
        var k = s[from..].IndexOf(closing, StringComparison.OrdinalIgnoreCase);
        if (k < 0)
        {
            if (name.Equals("head", StringComparison.OrdinalIgnoreCase))
            {
                var body = s[from..].IndexOf("<body", StringComparison.OrdinalIgnoreCase);
                return body < 0 ? s.Length : from + body;
            }
            return s.Length;
        }
        var at = from + k;
        var gt = s[at..].IndexOf('>');
        return gt < 0 ? s.Length : at + gt + 1;
    }
}
