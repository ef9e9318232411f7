using Attune.Core.Listening;

namespace Attune.Core.Text;

/// <summary>Turns a raw message into the <see cref="Document"/> that is read: HTML markup removed, quoted earlier
/// messages and signatures set aside, very long text bounded. Pure and thread-safe.</summary>
internal static class TextPreparer
{
    /// <summary>The most characters of a message that are read (cut back to a whitespace); what follows is not read
    /// and <see cref="TextInfo.Truncated"/> is set. Customer messages are far shorter; this keeps a 1 MB paste fast.</summary>
    public const int MaxReadLength = 20_000;

    public static Document Prepare(string original)
    {
        var html = original.AsSpan().IndexOfAny('<', '&') >= 0 ? HtmlText.Detect(original) : HtmlKind.None;
        return html == HtmlKind.None ? PreparePlain(original) : PrepareHtml(original, html);
    }

    private static Document PreparePlain(string original)
    {
        var length = Bound(original);
        var truncated = length < original.Length;
        var trim = ReplyTrimmer.Trim(original.AsSpan(0, length));
        if (trim.Kept is null)
        {
            // The fast path: no copy unless the text was bounded.
            var text = truncated ? original[..length] : original;
            return new Document(original, text, null, 0, new TextInfo(original.Length, text.Length, false, false, false, truncated));
        }

        var info = new TextInfo(original.Length, 0, false, trim.QuoteRemoved, trim.SignatureRemoved, truncated && !trim.EndsAtCut);
        if (trim.Kept.Count == 1)
        {
            var (start, end) = trim.Kept[0];
            var text = original[start..end];
            return new Document(original, text, null, start, info with { ReadLength = text.Length });
        }

        var builder = new MappedTextBuilder(length);
        foreach (var (start, end) in trim.Kept)
        {
            if (builder.Count > 0)
            {
                // The line break that joins two kept parts stands for the end of the first one.
                builder.Append('\n', builder.StartOf(builder.Count - 1), builder.EndOf(builder.Count - 1));
            }
            for (var k = start; k < end; k++)
            {
                builder.Append(original[k], k, k + 1);
            }
        }
        return Build(original, builder, info);
    }

    private static Document PrepareHtml(string original, HtmlKind kind)
    {
        var converted = new MappedTextBuilder(Math.Min(original.Length, MaxReadLength + 16));
        var result = HtmlText.Convert(original, kind, MaxReadLength, setAside: true, converted);
        if (converted.Count == 0 && (result.QuoteRemoved || result.SignatureRemoved))
        {
            // Only quoted text: read it rather than nothing.
            converted = new MappedTextBuilder(Math.Min(original.Length, MaxReadLength + 16));
            result = HtmlText.Convert(original, kind, MaxReadLength, setAside: false, converted);
        }

        var text = converted.Text();
        var trim = ReplyTrimmer.Trim(text);
        var info = new TextInfo(
            original.Length,
            0,
            true,
            result.QuoteRemoved || trim.QuoteRemoved,
            result.SignatureRemoved || trim.SignatureRemoved,
            result.Truncated && !result.EndsAtCut && !trim.EndsAtCut);
        if (trim.Kept is null)
        {
            return new Document(original, text, converted.Starts(), converted.Ends(), info with { ReadLength = text.Length });
        }

        var builder = new MappedTextBuilder(text.Length);
        foreach (var (start, end) in trim.Kept)
        {
            if (builder.Count > 0)
            {
                builder.Append('\n', builder.StartOf(builder.Count - 1), builder.EndOf(builder.Count - 1));
            }
            for (var k = start; k < end; k++)
            {
                builder.Append(text[k], converted.StartOf(k), converted.EndOf(k));
            }
        }
        return Build(original, builder, info);
    }

    private static Document Build(string original, MappedTextBuilder builder, TextInfo info) =>
        new(original, builder.Text(), builder.Starts(), builder.Ends(), info with { ReadLength = builder.Count });

    // The length to read: all of a text within the bound, else the bound cut back to a whitespace and never inside
    // a surrogate pair.
    private static int Bound(string text)
    {
        if (text.Length <= MaxReadLength)
        {
            return text.Length;
        }
        var window = text.AsSpan(MaxReadLength - 200, 200);
        var space = window.LastIndexOfAny(' ', '\n', '\t');
        if (space >= 0)
        {
            return MaxReadLength - 200 + space;
        }
        return char.IsHighSurrogate(text[MaxReadLength - 1]) ? MaxReadLength - 1 : MaxReadLength;
    }
}
