using Attune.App.Common;

namespace Attune.App.Features.Ingestion;

/// <summary>Who wrote in; identified by (source, externalId).</summary>
public sealed record CustomerRef(
    string? ExternalId,
    string? Name = null,
    string? Email = null,
    string? Phone = null,
    string? Handle = null,
    string? Region = null,
    string? Locale = null);

/// <summary>One message from any channel. Identified by (source, externalId): a retry never duplicates it.
/// <see cref="Status"/>, when given, is the conversation's status in the source after this message (e.g. "resolved").</summary>
public sealed record IngestMessageRequest(
    string? Source,
    string? ExternalId,
    string? Text,
    CustomerRef? Customer = null,
    string? ConversationId = null,
    string? Channel = null,
    string? Author = null,
    DateTimeOffset? SentAt = null,
    string? AgentEmail = null,
    string? Desk = null,
    string? Subject = null,
    IReadOnlyList<string>? Tags = null,
    string? Status = null);

/// <summary>The stored message with its reading; <see cref="Created"/> is false when it was a retry of one already stored.</summary>
public sealed record IngestedMessage(
    long MessageId,
    long ConversationId,
    long CustomerId,
    bool Created,
    string Status,
    RawJson? Reading);
