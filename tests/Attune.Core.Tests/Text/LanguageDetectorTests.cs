using Attune.Core.Text;

namespace Attune.Core.Tests.Text;

public class LanguageDetectorTests
{
    [Theory]
    [InlineData("Hello, my order has not arrived yet and I need help.", "en", true)]
    [InlineData("Terrible service", "en", true)]
    [InlineData("Thanks, Ben", "en", true)]
    [InlineData("thank you so much \u2764\uFE0F", "en", true)]
    [InlineData("My order never arrived. I called three times and nobody could help me. Gracias.", "en", true)]
    [InlineData("", "und", true)]
    [InlineData("ok", "und", true)]
    [InlineData("12345 !!!", "und", true)]
    [InlineData("\U0001F44D\U0001F44D", "und", true)]
    [InlineData(":) :)", "und", true)]
    [InlineData("Hola, mi pedido no ha llegado todavía y necesito ayuda.", "es", false)]
    [InlineData("Gracias!", "es", false)]
    [InlineData("Bonjour, ma commande n'est pas arrivée et je suis très déçu.", "fr", false)]
    [InlineData("Merci beaucoup pour votre aide", "fr", false)]
    [InlineData("Hallo, ich habe meine Bestellung noch nicht erhalten und bin sehr enttäuscht.", "de", false)]
    [InlineData("Hallo, ik heb mijn bestelling nog niet ontvangen en ik ben erg teleurgesteld.", "nl", false)]
    [InlineData("Olá, o meu pedido ainda não chegou e eu preciso de ajuda.", "pt", false)]
    [InlineData("Ciao, il mio ordine non è ancora arrivato e sono molto deluso.", "it", false)]
    [InlineData("Hej, jag har inte fått min beställning och jag är besviken.", "sv", false)]
    [InlineData("Dzień dobry, nie dostałem zamówienia i jestem bardzo zły.", "pl", false)]
    [InlineData("Merhaba, siparişim hala gelmedi ve çok kızgınım.", "tr", false)]
    [InlineData("注文した商品がまだ届いていません。", "ja", false)]
    [InlineData("我的订单还没有到，我很生气。", "zh", false)]
    [InlineData("주문한 상품이 아직 도착하지 않았습니다.", "ko", false)]
    [InlineData("Мой заказ до сих пор не доставлен.", "ru", false)]
    [InlineData("Моє замовлення досі не доставлено, і я дуже злий.", "uk", false)]
    [InlineData("طلبي لم يصل بعد وأنا غاضب جدا", "ar", false)]
    [InlineData("ההזמנה שלי עדיין לא הגיעה", "he", false)]
    [InlineData("Η παραγγελία μου δεν έχει φτάσει ακόμα", "el", false)]
    [InlineData("คำสั่งซื้อของฉันยังไม่มาถึง", "th", false)]
    [InlineData("मेरा ऑर्डर अभी तक नहीं आया है", "hi", false)]
    [InlineData("My iPhone screen is cracked: 画面が割れました", "en", true)]
    [InlineData("iPhoneの画面が割れました。交換してください。", "ja", false)]
    public void Message_LanguageIsTold(string text, string code, bool supported)
    {
        var reading = LanguageDetector.Detect(TextPreparer.Prepare(text));

        Assert.Equal(code, reading.Code);
        Assert.Equal(supported, reading.IsSupported);
        Assert.InRange(reading.Confidence, 0, 1);
    }

    [Theory]
    [InlineData("Ha ha ha, fair enough")]
    [InlineData("Oh ya, me too")]
    [InlineData("Call me back before 5pm EST")]
    [InlineData("O no, she is gonna be late")]
    [InlineData("Non stop problems with this app")]
    [InlineData("C'mon, ma card still doesn't work")]
    [InlineData("Im so done")]
    public void EnglishWithForeignLookingWords_IsRead(string text)
    {
        Assert.True(LanguageDetector.Detect(TextPreparer.Prepare(text)).IsSupported);
    }

    [Theory]
    [InlineData("Hola, mi pedido no ha llegado todavía y necesito ayuda.")]
    [InlineData("注文した商品がまだ届いていません。")]
    public void ConfidentDetection_HasHighConfidence(string text)
    {
        Assert.True(LanguageDetector.Detect(TextPreparer.Prepare(text)).Confidence >= 0.6);
    }
}
