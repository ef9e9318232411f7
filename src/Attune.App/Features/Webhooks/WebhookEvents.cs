namespace Attune.App.Features.Webhooks;

public static class WebhookEvents
{
    public const string ConversationCreated = "conversation.created";
    public const string ConversationUpdated = "conversation.updated";
    public const string ReadingVulnerable = "reading.vulnerable";

    public static readonly IReadOnlyList<string> All = [ConversationCreated, ConversationUpdated, ReadingVulnerable];
}
