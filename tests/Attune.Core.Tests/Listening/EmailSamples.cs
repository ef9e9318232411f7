namespace Attune.Core.Tests.Listening;

/// <summary>Sample messages shared by the listening tests.</summary>
internal static class EmailSamples
{
    /// <summary>A Gmail-style HTML reply: the new part, a signature, then the quoted earlier message.</summary>
    public const string ReplyEmailHtml =
        "<html><head><style>p { color: red; }</style><title>Re: refund</title></head><body>" +
        "<div dir=\"ltr\"><p>I&#39;m still waiting for my refund &amp; nobody has answered.</p>" +
        "<p>This is the third time I&rsquo;ve written.</p>" +
        "<div class=\"gmail_signature\">Jane Doe<br>Acme Ltd</div></div>" +
        "<br><div class=\"gmail_quote\"><div class=\"gmail_attr\">On Mon, 3 Jun 2024 at 10:00, Support &lt;help@shop.com&gt; wrote:</div>" +
        "<blockquote class=\"gmail_quote\" style=\"margin:0\">We are sorry, we love our customers and your refund is on its way!</blockquote>" +
        "</div><!-- tracking --><script>var x = 'hate';</script></body></html>";

    /// <summary>Where the quoted part of <see cref="ReplyEmailHtml"/> starts: no evidence may lie beyond it.</summary>
    public static int ReplyEmailHtmlQuoteStart => ReplyEmailHtml.IndexOf("<div class=\"gmail_quote\">", StringComparison.Ordinal);

    /// <summary>About 1 MB of varied English text.</summary>
    public static readonly string Long = string.Concat(Enumerable.Repeat(
        "My parcel is late again and I am really annoyed, please help me today. Thanks for nothing! ", 11_000));
}
