namespace Attune.App.Features.Demo;

/// <summary>A conversation pattern: alternating turns, customer first; {product} and {amount} are filled in.</summary>
internal sealed record Scenario(string Name, string Channel, string Desk, string[] Tags, string[] Turns, bool RecordsNeed = false);

internal static class DemoScenarios
{
    public static readonly Scenario[] All =
    [
        new("bereavement", "email", "Care", ["bereavement"],
        [
            "My husband passed away last month and I need to close his {product} account. I don't know what to do about the direct debit and I can't face calling.",
            "I'm so sorry for your loss. There is no rush: I've paused the direct debit today and I'll send you the one form we need, pre-filled.",
            "Thank you, that is a real relief. I'll send the death certificate this week.",
        ], RecordsNeed: true),
        new("bereavement-chat", "chat", "Care", ["bereavement"],
        [
            "Hi, my mum died two weeks ago and her account is still sending reminders. Every letter is upsetting.",
            "I'm very sorry. I've stopped all reminders on her account now and noted that we should only contact you by email.",
        ], RecordsNeed: true),
        new("outage", "chat", "Technical", ["outage", "incident"],
        [
            "{product} has been down for three hours and our whole team can't work. This is urgent, we are losing money every minute!",
            "We're aware of the outage and engineers are on it. I'll update you every 30 minutes.",
            "Still down. This is completely unacceptable for a paid plan.",
            "Service is restored as of 14:05. We'll credit the downtime to your account.",
            "Thanks, it's working again.",
        ]),
        new("outage-social", "social", "Technical", ["outage"],
        [
            "@attune_help is {product} down again?? Can't log in since this morning #fail",
            "Sorry about that! There's an incident affecting logins, we're fixing it now. DM us if it persists after noon.",
        ]),
        new("billing-error", "email", "General", ["billing"],
        [
            "I was charged twice for my {product} subscription this month ({amount} each time). Please refund the duplicate payment.",
            "You're right, the second charge was our error. I've refunded {amount}; it will show in 3-5 working days.",
            "Great, thank you for sorting it so quickly.",
        ]),
        new("billing-error-angry", "phone", "General", ["billing", "complaint"],
        [
            "Phone note: customer called about an invoice of {amount} for a plan they cancelled in March. Very angry, says nobody listens.",
            "Explained the invoice was raised in error, cancelled it and confirmed in writing.",
        ]),
        new("repeated-contact", "email", "General", ["repeat-contact"],
        [
            "This is the third time I'm contacting you about my {product} refund. Nobody has called me back and I'm fed up with repeating myself.",
            "I'm sorry you've had to chase us. I've taken ownership of this and the refund of {amount} was issued today.",
            "I'll believe it when I see it. I've already wasted hours on this.",
            "Understood. I'll check tomorrow that it has reached you and email you either way.",
        ]),
        new("churn-threat", "email", "Retention", ["churn-risk", "b2b"],
        [
            "If the export problem in {product} isn't fixed by Friday we will cancel our contract and move to a competitor. Our renewal is next month.",
            "I hear you, and I've escalated the export bug with a fix date of Thursday. Can we book a call with your account manager?",
            "Fine, but this is the last chance.",
        ]),
        new("cancellation", "chat", "Retention", ["cancellation"],
        [
            "I want to cancel my {product} subscription. It's too expensive for what I use.",
            "I can help with that. Before I do: there's a lighter plan at half the price. Would that suit you better?",
            "Oh, I didn't know that. Yes please, switch me to that.",
        ]),
        new("job-loss", "phone", "Care", ["payment-difficulty"],
        [
            "Phone note: customer lost their job last month and can't pay this month's bill of {amount}. Worried about being cut off.",
            "Agreed a three-month payment break and told them about the hardship fund. No late fees.",
        ], RecordsNeed: true),
        new("anxiety", "chat", "Care", ["support-needs"],
        [
            "Sorry if this is a silly question, I get really anxious on the phone. How do I change my address in {product}? I'm confused by the settings.",
            "Not silly at all! Go to Settings > Profile > Address. I can also change it for you right now if you tell me the new address here.",
            "Thank you so much, that's really kind.",
        ]),
        new("login", "web", "Technical", ["account-access"],
        [
            "I can't log in to {product}, the password reset email never arrives.",
            "I've resent it from a different server; please also check your spam folder.",
            "Got it, I'm in. Thanks!",
        ]),
        new("delivery", "email", "General", ["delivery"],
        [
            "My order of {product} hardware was supposed to arrive on Monday and it still hasn't come. Where is it?",
            "The courier lost the parcel. A replacement ships today by express, at no cost.",
        ]),
        new("praise", "social", "General", ["praise"],
        [
            "Shout-out to the {product} support team, Mei fixed my problem in five minutes. Brilliant service!",
            "Thank you, that's lovely to hear! We'll pass it on to Mei.",
        ]),
        new("question", "chat", "General", ["information"],
        [
            "Does {product} support single sign-on with our identity provider?",
            "Yes, SAML and OIDC are both supported on the Business plan. Here's the setup guide.",
        ]),
        new("de-billing", "email", "General", ["billing"],
        [
            "Guten Tag, ich wurde diesen Monat zweimal für {product} belastet. Bitte erstatten Sie den doppelten Betrag.",
            "Entschuldigung für den Fehler. Die Erstattung von {amount} ist veranlasst.",
        ]),
        new("nl-outage", "chat", "Technical", ["outage"],
        [
            "Hallo, {product} werkt al de hele ochtend niet. Wanneer is dit opgelost?",
            "Excuses voor het ongemak, er is een storing. We verwachten dat het binnen een uur is opgelost.",
        ]),
        new("es-billing", "email", "General", ["billing"],
        [
            "Hola, me cobraron dos veces la suscripción de {product}. ¿Pueden devolverme el dinero?",
            "Lo sentimos mucho. Ya hemos reembolsado {amount}.",
        ]),
        new("pt-cancel", "chat", "Retention", ["cancellation"],
        [
            "Olá, quero cancelar minha assinatura do {product}. O serviço caiu três vezes esta semana.",
            "Sinto muito pelos problemas. Posso oferecer um mês grátis enquanto resolvemos a instabilidade?",
        ]),
    ];
}
