using FsCheck;
using FsCheck.Fluent;

namespace Attune.Core.Tests.Listening;

/// <summary>A message for property tests: any string, biased towards what real messages and hostile input hold.</summary>
public sealed record AnyMessage(string Text)
{
    public override string ToString() => System.Text.Json.JsonSerializer.Serialize(Text);
}

/// <summary>Generates messages from random UTF-16 units (lone surrogates and control characters included) mixed with
/// fragments that exercise every path of text preparation: HTML, entities, quotes, signatures, other scripts.</summary>
public static class AnyMessageArbitrary
{
    public static readonly string[] Fragments =
    [
        "I'm not happy", " with the service", "Thanks so much!", "still waiting", " :) ", " :( ", "NEVER again", "sooo bad",
        "\U0001F621", "\U0001F44D\U0001F3FD", "\u2764\uFE0F", "\U0001F468\u200D\U0001F469\u200D\U0001F467", "\n", "\r\n", "\n\n", " ",
        "\t", "<div>", "</div>", "<p>", "<br>", "<blockquote>", "</blockquote>", "<div class=\"gmail_quote\">",
        "<div id=\"divRplyFwdMsg\">", "<html><body>", "</body></html>", "<head><style>x{}</style></head>", "<!-- c -->",
        "<script>alert(1)</script>", "&amp;", "&lt;", "&nbsp;", "&#39;", "&#x2019;", "&#x1F600;", "&#0;", "&#xD800;",
        "&bogus;", "&", "<", ">", "<3", "<b", "On Mon, 3 Jun 2024 at 10:00, Jane <j@x.com> wrote:\n",
        "On Mon, 3 Jun 2024 at 10:00, Jane <\nj@x.com> wrote:", "\n> quoted line", "> ", "-----Original Message-----\n",
        "From: Acme <s@acme.com>\nSent: Monday\nTo: me\n", "________________________________\n", "-- \n",
        "Sent from my iPhone", "\nKind regards,\nJane Doe\nAcme Ltd\n", "Am 03.06.2024 um 10:00 schrieb Jane <j@x.com>:",
        "Hola, mi pedido no ha llegado", "Bonjour, je suis très déçu", "注文した商品が届きません", "주문이 안 왔어요",
        "Мой заказ не доставлен", "\u200F\u202Eevil\u202C", "e\u0301\u0301\u0301", "\u0000\u0001\u001F", "\uFEFF",
        "\uD83D", "\uDE00", "\uFFFF", "https://example.com/a?b=c", "@support", "#fail", "12:30", "3rd time", "!!!", "???",
    ];

    private static readonly Gen<string> RandomUnits =
        Gen.Choose(0, 0xFFFF).Select(i => ((char)i).ToString());

    private static readonly Gen<string> Piece = Gen.Frequency(
        (3, Gen.Elements(Fragments)),
        (2, RandomUnits),
        (1, Gen.Choose(0x20, 0x7E).Select(i => ((char)i).ToString())));

    public static readonly Gen<AnyMessage> Messages =
        Gen.ListOf(Piece).Select(parts => new AnyMessage(string.Concat(parts)));

    public static Arbitrary<AnyMessage> AnyMessage() => Arb.From(Messages);
}
