using System.Collections.Immutable;

namespace Attune.Core.Listening;

/// <summary>How soon the customer needs help.</summary>
public enum UrgencyLevel
{
    /// <summary>No time pressure stated; praise, general information.</summary>
    Low,
    /// <summary>An ordinary request.</summary>
    Normal,
    /// <summary>A deadline, "today", "asap", money or access at stake soon.</summary>
    High,
    /// <summary>Safety, a business stopped, service down for many, fraud in progress.</summary>
    Critical,
}

/// <summary>How soon the customer needs help, with the reasons.</summary>
/// <param name="Level">The level.</param>
/// <param name="Reasons">The words that set the level (deadline, "today", "site is down"…); empty for Normal.</param>
public sealed record UrgencyReading(UrgencyLevel Level, ImmutableArray<Evidence> Reasons);

/// <summary>How hard the customer has had to work to be helped.</summary>
/// <param name="Score">0–1: 0 no sign of effort, 0.5 one clear sign (repeat contact), 0.8+ several.</param>
/// <param name="RepeatContact">True when the customer says they have contacted before about this.</param>
/// <param name="ContactCount">How many times the customer says they have contacted, when stated ("third time" = 3).</param>
/// <param name="ChannelHopping">True when the customer says they tried other channels (called, e-mailed, chat, store).</param>
/// <param name="Evidence">The words that raised it.</param>
public sealed record EffortReading(double Score, bool RepeatContact, int? ContactCount, bool ChannelHopping, ImmutableArray<Evidence> Evidence);

/// <summary>Whether the customer says they will leave.</summary>
/// <param name="Score">0–1: 0.9 an explicit intent ("I'm switching to another provider"), 0.6 a conditional threat
/// ("if this isn't fixed I'll cancel"), 0.3 a hint ("looking at other options").</param>
/// <param name="Evidence">The words that raised it. Closing the account of someone who died is not churn.</param>
public sealed record ChurnReading(double Score, ImmutableArray<Evidence> Evidence)
{
    /// <summary>True when the risk is worth acting on (score ≥ 0.5).</summary>
    public bool IsAtRisk => Score >= 0.5;
}

/// <summary>What a message is about.</summary>
public enum Topic
{
    /// <summary>Nothing specific.</summary>
    Other,
    /// <summary>Bills, charges, invoices, prices.</summary>
    Billing,
    /// <summary>Getting money back.</summary>
    Refund,
    /// <summary>Shipping, parcels, delivery times.</summary>
    Delivery,
    /// <summary>Something does not work: errors, outages, bugs.</summary>
    Technical,
    /// <summary>Login, password, locked account, verification; opening, changing or registering an account.</summary>
    AccountAccess,
    /// <summary>Ending a subscription, contract or account.</summary>
    Cancellation,
    /// <summary>A complaint about service or staff.</summary>
    Complaint,
    /// <summary>A question asking for information or how to do something.</summary>
    Information,
    /// <summary>Thanks and compliments.</summary>
    Praise,
    /// <summary>Placing, changing or tracking an order.</summary>
    Order,
    /// <summary>Paying, payment methods, failed payments, cards and transfers.</summary>
    Payment,
}

/// <summary>The topic of a message.</summary>
/// <param name="Primary">The main topic.</param>
/// <param name="Scores">Every topic with a score above zero (0–1), highest first.</param>
/// <param name="Evidence">The words that set the main topic.</param>
public sealed record TopicReading(Topic Primary, ImmutableArray<TopicScore> Scores, ImmutableArray<Evidence> Evidence);

/// <summary>A topic and how strongly the message is about it, 0–1.</summary>
/// <param name="Topic">The topic.</param>
/// <param name="Score">0–1.</param>
public readonly record struct TopicScore(Topic Topic, double Score);
