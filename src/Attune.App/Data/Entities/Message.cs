namespace Attune.App.Data.Entities;

public enum Author
{
    Customer,
    Agent,
    Bot,
    System,

    /// <summary>An internal note by staff: never sent to the customer, not read by the listener, not a reply.</summary>
    Note,
}

public sealed class Message
{
    public long Id { get; set; }
    public required string Source { get; set; }
    public required string ExternalId { get; set; }
    public long ConversationId { get; set; }
    public Conversation? Conversation { get; set; }
    public Author Author { get; set; }
    public long? AgentId { get; set; }
    public required string Text { get; set; }
    public DateTimeOffset SentAt { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }

    /// <summary>The full <see cref="Attune.Core.Listening.Reading"/> as JSON; null for messages not read (agent replies).</summary>
    public string? ReadingJson { get; set; }
    public string? Emotion { get; set; }
    public bool Vulnerable { get; set; }
    public string? VulnerabilityDrivers { get; set; }
    public int? Urgency { get; set; }
    public double? Churn { get; set; }
    public string? Topic { get; set; }
    public double? Compound { get; set; }

    // The coaching assessment of an agent reply (Attune.Core.Coaching.Assessment) against the latest customer message
    // before it; null for other authors.
    public int? EmpathyScore { get; set; }
    public bool? HasAction { get; set; }
    public bool? Hollow { get; set; }

    /// <summary>The kinds of the assessment's flags, comma-separated (e.g. "HollowEmpathy,ScriptedCliche").</summary>
    public string? CoachingFlags { get; set; }

    /// <summary>The assessment's most important suggestion, if any.</summary>
    public string? CoachingTip { get; set; }
}
