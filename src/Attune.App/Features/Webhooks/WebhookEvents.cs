namespace Attune.App.Features.Webhooks;

public static class WebhookEvents
{
    public const string ConversationCreated = "conversation.created";
    public const string ConversationUpdated = "conversation.updated";
    public const string ReadingVulnerable = "reading.vulnerable";
    public const string ConversationEscalated = "conversation.escalated";
    public const string ConversationStatusUpdate = "conversation.status-update";
    public const string AgentLoadHigh = "agent.load-high";

    public static readonly IReadOnlyList<string> All = [ConversationCreated, ConversationUpdated, ReadingVulnerable, ConversationEscalated, ConversationStatusUpdate, AgentLoadHigh];
}
