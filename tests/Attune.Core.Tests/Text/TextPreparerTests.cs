using Attune.Core.Listening;
using Attune.Core.Tests.Listening;
using Attune.Core.Text;
using FsCheck.Xunit;

namespace Attune.Core.Tests.Text;

public class TextPreparerTests
{
    [Fact]
    public void ShortPlainMessage_IsReadAsIsWithoutCopy()
    {
        const string text = "My order is late and I am not happy :(";

        var document = TextPreparer.Prepare(text);

        Assert.Same(text, document.Text);
        Assert.Equal(new TextInfo(text.Length, text.Length, false, false, false, false), document.Info);
    }

    [Theory]
    // Attributions, one line or wrapped, English and localised.
    [InlineData("Still no refund.\n\nOn Mon, 3 Jun 2024 at 10:00, Jane <jane@acme.com> wrote:\n> We processed it.\n> Regards", "Still no refund.")]
    [InlineData("Still no refund.\nOn Mon, 3 Jun 2024 at 10:00, Jane Doe <\njane@acme.com> wrote:\n> We processed it.", "Still no refund.")]
    [InlineData("Still no refund.\nOn Mon, Jun 3, 2024 at 10:00 AM Jane Doe\n<jane@acme.com> wrote:\nWe processed it.", "Still no refund.")]
    [InlineData("Immer noch nichts.\n\nAm 03.06.2024 um 10:00 schrieb Jane Doe <j@x.com>:\n> Alles erledigt.", "Immer noch nichts.")]
    [InlineData("Toujours rien.\n\nLe lun. 3 juin 2024 à 10:00, Jane <j@x.com> a écrit :\n> C'est fait.", "Toujours rien.")]
    [InlineData("Todavía nada.\n\nEl lun, 3 jun 2024 a las 10:00, Jane (<j@x.com>) escribió:\n> Hecho.", "Todavía nada.")]
    [InlineData("Nog steeds niets.\n\nOp ma 3 jun. 2024 om 10:00 schreef Jane <j@x.com>:\n> Klaar.", "Nog steeds niets.")]
    // Outlook and forwarded headers.
    [InlineData("Please call me.\n\n-----Original Message-----\nFrom: Support\nSent: Monday\n\nWe love you", "Please call me.")]
    [InlineData("Please call me.\n\nFrom: Acme Support <s@acme.com>\nSent: Monday, June 3, 2024 10:00 AM\nTo: Jane\nSubject: Re: order\n\nGreat news!", "Please call me.")]
    [InlineData("Please call me.\r\n\r\n________________________________\r\nFrom: Acme Support\r\nSent: Monday\r\n\r\nGreat news!", "Please call me.")]
    [InlineData("Please call me.\n\nVon: Acme Support\nGesendet: Montag\nAn: Jane\n\nSuper!", "Please call me.")]
    // '>' quotes with answers in between (inline replies).
    [InlineData("> What is your order number?\n12345\n> And your postcode?\nSW1A 1AA", "12345\nSW1A 1AA")]
    [InlineData("Hi,\n\n> old text\n>> older text\n\nIt broke again.", "Hi,\nIt broke again.")]
    public void QuotedReply_IsSetAside(string text, string read)
    {
        var document = TextPreparer.Prepare(text);

        Assert.Equal(read, document.Text);
        Assert.True(document.Info.QuotedReplyRemoved);
        Assert.False(document.Info.WasHtml);
        Assert.Equal(read.Length, document.Info.ReadLength);
        AssertWordsMapBack(document);
    }

    [Theory]
    [InlineData("My card was charged twice.\n-- \nJane Doe\nAcme Ltd", "My card was charged twice.")]
    [InlineData("My card was charged twice.\n\nSent from my iPhone", "My card was charged twice.")]
    [InlineData("My card was charged twice.\n\nGet Outlook for Android", "My card was charged twice.")]
    [InlineData("My card was charged twice.\n\nKind regards,\nJane Doe\nHead of Operations, Acme Ltd\n+44 20 7946 0958\njane@acme.com", "My card was charged twice.\n\nKind regards,")]
    [InlineData("It works now.\n\nMany thanks,\n\nJane\n\nSent from my Galaxy", "It works now.\n\nMany thanks,")]
    public void Signature_IsSetAsideButValedictionKept(string text, string read)
    {
        var document = TextPreparer.Prepare(text);

        Assert.Equal(read, document.Text);
        Assert.True(document.Info.SignatureRemoved);
        AssertWordsMapBack(document);
    }

    [Theory]
    [InlineData("Thanks,\nI still have not received my refund and I want an answer today.")]
    [InlineData("Regards\nPlease call me back as soon as possible")]
    [InlineData("Thanks,\nJane\n\nP.S. My order number is 1234567")]
    [InlineData("On Monday I wrote to you twice.\nNobody answered.")]
    [InlineData("Best,\nJane\nWhy has nobody called me?")]
    [InlineData("From: my point of view this is poor.\nThanks.")]
    [InlineData("I <3 this shop & x < y, 5 > 3")]
    [InlineData("I paid <a lot> more & got <b and c>\nwhy?")]
    [InlineData(">>> URGENT <<<\nMy flight is tomorrow.")]
    [InlineData("My trip:\nFrom: London\nTo: Paris\nThe train was four hours late.")]
    public void OrdinaryContent_IsNeverCut(string text)
    {
        var document = TextPreparer.Prepare(text);

        Assert.Equal(text, document.Text);
        Assert.Equal(new TextInfo(text.Length, text.Length, false, false, false, false), document.Info);
    }

    [Fact]
    public void WhollyQuotedMessage_IsReadRatherThanNothing()
    {
        const string text = "> Your refund has been sent.\n> Regards";

        var document = TextPreparer.Prepare(text);

        Assert.Equal(text, document.Text);
        Assert.False(document.Info.QuotedReplyRemoved);
    }

    [Fact]
    public void HtmlEmail_ReadsVisibleNewTextOnly()
    {
        var document = TextPreparer.Prepare(EmailSamples.ReplyEmailHtml);

        Assert.Equal("I'm still waiting for my refund & nobody has answered.\nThis is the third time I\u2019ve written.", document.Text);
        Assert.True(document.Info.WasHtml);
        Assert.True(document.Info.QuotedReplyRemoved);
        Assert.True(document.Info.SignatureRemoved);
        Assert.Equal(document.Text.Length, document.Info.ReadLength);
    }

    [Fact]
    public void HtmlEmail_SpansMapToTheMarkup()
    {
        var html = EmailSamples.ReplyEmailHtml;
        var document = TextPreparer.Prepare(html);

        var spans = document.Tokens.Select(t => document.ToOriginal(t.Start, t.Length).Of(html)).ToArray();

        Assert.Contains("I&#39;m", spans);
        Assert.Contains("&amp;", spans);
        Assert.Contains("I&rsquo;ve", spans);
        Assert.Contains("refund", spans);
        var evidence = document.Evidence(0, document.Tokens.Length - 1, "test", 1);
        Assert.StartsWith("I&#39;m still waiting", evidence.Text, StringComparison.Ordinal);
        Assert.EndsWith("written.", evidence.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<p>Caf&eacute; &ndash; 5&nbsp;&euro; &#x1F600; &#128512; &lt;b&gt;</p>", "Café – 5 € \U0001F600 \U0001F600 <b>")]
    [InlineData("Fish &amp; chips &bogus; &amp", "Fish & chips &bogus; &amp")]
    [InlineData("<div>line one</div><div>line two<br>line three</div>", "line one\nline two\nline three")]
    [InlineData("<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>", "a b\nc")]
    [InlineData("<p>  lots   of\n  space  </p>", "lots of space")]
    [InlineData("<b>Really</b> angry\nabout this", "Really angry\nabout this")]
    [InlineData("<p>Bad &#0; &#xD800; ok</p>", "Bad \uFFFD \uFFFD ok")]
    [InlineData("<p>hi</p><!-- hidden <p>no</p> --><script>no()</script><style>.x{}</style><p>there</p>", "hi\nthere")]
    public void Html_IsConvertedToText(string html, string text)
    {
        var document = TextPreparer.Prepare(html);

        Assert.Equal(text, document.Text);
        Assert.True(document.Info.WasHtml);
    }

    [Theory]
    [InlineData("<div>Still broken.</div><blockquote>You said it was fixed</blockquote>")]
    [InlineData("<div>Still broken.</div><div class=\"gmail_quote\"><div>On Mon wrote:</div><div>old <div>nested</div> old</div></div>")]
    [InlineData("<div>Still broken.</div><hr><div id=\"divRplyFwdMsg\"><b>From:</b> Support</div><div>We fixed it</div>")]
    [InlineData("<p>Still broken.</p><p><b>From:</b> Support &lt;s@x.com&gt;<br><b>Sent:</b> Monday<br><b>To:</b> me</p><p>We fixed it</p>")]
    public void HtmlQuote_IsSetAside(string html)
    {
        var document = TextPreparer.Prepare(html);

        Assert.Equal("Still broken.", document.Text);
        Assert.True(document.Info.QuotedReplyRemoved);
    }

    [Fact]
    public void HugeText_IsBoundedAtWhitespace()
    {
        var text = string.Concat(Enumerable.Repeat("word ", 250_000));

        var document = TextPreparer.Prepare(text);

        Assert.True(document.Info.Truncated);
        Assert.InRange(document.Text.Length, TextPreparer.MaxReadLength - 200, TextPreparer.MaxReadLength);
        Assert.EndsWith("word", document.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void HugeHtml_IsBounded()
    {
        var html = "<html><body>" + string.Concat(Enumerable.Repeat("<p>word <b>word</b></p>", 60_000)) + "</body></html>";

        var document = TextPreparer.Prepare(html);

        Assert.True(document.Info.Truncated);
        Assert.True(document.Info.WasHtml);
        Assert.InRange(document.Text.Length, TextPreparer.MaxReadLength - 200, TextPreparer.MaxReadLength);
    }

    [Fact]
    public void HugeTextWithoutWhitespace_DoesNotSplitSurrogatePair()
    {
        var text = "a" + string.Concat(Enumerable.Repeat("\U0001F600", 20_000));

        var document = TextPreparer.Prepare(text);

        Assert.False(char.IsHighSurrogate(document.Text[^1]));
        Assert.True(document.Info.Truncated);
    }

    [Property(Arbitrary = [typeof(AnyMessageArbitrary)], MaxTest = 500, EndSize = 400)]
    public bool AnyText_TokensMapIntoOriginal(AnyMessage message)
    {
        var text = message.Text;
        var document = TextPreparer.Prepare(text);
        foreach (var token in document.Tokens)
        {
            var span = document.ToOriginal(token.Start, token.Length);
            if (span.Start < 0 || span.Length < token.Length - 1 || span.End > text.Length)
            {
                return false;
            }
            // Without markup every character is read from itself.
            if (!document.Info.WasHtml && span.Of(text) != document.Text.Substring(token.Start, token.Length))
            {
                return false;
            }
        }
        return document.Info.ReadLength == document.Text.Length;
    }

    private static void AssertWordsMapBack(Document document)
    {
        foreach (var token in document.Tokens)
        {
            Assert.Equal(document.Text.Substring(token.Start, token.Length), document.ToOriginal(token.Start, token.Length).Of(document.Original));
        }
    }
}
