using Attune.Core.Listening;
using Attune.Core.Text;

namespace Attune.Core.Tests.Listening;

/// <summary>The whole engine on awkward input: nothing, huge text, e-mail bodies, other languages.</summary>
public class ListenerRobustnessTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\n\t\r\n ")]
    [InlineData("\u00A0\u2003")]
    public void NothingToRead_NeutralAndUndetermined(string? text)
    {
        var reading = Listener.Default.Read(text);

        Assert.Equal(LanguageDetector.Undetermined, reading.Language.Code);
        Assert.True(reading.Language.IsSupported);
        Assert.Equal(0, reading.Sentiment.Compound);
        Assert.Equal(SentimentLabel.Neutral, reading.Sentiment.Label);
        Assert.Empty(ReadingEvidence.All(reading));
        Assert.Equal(text?.Length ?? 0, reading.Text.Length);
        Assert.False(reading.Text.Truncated);
    }

    [Fact]
    public void OneMegabyte_IsTruncatedAndSpansStayInReadPart()
    {
        var reading = Listener.Default.Read(EmailSamples.Long);

        Assert.True(reading.Text.Truncated);
        Assert.Equal(EmailSamples.Long.Length, reading.Text.Length);
        Assert.InRange(reading.Text.ReadLength, TextPreparer.MaxReadLength - 200, TextPreparer.MaxReadLength);
        Assert.All(ReadingEvidence.All(reading), e => Assert.True(e.Span.End <= reading.Text.ReadLength));
        Assert.Equal("en", reading.Language.Code);
    }

    [Fact]
    public void HtmlReplyWithSignature_ReadsOnlyTheNewPart()
    {
        var html = EmailSamples.ReplyEmailHtml;

        var reading = Listener.Default.Read(html);

        Assert.True(reading.Text.WasHtml);
        Assert.True(reading.Text.QuotedReplyRemoved);
        Assert.True(reading.Text.SignatureRemoved);
        Assert.Equal("en", reading.Language.Code);
        Assert.All(ReadingEvidence.All(reading), e =>
        {
            Assert.Equal(e.Text, e.Span.Of(html));
            Assert.True(e.Span.End <= EmailSamples.ReplyEmailHtmlQuoteStart, $"'{e.Text}' lies in the quoted part");
        });
    }

    [Theory]
    [InlineData("Where is my refund?\n\nOn Mon, 3 Jun 2024 at 10:00, Shop <help@shop.com> wrote:\n> We love you!\n> Have a great day", "Where is my refund?")]
    [InlineData("Where is my refund?\nOn Mon, 3 Jun 2024 at 10:00, Shop Support <\nhelp@shop.com> wrote:\n> Great news!", "Where is my refund?")]
    [InlineData("> Is everything fine now?\nNo, it is still broken.", "No, it is still broken.")]
    public void PlainTextReply_ReadsOnlyTheNewPart(string text, string read)
    {
        var reading = Listener.Default.Read(text);

        Assert.True(reading.Text.QuotedReplyRemoved);
        Assert.Equal(read.Length, reading.Text.ReadLength);
        var newPart = text.IndexOf(read, StringComparison.Ordinal);
        Assert.All(ReadingEvidence.All(reading), e =>
        {
            Assert.Equal(e.Text, e.Span.Of(text));
            Assert.InRange(e.Span.Start, newPart, newPart + read.Length);
        });
    }

    [Theory]
    [InlineData("Hola, mi pedido no ha llegado y estoy muy enfadado. ¿Dónde está?", "es")]
    [InlineData("Hallo, ich habe meine Bestellung immer noch nicht erhalten und bin sehr verärgert.", "de")]
    [InlineData("Bonjour, ma commande n'est toujours pas arrivée et je suis très mécontent.", "fr")]
    [InlineData("注文した商品がまだ届いていません。とても困っています。", "ja")]
    [InlineData("주문한 상품이 아직 도착하지 않았습니다. 너무 화가 납니다.", "ko")]
    [InlineData("Мой заказ до сих пор не доставлен, я очень зол.", "ru")]
    public void OtherLanguage_IsReportedUnread(string text, string code)
    {
        var reading = Listener.Default.Read(text);

        Assert.False(reading.Language.IsSupported);
        Assert.Equal(code, reading.Language.Code);
        Assert.True(reading.Language.Confidence >= 0.5);
        Assert.Equal(SentimentLabel.Unread, reading.Sentiment.Label);
        Assert.Equal(0, reading.Sentiment.Compound);
        Assert.Empty(ReadingEvidence.All(reading));
    }

    [Theory]
    [InlineData("thanks!")]
    [InlineData("ok")]
    [InlineData("\U0001F44D")]
    [InlineData("\U0001F621\U0001F621\U0001F621")]
    [InlineData("Terrible service")]
    [InlineData("12345")]
    [InlineData(":(")]
    public void ShortEnglishOrNoLanguage_IsRead(string text)
    {
        var reading = Listener.Default.Read(text);

        Assert.True(reading.Language.IsSupported);
        Assert.NotEqual(SentimentLabel.Unread, reading.Sentiment.Label);
    }
}
