using System.Text.Json;
using Attune.App.Common;
using Attune.App.Data;
using Attune.App.Data.Entities;
using Attune.App.Features.Webhooks;
using Attune.Core.Listening;
using Microsoft.EntityFrameworkCore;

namespace Attune.App.Features.Ingestion;

/// <summary>Takes in one message: reads it, files it under its customer and conversation, updates the conversation.</summary>
public sealed class IngestMessage(AttuneDb db, TimeProvider clock, WebhookOutbox outbox, WriteGate gate)
{
    private const int MaxAttempts = 6;

    public async Task<Result<IngestedMessage>> HandleAsync(IngestMessageRequest request, CancellationToken ct, string fieldPrefix = "")
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

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await TryIngestAsync(request, author, channel, sentAt, now, reading, readingJson, fieldPrefix, lookFirst: attempt > 1, ct);
            }
            catch (DbUpdateException ex) when (attempt < MaxAttempts && Db.IsUniqueViolation(ex))
            {
                // A concurrent ingest created the same message, customer or conversation first: look again.
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<Result<IngestedMessage>> TryIngestAsync(
        IngestMessageRequest request, Author author, Channel channel, DateTimeOffset sentAt, DateTimeOffset now,
        Reading? reading, string? readingJson, string fieldPrefix, bool lookFirst, CancellationToken ct)
    {
        var source = request.Source!;
        // Most messages are new: the first attempt skips the lookup and lets the unique index catch a retry.
        var existing = !lookFirst ? null : await db.Messages.AsNoTracking()
            .Where(m => m.Source == source && m.ExternalId == request.ExternalId)
            .Select(m => new { m.Id, m.ConversationId, m.Conversation!.CustomerId, m.Conversation.Status, m.ReadingJson })
            .FirstOrDefaultAsync(ct);
        if (existing is not null)
        {
            return new IngestedMessage(existing.Id, existing.ConversationId, existing.CustomerId, false, Name(existing.Status), Parse(existing.ReadingJson));
        }

        Conversation? conversation = null;
        if (request.ConversationId is { } threadId)
        {
            conversation = await db.Conversations.FirstOrDefaultAsync(c => c.Source == source && c.ExternalId == threadId, ct);
        }

        Customer? customer = null;
        if (conversation is null)
        {
            if (request.Customer?.ExternalId is not { Length: > 0 } customerId)
            {
                return Failure.Invalid(fieldPrefix + "customer.externalId", "customer.externalId is required when the message starts a new conversation.");
            }
            customer = await db.Customers.FirstOrDefaultAsync(c => c.Source == source && c.ExternalId == customerId, ct);
            if (customer is null)
            {
                customer = NewCustomer(source, request.Customer, now);
                db.Customers.Add(customer);
            }
            else if (request.ConversationId is null)
            {
                // Without a thread id, a message continues the customer's latest unclosed conversation on that channel.
                var customerKey = customer.Id;
                conversation = await db.Conversations
                    .Where(c => c.CustomerId == customerKey && c.Channel == channel && c.Status != ConversationStatus.Closed)
                    .OrderByDescending(c => c.LastMessageAt)
                    .FirstOrDefaultAsync(ct);
            }
        }

        long? agentId = null;
        if (request.AgentEmail is { Length: > 0 } agentEmail)
        {
            agentId = await db.Agents.Where(a => a.Email == agentEmail).Select(a => (long?)a.Id).FirstOrDefaultAsync(ct);
        }

        var urgency = reading is null ? 0 : (int)reading.Urgency.Level;
        var isNew = conversation is null;
        if (conversation is null)
        {
            conversation = new Conversation
            {
                Source = source,
                ExternalId = request.ConversationId,
                Customer = customer,
                Channel = channel,
                Status = author == Author.Customer ? ConversationStatus.Open : ConversationStatus.Pending,
                Subject = request.Subject ?? Subject(request.Text!),
                DeskId = await ChooseDeskAsync(request.Desk, reading, ct),
                Priority = ChoosePriority(reading),
                Tags = request.Tags is null ? "" : string.Join(',', request.Tags),
                CreatedAt = sentAt,
                LastMessageAt = sentAt,
                MessageCount = 1,
                LastEmotion = reading?.Dominant.ToString(),
                Vulnerable = reading?.IsVulnerable ?? false,
                MaxUrgency = urgency,
                LastCompound = reading?.Sentiment.Compound,
                AssigneeId = agentId,
            };
            db.Conversations.Add(conversation);
        }

        var message = new Message
        {
            Source = source,
            ExternalId = request.ExternalId!,
            Conversation = conversation,
            Author = author,
            AgentId = agentId,
            Text = request.Text!,
            SentAt = sentAt,
            ReceivedAt = now,
            ReadingJson = readingJson,
            Emotion = reading?.Dominant.ToString(),
            Vulnerable = reading?.IsVulnerable ?? false,
            VulnerabilityDrivers = reading is { IsVulnerable: true } ? string.Join(',', reading.Vulnerability.Select(v => v.Driver).Distinct()) : null,
            Urgency = reading is null ? null : urgency,
            Churn = reading?.Churn.Score,
            Topic = reading?.Topic.Primary.ToString(),
            Compound = reading?.Sentiment.Compound,
        };
        db.Messages.Add(message);

        using var writer = await gate.EnterAsync(db, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        var status = conversation.Status;
        if (!isNew)
        {
            status = await UpdateConversationAsync(conversation.Id, conversation.Status, author, sentAt, reading, urgency, ct);
        }
        await outbox.EnqueueAsync(db, isNew ? WebhookEvents.ConversationCreated : WebhookEvents.ConversationUpdated,
            new { conversationId = conversation.Id, messageId = message.Id, status = Name(status) }, now, ct);
        if (reading is { IsVulnerable: true })
        {
            await outbox.EnqueueAsync(db, WebhookEvents.ReadingVulnerable,
                new { conversationId = conversation.Id, messageId = message.Id, drivers = message.VulnerabilityDrivers }, now, ct);
        }
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return new IngestedMessage(message.Id, conversation.Id, conversation.CustomerId, true, Name(status), Parse(readingJson));
    }

    // One atomic UPDATE so concurrent messages into one conversation never lose a count or a flag.
    private async Task<ConversationStatus> UpdateConversationAsync(
        long id, ConversationStatus current, Author author, DateTimeOffset sentAt, Reading? reading, int urgency, CancellationToken ct)
    {
        var status = author switch
        {
            Author.Customer => ConversationStatus.Open,
            Author.Agent when current == ConversationStatus.Open => ConversationStatus.Pending,
            _ => current,
        };
        var vulnerable = reading?.IsVulnerable ?? false;
        if (reading is null)
        {
            await db.Conversations.Where(c => c.Id == id).ExecuteUpdateAsync(s => s
                .SetProperty(c => c.MessageCount, c => c.MessageCount + 1)
                .SetProperty(c => c.LastMessageAt, c => c.LastMessageAt > sentAt ? c.LastMessageAt : sentAt)
                .SetProperty(c => c.Status, c => c.Status == ConversationStatus.Open ? status : c.Status), ct);
            return current == ConversationStatus.Open ? status : current;
        }
        var emotion = reading.Dominant.ToString();
        var compound = reading.Sentiment.Compound;
        await db.Conversations.Where(c => c.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(c => c.MessageCount, c => c.MessageCount + 1)
            .SetProperty(c => c.LastMessageAt, c => c.LastMessageAt > sentAt ? c.LastMessageAt : sentAt)
            .SetProperty(c => c.Status, status)
            .SetProperty(c => c.LastEmotion, emotion)
            .SetProperty(c => c.LastCompound, compound)
            .SetProperty(c => c.Vulnerable, c => c.Vulnerable || vulnerable)
            .SetProperty(c => c.MaxUrgency, c => c.MaxUrgency > urgency ? c.MaxUrgency : urgency), ct);
        return status;
    }

    private async Task<long?> ChooseDeskAsync(string? requested, Reading? reading, CancellationToken ct)
    {
        var name = requested ?? (reading switch
        {
            null => "General",
            { IsVulnerable: true } => "Care",
            { Churn.IsAtRisk: true } or { Topic.Primary: Topic.Cancellation } => "Retention",
            { Topic.Primary: Topic.Technical or Topic.AccountAccess } => "Technical",
            _ => "General",
        });
        return await db.Desks.Where(d => d.Name == name).Select(d => (long?)d.Id).FirstOrDefaultAsync(ct);
    }

    private static Priority ChoosePriority(Reading? reading) => reading switch
    {
        { Urgency.Level: UrgencyLevel.Critical } => Priority.Urgent,
        { Urgency.Level: UrgencyLevel.High } or { IsVulnerable: true } => Priority.High,
        { Urgency.Level: UrgencyLevel.Low } => Priority.Low,
        _ => Priority.Normal,
    };

    private static Customer NewCustomer(string source, CustomerRef c, DateTimeOffset now) => new()
    {
        Source = source,
        ExternalId = c.ExternalId!,
        Name = c.Name ?? c.Handle ?? c.Email ?? c.ExternalId!,
        Email = c.Email,
        Phone = c.Phone,
        Handle = c.Handle,
        Region = c.Region?.ToUpperInvariant(),
        Locale = c.Locale,
        CreatedAt = now,
    };

    private static string Subject(string text)
    {
        var line = text.AsSpan().Trim();
        var end = line.IndexOfAny('\n', '\r');
        if (end >= 0)
        {
            line = line[..end];
        }
        return line.Length <= 80 ? line.ToString() : string.Concat(line[..77], "...");
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
        if (r.Author is not null && !Enum.TryParse<Author>(r.Author, ignoreCase: true, out _))
        {
            return Failure.Invalid(prefix + "author", $"author '{r.Author}' is not one of: customer, agent, bot, system.");
        }
        return null;
    }

    private static Author ParseAuthor(string? s) => s is null ? Author.Customer : Enum.Parse<Author>(s, ignoreCase: true);

    private static Channel ParseChannel(string? s) => s is null ? Channel.Chat : Enum.Parse<Channel>(s, ignoreCase: true);

    internal static string Name(ConversationStatus s) => s.ToString().ToLowerInvariant();

    internal static JsonElement? Parse(string? json) => json is null ? null : JsonDocument.Parse(json).RootElement;
}
