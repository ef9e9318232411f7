using System.Buffers;

namespace Attune.Core.Text;

/// <summary>What <see cref="ReplyTrimmer"/> set aside.</summary>
/// <param name="Kept">The ranges of the text to read, in order; null when all of it is read.</param>
/// <param name="QuoteRemoved">A quoted earlier message was set aside.</param>
/// <param name="SignatureRemoved">A signature was set aside.</param>
/// <param name="EndsAtCut">The text was cut at a reply header or signature delimiter: its end was seen.</param>
internal readonly record struct TrimResult(List<(int Start, int End)>? Kept, bool QuoteRemoved, bool SignatureRemoved, bool EndsAtCut);

/// <summary>Finds, line by line, the quoted earlier messages and the signature of a plain-text reply.
/// Conservative: a line is set aside only when it matches a known e-mail convention.</summary>
internal static class ReplyTrimmer
{
    private const int MaxSignatureLines = 6;
    private const int MaxAttributionLength = 400;

    private enum LineKind
    {
        Text,
        Blank,
        Quoted,
        Attribution,
        Cut,
        Separator,
        SignatureDelimiter,
        SentFrom,
        Valediction,
    }

    // "On <date>, <name> wrote:" and its localised forms: the line's first word and the verb it contains.
    private static readonly (string Start, string Verb)[] Attributions =
    [
        ("On ", "wrote"), ("Am ", "schrieb"), ("Le ", "crit"), ("El ", "escribi"), ("Op ", "schreef"),
        ("Il ", "scritto"), ("Em ", "escreveu"), ("Den ", "skrev"), ("W dniu ", "napisa"),
    ];

    private static readonly string[] OriginalMessage =
    [
        "original message", "forwarded message", "ursprüngliche nachricht", "weitergeleitete nachricht",
        "message d'origine", "message transféré", "mensaje original", "mensaje reenviado", "oorspronkelijk bericht",
        "doorgestuurd bericht", "messaggio originale", "messaggio inoltrato", "mensagem original", "ursprungligt meddelande",
    ];

    private static readonly string[] FromFields = ["From:", "Von:", "De :", "De:", "Van:", "Da:", "Från:", "Od:"];

    // The fields that only a mail header has after "From:" ("To:" alone is not enough: "From: London / To: Paris").
    private static readonly string[] HeaderFields =
    [
        "Sent:", "Date:", "Subject:", "Gesendet:", "Datum:", "Betreff:", "Envoyé :", "Envoyé:", "Date :", "Objet :",
        "Enviado el:", "Enviado:", "Fecha:", "Asunto:", "Verzonden:", "Onderwerp:", "Inviato:", "Oggetto:", "Data:",
        "Assunto:", "Skickat:", "Ämne:", "Wysłano:", "Temat:",
    ];

    private static readonly string[] SentFrom =
    [
        "Sent from my ", "Sent from Outlook", "Sent from Mail for", "Sent from Yahoo", "Sent from the ", "Sent via ",
        "Get Outlook for", "Von meinem ", "Envoyé de mon ", "Envoyé depuis ", "Enviado desde mi ", "Enviado do meu ",
        "Verzonden vanaf mijn ", "Verstuurd vanaf mijn ", "Inviato da ", "Skickat från min ",
    ];

    private static readonly string[] Valedictions =
    [
        "best regards", "kind regards", "warm regards", "warmest regards", "regards", "best wishes", "cheers", "thanks",
        "thank you", "many thanks", "thanks again", "thanks in advance", "thank you in advance", "sincerely",
        "yours sincerely", "yours faithfully", "yours truly", "best", "all the best", "with thanks", "thanks so much",
        "thank you so much", "respectfully", "take care", "kr", "br", "rgds", "thx",
    ];

    private static readonly SearchValues<char> MarkerInitials = SearchValues.Create(Initials());

    private static string Initials()
    {
        var initials = new HashSet<char>();
        foreach (var list in new[] { FromFields, SentFrom, Valedictions, Attributions.Select(a => a.Start).ToArray() })
        {
            foreach (var word in list)
            {
                initials.Add(char.ToLowerInvariant(word[0]));
                initials.Add(char.ToUpperInvariant(word[0]));
            }
        }
        return string.Concat(initials.Order());
    }

    /// <summary>Finds what to read in <paramref name="text"/>. Returns a null <see cref="TrimResult.Kept"/> when the
    /// text has a single line or nothing in it is set aside.</summary>
    public static TrimResult Trim(ReadOnlySpan<char> text)
    {
        if (text.IndexOf('\n') < 0)
        {
            return default;
        }
        var lines = SplitLines(text);
        var keep = new bool[lines.Count];
        Array.Fill(keep, true);
        var quote = false;
        var signature = false;
        var cutAt = -1;
        var i = 0;
        while (i < lines.Count)
        {
            var kind = Classify(text, lines, i, out var span);
            switch (kind)
            {
                case LineKind.Quoted:
                    keep[i] = false;
                    quote = true;
                    break;
                case LineKind.Attribution:
                    quote = true;
                    var next = NextNonBlank(text, lines, i + span);
                    if (next >= 0 && Classify(text, lines, next, out _) != LineKind.Quoted)
                    {
                        cutAt = i;
                        break;
                    }
                    // Followed by '>' lines (or nothing): what comes after them may be the customer's answer.
                    Array.Fill(keep, false, i, span);
                    i += span;
                    continue;
                case LineKind.Cut:
                    quote = true;
                    cutAt = i;
                    break;
                case LineKind.Separator:
                    if (NextNonBlank(text, lines, i + 1) >= 0)
                    {
                        quote = true;
                        cutAt = i;
                    }
                    break;
                case LineKind.SignatureDelimiter:
                    signature = true;
                    cutAt = i;
                    quote |= HasQuoteAfter(text, lines, i + 1);
                    break;
                case LineKind.SentFrom:
                    keep[i] = false;
                    signature = true;
                    break;
                case LineKind.Valediction:
                    var blockEnd = SignatureBlockEnd(text, lines, i + 1);
                    if (blockEnd > i + 1)
                    {
                        Array.Fill(keep, false, i + 1, blockEnd - i - 1);
                        signature = true;
                        i = blockEnd;
                        continue;
                    }
                    break;
                case LineKind.Text:
                case LineKind.Blank:
                default:
                    break;
            }
            if (cutAt >= 0)
            {
                Array.Fill(keep, false, cutAt, lines.Count - cutAt);
                break;
            }
            i++;
        }

        if (!quote && !signature)
        {
            return default;
        }
        var kept = new List<(int Start, int End)>();
        var k = 0;
        while (k < lines.Count)
        {
            if (!keep[k])
            {
                k++;
                continue;
            }
            var first = k;
            while (k + 1 < lines.Count && keep[k + 1])
            {
                k++;
            }
            var start = lines[first].Start;
            var end = lines[k].End;
            while (start < end && char.IsWhiteSpace(text[start]))
            {
                start++;
            }
            while (end > start && char.IsWhiteSpace(text[end - 1]))
            {
                end--;
            }
            if (end > start)
            {
                kept.Add((start, end));
            }
            k++;
        }
        // Everything was quoted or signature: read it all rather than nothing.
        return kept.Count == 0 ? default : new TrimResult(kept, quote, signature, cutAt >= 0);
    }

    private static List<(int Start, int End)> SplitLines(ReadOnlySpan<char> text)
    {
        var lines = new List<(int Start, int End)>();
        var start = 0;
        while (start <= text.Length)
        {
            var nl = text[start..].IndexOf('\n');
            var end = nl < 0 ? text.Length : start + nl;
            lines.Add((start, end));
            if (nl < 0)
            {
                break;
            }
            start = end + 1;
        }
        return lines;
    }

    private static int NextNonBlank(ReadOnlySpan<char> text, List<(int Start, int End)> lines, int from)
    {
        for (var j = from; j < lines.Count; j++)
        {
            if (!Line(text, lines, j).IsWhiteSpace())
            {
                return j;
            }
        }
        return -1;
    }

    private static bool HasQuoteAfter(ReadOnlySpan<char> text, List<(int Start, int End)> lines, int from)
    {
        for (var j = from; j < lines.Count; j++)
        {
            if (Classify(text, lines, j, out _) is LineKind.Quoted or LineKind.Attribution or LineKind.Cut)
            {
                return true;
            }
        }
        return false;
    }

    private static ReadOnlySpan<char> Line(ReadOnlySpan<char> text, List<(int Start, int End)> lines, int i) =>
        text[lines[i].Start..lines[i].End];

    private static LineKind Classify(ReadOnlySpan<char> text, List<(int Start, int End)> lines, int i, out int span)
    {
        span = 1;
        var raw = Line(text, lines, i).TrimEnd('\r');
        var t = raw.Trim();
        if (t.IsEmpty)
        {
            return LineKind.Blank;
        }
        switch (t[0])
        {
            case '>':
                // ">>> URGENT <<<" on its own is emphasis, not a quote.
                return !t.StartsWith(">>>", StringComparison.Ordinal) || NeighbourStartsWith(text, lines, i, '>')
                    ? LineKind.Quoted
                    : LineKind.Text;
            case '-':
                if (raw is "-- " or "--")
                {
                    return LineKind.SignatureDelimiter;
                }
                if (t.StartsWith("-----", StringComparison.Ordinal) && ContainsAny(t, OriginalMessage))
                {
                    return LineKind.Cut;
                }
                break;
            case '_':
                if (t.Length >= 20 && !t.ContainsAnyExcept('_'))
                {
                    return LineKind.Separator;
                }
                break;
            default:
                break;
        }
        // Every marker below starts with a letter of this set: most lines are rejected by one lookup.
        if (!MarkerInitials.Contains(t[0]))
        {
            return LineKind.Text;
        }
        if (StartsWithAny(t, FromFields) && IsHeaderBlock(text, lines, i))
        {
            return LineKind.Cut;
        }
        if (IsAttribution(text, lines, i, t, out span))
        {
            return LineKind.Attribution;
        }
        if (t.Length <= 80 && StartsWithAny(t, SentFrom))
        {
            return LineKind.SentFrom;
        }
        if (t.Length <= 40 && IsValediction(t))
        {
            return LineKind.Valediction;
        }
        return LineKind.Text;
    }

    private static bool NeighbourStartsWith(ReadOnlySpan<char> text, List<(int Start, int End)> lines, int i, char c) =>
        (i > 0 && Line(text, lines, i - 1).TrimStart().StartsWith(c))
        || (i + 1 < lines.Count && Line(text, lines, i + 1).TrimStart().StartsWith(c));

    // "From: …" followed within three lines by "Sent:", "Date:" or "Subject:" (or their translations).
    private static bool IsHeaderBlock(ReadOnlySpan<char> text, List<(int Start, int End)> lines, int i)
    {
        for (var j = i + 1; j < lines.Count && j <= i + 3; j++)
        {
            var t = Line(text, lines, j).Trim();
            if (StartsWithAny(t, HeaderFields))
            {
                return true;
            }
        }
        return false;
    }

    private static bool IsAttribution(ReadOnlySpan<char> text, List<(int Start, int End)> lines, int i, ReadOnlySpan<char> t, out int span)
    {
        span = 1;
        foreach (var (start, verb) in Attributions)
        {
            if (!t.StartsWith(start, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            // One line, or wrapped over two.
            for (var lineCount = 1; lineCount <= 2 && i + lineCount <= lines.Count; lineCount++)
            {
                if (lineCount == 2 && t[^1] is '.' or '!' or '?')
                {
                    break;
                }
                var whole = text[lines[i].Start..lines[i + lineCount - 1].End].Trim();
                if (whole.Length > MaxAttributionLength)
                {
                    break;
                }
                if (whole.EndsWith(':') && whole.Contains(verb, StringComparison.OrdinalIgnoreCase) && whole.IndexOfAnyInRange('0', '9') >= 0)
                {
                    span = lineCount;
                    return true;
                }
            }
        }
        return false;
    }

    private static bool IsValediction(ReadOnlySpan<char> t)
    {
        var core = t.TrimEnd(",.!:;-\u2013 ");
        foreach (var v in Valedictions)
        {
            if (core.Equals(v, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }

    // The lines after a valediction are a signature when, up to the end or a quoted message, there are at most six
    // and every one looks like a name, a title, a company or contact details. Returns the index after the block, or
    // <paramref name="from"/> when it is not a signature.
    private static int SignatureBlockEnd(ReadOnlySpan<char> text, List<(int Start, int End)> lines, int from)
    {
        var count = 0;
        var j = from;
        for (; j < lines.Count; j++)
        {
            var kind = Classify(text, lines, j, out _);
            if (kind is LineKind.Quoted or LineKind.Attribution or LineKind.Cut or LineKind.Separator or LineKind.SignatureDelimiter or LineKind.SentFrom)
            {
                break;
            }
            if (kind == LineKind.Blank)
            {
                continue;
            }
            if (++count > MaxSignatureLines || !IsSignatureLine(Line(text, lines, j).Trim()))
            {
                return from;
            }
        }
        return count == 0 ? from : j;
    }

    internal static bool IsSignatureLine(ReadOnlySpan<char> t)
    {
        if (t.Length > 60 || t.EndsWith('?') || t.EndsWith('!') || t.StartsWith("P.S", StringComparison.OrdinalIgnoreCase)
            || t.StartsWith("PS", StringComparison.Ordinal))
        {
            return false;
        }
        var words = 0;
        var capitalised = 0;
        var digits = 0;
        var letters = 0;
        var inWord = false;
        foreach (var c in t)
        {
            if (char.IsAsciiDigit(c))
            {
                digits++;
            }
            else if (char.IsLetter(c))
            {
                letters++;
            }
            if (char.IsWhiteSpace(c))
            {
                inWord = false;
                continue;
            }
            if (!inWord)
            {
                inWord = true;
                words++;
                if (!char.IsLower(c))
                {
                    capitalised++;
                }
            }
        }
        if (words > 7)
        {
            return false;
        }
        var contact = t.Contains('@') || t.Contains("http", StringComparison.OrdinalIgnoreCase)
            || t.Contains("www.", StringComparison.OrdinalIgnoreCase) || t.Contains('|') || (digits >= 7 && letters <= 12);
        // A name, title or company: short, and most words start with a capital (or are not words at all).
        return contact || words == 1 || (words <= 6 && capitalised * 2 >= words + 1);
    }

    private static bool StartsWithAny(ReadOnlySpan<char> t, string[] prefixes)
    {
        foreach (var p in prefixes)
        {
            if (t.StartsWith(p, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }

    private static bool ContainsAny(ReadOnlySpan<char> t, string[] parts)
    {
        foreach (var p in parts)
        {
            if (t.Contains(p, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }
}
