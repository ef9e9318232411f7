using System.Collections.Frozen;

namespace Attune.Core.Coaching.Playbooks;

/// <summary>The ids of the checks the coach evaluates itself; a playbook may use them in <c>do</c> and <c>dont</c>
/// without defining phrases. A do-rule passes when the check is present in the reply, a don't-rule when it is absent.</summary>
public static class BuiltInChecks
{
    /// <summary>Every built-in check id with what it detects.</summary>
    public static FrozenDictionary<string, string> All { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["emotional-reaction"] = "the reply expresses warmth, compassion or concern",
        ["condolence-first"] = "the reply opens with an emotional reaction, before any process or action",
        ["interpretation"] = "the reply shows it understood the customer's feelings or situation",
        ["exploration"] = "the reply asks about what the customer feels or needs",
        ["ownership"] = "the agent takes ownership in the first person (\"I will…\", \"I have…\")",
        ["next-step"] = "the reply names a concrete next step",
        ["timeline"] = "the reply gives a time or deadline (\"by Friday\", \"within 24 hours\")",
        ["follow-up"] = "the reply promises to follow up or keep the customer informed",
        ["resolution"] = "the reply says the problem is solved or the action is done",
        ["answers-question"] = "the reply answers what the customer asked (passes when nothing was asked)",
        ["apology"] = "the reply apologises",
        ["senior-escalation"] = "a senior person (manager, supervisor) is involved",
        ["contact-point"] = "the reply gives one named point of contact or a direct line",
        ["alternative"] = "the reply offers an option or alternative",
        ["upsell"] = "the reply promotes an offer, upgrade or product",
        ["cheer"] = "the reply is upbeat or cheerful (\"great news\", \"awesome\", exclamation marks)",
        ["exclamation"] = "the reply uses exclamation marks",
        ["blame"] = "the reply blames the customer or points back (\"as I said\", \"you should have\")",
        ["dismissal"] = "the reply dismisses the customer (\"not our fault\", \"calm down\", policy with no option)",
        ["dead-end"] = "the reply says nothing can be done and offers no alternative",
        ["cliche"] = "the reply uses scripted clichés",
        ["hollow"] = "the reply acknowledges feelings but does nothing about them",
        ["jargon"] = "the reply uses internal or technical jargon",
        ["wall-of-text"] = "the reply is one long block that is hard to read",
        ["casual"] = "the reply uses casual words (\"hey\", \"no worries\")",
    }.ToFrozenDictionary(StringComparer.Ordinal);
}
