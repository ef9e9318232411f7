using System.Text.Json;
using Attune.App.Common;
using Attune.App.Data.Entities;
using Attune.Core.Listening;

namespace Attune.App.Features.Ingestion;

/// <summary>Takes in one message: validates and reads it, then hands it to the <see cref="IngestWriter"/> to file under its customer and conversation.</summary>
public sealed class IngestMessage(TimeProvider clock, IngestWriter writer)
{
    public Task<Result<IngestedMessage>> HandleAsync(IngestMessageRequest request, CancellationToken ct, string fieldPrefix = "") =>
        WriteAsync(request, null, fieldPrefix, ct);

    /// <summary>Takes in a message for a known conversation (an agent's reply sent from the workspace).</summary>
    internal Task<Result<IngestedMessage>> IntoAsync(long conversationId, IngestMessageRequest request, CancellationToken ct) =>
        WriteAsync(request, conversationId, "", ct);

    private async Task<Result<IngestedMessage>> WriteAsync(IngestMessageRequest request, long? conversationKey, string fieldPrefix, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Validate(request, fieldPrefix) is { } invalid)
        {
            return invalid;
        }
        var author = ParseAuthor(request.Author);
        var channel = ParseChannel(request.Channel);
        var now = clock.GetUtcNow();
        var sentAt = (request.SentAt ?? now).ToUniversalTime();
        var reading = author == Author.Customer ? Listener.Default.Read(request.Text) : null;
        var readingJson = reading is null ? null : JsonSerializer.Serialize(reading, Json.Options);

        // Read outside the writer, in parallel; the writer only stores.
        return await writer.WriteAsync(new PendingIngest(request, author, channel, sentAt, now, reading, readingJson, fieldPrefix, conversationKey), ct);
    }

    internal static Failure? Validate(IngestMessageRequest r, string prefix)
    {
        if (string.IsNullOrWhiteSpace(r.Source))
        {
            return Failure.Invalid(prefix + "source", "source is required (the system the message comes from, e.g. \"zendesk\").");
        }
        if (r.Source.Length > IngestLimits.MaxSourceLength)
        {
            return Failure.Invalid(prefix + "source", $"source is longer than {IngestLimits.MaxSourceLength} characters.");
        }
        if (string.IsNullOrWhiteSpace(r.ExternalId))
        {
            return Failure.Invalid(prefix + "externalId", "externalId is required (the message's id in its source, used to make retries safe).");
        }
        if (r.ExternalId.Length > IngestLimits.MaxIdLength)
        {
            return Failure.Invalid(prefix + "externalId", $"externalId is longer than {IngestLimits.MaxIdLength} characters.");
        }
        if (r.Text is null)
        {
            return Failure.Invalid(prefix + "text", "text is required.");
        }
        if (r.Text.Length > IngestLimits.MaxTextLength)
        {
            return Failure.Invalid(prefix + "text", $"text is {r.Text.Length} characters; the limit is {IngestLimits.MaxTextLength}.");
        }
        if (r.ConversationId is { Length: > IngestLimits.MaxIdLength })
        {
            return Failure.Invalid(prefix + "conversationId", $"conversationId is longer than {IngestLimits.MaxIdLength} characters.");
        }
        if (r.Customer?.ExternalId is { Length: > IngestLimits.MaxIdLength })
        {
            return Failure.Invalid(prefix + "customer.externalId", $"customer.externalId is longer than {IngestLimits.MaxIdLength} characters.");
        }
        if (r.Channel is not null && !Enum.TryParse<Channel>(r.Channel, ignoreCase: true, out _))
        {
            return Failure.Invalid(prefix + "channel", $"channel '{r.Channel}' is not one of: {string.Join(", ", Enum.GetNames<Channel>()).ToLowerInvariant()}.");
        }
        // Notes are written by the workspace only: an integration cannot slip one in as a "reply".
        if (r.Author is not null && (!Enum.TryParse<Author>(r.Author, ignoreCase: true, out var author)
            || author is not (Author.Customer or Author.Agent or Author.Bot or Author.System)))
        {
            return Failure.Invalid(prefix + "author", $"author '{r.Author}' is not one of: customer, agent, bot, system.");
        }
        if (r.Status is not null && ParseStatus(r.Status) is null)
        {
            return Failure.Invalid(prefix + "status", $"status '{r.Status}' is not one of: open, pending, resolved, closed.");
        }
        return null;
    }

    private static Author ParseAuthor(string? s) => s is null ? Author.Customer : Enum.Parse<Author>(s, ignoreCase: true);

    private static Channel ParseChannel(string? s) => s is null ? Channel.Chat : Enum.Parse<Channel>(s, ignoreCase: true);

    internal static ConversationStatus? ParseStatus(string? s) => s?.Trim().ToLowerInvariant() switch
    {
        "open" => ConversationStatus.Open,
        "pending" => ConversationStatus.Pending,
        "resolved" or "solved" => ConversationStatus.Resolved,
        "closed" => ConversationStatus.Closed,
        _ => null,
    };

    internal static string Name(ConversationStatus s) => s.ToString().ToLowerInvariant();
}
