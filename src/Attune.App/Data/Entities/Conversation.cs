namespace Attune.App.Data.Entities;

public enum ConversationStatus
{
    Open,
    Pending,
    Resolved,
    Closed,
}

public enum Channel
{
    Email,
    Chat,
    Phone,
    Social,
    Web,
    Messaging,
}

public enum Priority
{
    Low,
    Normal,
    High,
    Urgent,
}

public sealed class Conversation
{
    public long Id { get; set; }
    public required string Source { get; set; }

    /// <summary>The thread id in the source system; null when the source has no threads.</summary>
    public string? ExternalId { get; set; }
    public long CustomerId { get; set; }
    public Customer? Customer { get; set; }
    public Channel Channel { get; set; }
    public ConversationStatus Status { get; set; }
    public string? Subject { get; set; }
    public long? DeskId { get; set; }
    public Desk? Desk { get; set; }
    public long? AssigneeId { get; set; }
    public Agent? Assignee { get; set; }
    public Priority Priority { get; set; } = Priority.Normal;
    public string Tags { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset LastMessageAt { get; set; }
    public int MessageCount { get; set; }

    // Summary of the customer's messages, kept on the row so lists filter on indexed columns.
    public string? LastEmotion { get; set; }
    public bool Vulnerable { get; set; }
    public int MaxUrgency { get; set; }
    public double? LastCompound { get; set; }
    public double? FirstCompound { get; set; }
    public int CustomerMessages { get; set; }

    /// <summary>The first agent reply after the customer wrote; null until someone replies.</summary>
    public DateTimeOffset? FirstReplyAt { get; set; }

    /// <summary>When the conversation was last resolved or closed; null while it is open or pending.</summary>
    public DateTimeOffset? ResolvedAt { get; set; }
    public List<Message> Messages { get; set; } = [];

    // The routing decision for the latest customer message (null until the routing job has seen it).
    public long? RoutedMessageId { get; set; }
    public DateTimeOffset? RoutedAt { get; set; }
    public string? HandlingMode { get; set; }
    public string? SlaName { get; set; }
    public DateTimeOffset? FirstReplyDue { get; set; }
    public DateTimeOffset? ResolutionDue { get; set; }
    public string? Playbook { get; set; }
    public string? PolicyName { get; set; }
    public string? PolicyVersion { get; set; }
    public string? RoutingRule { get; set; }
    public string? RoutingExplanation { get; set; }
    public bool NeedsTrainedAgent { get; set; }
    public bool Escalated { get; set; }
    public DateTimeOffset? EscalatedAt { get; set; }
    public DateTimeOffset? LastStatusUpdateAt { get; set; }
}
