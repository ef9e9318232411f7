namespace Attune.App.Data.Entities;

/// <summary>Something a lead must see: an escalated conversation or an agent whose load stayed high.</summary>
public sealed class Alert
{
    public long Id { get; set; }
    public required string Kind { get; set; }
    public long? ConversationId { get; set; }
    public long? AgentId { get; set; }
    public required string Message { get; set; }
    public DateTimeOffset At { get; set; }
}
