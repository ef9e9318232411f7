using Attune.App.Common;
using Attune.App.Data;
using Attune.App.Data.Entities;
using Attune.App.Features.Conversations;
using Attune.App.Features.Webhooks;
using Attune.Core.Coaching;
using Attune.Core.Listening;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Attune.App.Features.Ingestion;

/// <summary>A validated, already-read message waiting for the writer; <see cref="ConversationKey"/> files it under a
/// known conversation by id (an agent's reply from the workspace) instead of by thread or customer.</summary>
internal sealed record PendingIngest(
    IngestMessageRequest Request, Author Author, Channel Channel, DateTimeOffset SentAt, DateTimeOffset Now,
    Reading? Reading, string? ReadingJson, string FieldPrefix, long? ConversationKey = null)
{
    public TaskCompletionSource<Result<IngestedMessage>> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>
/// Group commit: writers take whatever ingests are waiting and store them in one transaction, resolving messages,
/// customers and conversations with one query each per batch. SQLite has one writer (it has one write lock);
/// PostgreSQL has several, each owning the threads (or, without a thread id, the customers) that hash to it, so one
/// conversation's messages keep their order. The unique indexes stay the source of truth: if a batch collides with
/// another writer or node (or deadlocks), it is rolled back and its items are written one by one, each retried
/// after a collision, exactly as a lone ingest would be.
/// </summary>
public sealed class IngestWriter : IAsyncDisposable
{
    private const int MaxBatch = 256;
    private const int MaxAttempts = 6;

    private static readonly TimeSpan DesksFor = TimeSpan.FromSeconds(5);
    private readonly System.Threading.Channels.Channel<PendingIngest>[] _queues;
    private readonly IServiceScopeFactory _scopes;
    private readonly WebhookOutbox _outbox;
    private readonly WriteGate _gate;
    private readonly TimeProvider _clock;
    private readonly ConversationEvents _events;
    private readonly Task[] _loops;
    private readonly ReservedIds _conversationIds = new("Conversations");
    private readonly ReservedIds _messageIds = new("Messages");
    private DeskCache _desks = new(DateTimeOffset.MinValue, []);

    public IngestWriter(IServiceScopeFactory scopes, WebhookOutbox outbox, WriteGate gate, TimeProvider clock, DatabaseOptions database, ConversationEvents events)
    {
        ArgumentNullException.ThrowIfNull(database);
        _events = events;
        _scopes = scopes;
        _clock = clock;
        _outbox = outbox;
        _gate = gate;
        _queues = [.. Enumerable.Range(0, database.Provider == DatabaseProvider.Postgres ? database.IngestWriters : 1)
            .Select(_ => System.Threading.Channels.Channel.CreateUnbounded<PendingIngest>(new() { SingleReader = true }))];
        _loops = [.. _queues.Select(q => Task.Run(() => RunAsync(q)))];
    }

    internal async Task<Result<IngestedMessage>> WriteAsync(PendingIngest item, CancellationToken ct)
    {
        ObjectDisposedException.ThrowIf(!_queues[Partition(item.Request)].Writer.TryWrite(item), this);
        // Once queued the item is written even if this caller gives up: a retry will find it.
        return await item.Done.Task.WaitAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var queue in _queues)
        {
            queue.Writer.TryComplete();
        }
        await Task.WhenAll(_loops);
    }

    // The same thread (or, without one, the same customer) always goes to the same writer, so its messages keep their order.
    private int Partition(IngestMessageRequest r) => _queues.Length == 1 ? 0
        : (int)((uint)HashCode.Combine(r.Source, r.ConversationId ?? r.Customer?.ExternalId ?? r.ExternalId) % (uint)_queues.Length);

    // Each writer keeps its context (and so its connection) from batch to batch; after a failure it starts afresh.
    private async Task RunAsync(System.Threading.Channels.Channel<PendingIngest> queue)
    {
        var batch = new List<PendingIngest>(MaxBatch);
        AsyncServiceScope? scope = null;
        try
        {
            while (await queue.Reader.WaitToReadAsync())
            {
                batch.Clear();
                while (batch.Count < MaxBatch && queue.Reader.TryRead(out var item))
                {
                    batch.Add(item);
                }
                try
                {
                    scope ??= _scopes.CreateAsyncScope();
                    await WriteWithFallbackAsync(scope.Value.ServiceProvider.GetRequiredService<AttuneDb>(), batch);
                }
#pragma warning disable CA1031 // The writer must outlive any one batch; the failure goes to that batch's callers.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    foreach (var item in batch)
                    {
                        item.Done.TrySetException(ex);
                    }
                    await EndAsync(scope);
                    scope = null;
                }
            }
        }
        finally
        {
            await EndAsync(scope);
        }
    }

    private static async Task EndAsync(AsyncServiceScope? scope)
    {
        if (scope is { } s)
        {
            await s.DisposeAsync();
        }
    }

    private async Task WriteWithFallbackAsync(AttuneDb db, List<PendingIngest> batch)
    {
        if (batch.Count > 1)
        {
            try
            {
                Complete(batch, await WriteBatchAsync(db, batch));
                return;
            }
            catch (Exception ex) when (IsCollision(ex))
            {
                db.ChangeTracker.Clear();
            }
        }
        foreach (var item in batch)
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    Complete([item], await WriteBatchAsync(db, [item]));
                    break;
                }
                catch (Exception ex) when (attempt < MaxAttempts && IsCollision(ex))
                {
                    // A concurrent ingest (another node) created the same message, customer or conversation first.
                    db.ChangeTracker.Clear();
                }
            }
        }
    }

    private static void Complete(List<PendingIngest> items, Result<IngestedMessage>[] results)
    {
        for (var i = 0; i < items.Count; i++)
        {
            items[i].Done.TrySetResult(results[i]);
        }
    }

    private static bool IsCollision(Exception ex) => ex switch
    {
        DbUpdateException u => Db.IsUniqueViolation(u),
        PostgresException pg => pg.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.DeadlockDetected,
        _ => false,
    };

    private async Task<Result<IngestedMessage>[]> WriteBatchAsync(AttuneDb db, List<PendingIngest> items)
    {
        var ct = CancellationToken.None;
        var results = new Result<IngestedMessage>[items.Count];
        var staged = new Staged?[items.Count];
        var context = await BatchContext.LoadAsync(db, await DesksAsync(db, ct), items, ct);
        var rows = new NewRows();
        var stagedKeys = new Dictionary<(string, string), int>();
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var key = (item.Request.Source!, item.Request.ExternalId!);
            if (context.Existing.TryGetValue(key, out var existing))
            {
                results[i] = existing;
            }
            else if (stagedKeys.TryGetValue(key, out var first))
            {
                staged[i] = staged[first]! with { Duplicate = true };
            }
            else
            {
                var s = await StageAsync(db, context, rows, item, ct);
                if (s.IsOk)
                {
                    staged[i] = s.Value;
                    stagedKeys[key] = i;
                }
                else
                {
                    results[i] = s.Error!;
                }
            }
        }

        var touched = context.Touched.OrderBy(c => c.Entity.Id).ToList(); // one lock order across nodes
        if (db.IsSqlite)
        {
            await SaveWithEfAsync(db, items, staged, rows, touched, ct);
        }
        else
        {
            await PostgresIngest.ReserveIdsAsync(db, rows, _conversationIds, _messageIds, ct);
            var deliveries = await DeliveriesAsync(db, items, staged, ct);
            await PostgresIngest.WriteAsync(db, rows, [.. touched.Select(c => c.Delta).OfType<ConversationDelta>()], deliveries, ct);
        }

        for (var i = 0; i < items.Count; i++)
        {
            if (staged[i] is { } s)
            {
                results[i] = new IngestedMessage(s.Message.Id, s.Conversation.Entity.Id, s.Conversation.Entity.CustomerId,
                    !s.Duplicate, IngestMessage.Name(s.Status), RawJson.From(s.Message.ReadingJson));
                if (!s.Duplicate)
                {
                    _events.Publish(new ConversationEvent(s.Conversation.Entity.Id, ConversationChange.Message, s.Message.Id,
                        s.Message.Author.ToString().ToLowerInvariant()));
                }
            }
        }
        db.ChangeTracker.Clear();
        return results;
    }

    private async Task SaveWithEfAsync(AttuneDb db, List<PendingIngest> items, Staged?[] staged, NewRows rows, List<ConversationState> touched, CancellationToken ct)
    {
        db.ChangeTracker.AutoDetectChangesEnabled = false; // only new entities are tracked: nothing to detect
        using var writer = await _gate.EnterAsync(db, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Customers.AddRange(rows.Customers);
        db.Conversations.AddRange(rows.Conversations);
        db.Messages.AddRange(rows.Messages);
        await db.SaveChangesAsync(ct);
        foreach (var conversation in touched)
        {
            await conversation.SaveAsync(db, ct);
        }
        db.WebhookDeliveries.AddRange(await DeliveriesAsync(db, items, staged, ct));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    // Needs the new rows' ids: call once they are known.
    private async Task<List<WebhookDelivery>> DeliveriesAsync(AttuneDb db, List<PendingIngest> items, Staged?[] staged, CancellationToken ct)
    {
        var deliveries = new List<WebhookDelivery>();
        for (var i = 0; i < items.Count; i++)
        {
            if (staged[i] is not { Duplicate: false } s)
            {
                continue;
            }
            var conversationId = s.Conversation.Entity.Id;
            await _outbox.DeliveriesAsync(db, s.Created ? WebhookEvents.ConversationCreated : WebhookEvents.ConversationUpdated,
                new { conversationId, messageId = s.Message.Id, status = IngestMessage.Name(s.Status) }, items[i].Now, deliveries, ct);
            if (items[i].Reading is { IsVulnerable: true })
            {
                await _outbox.DeliveriesAsync(db, WebhookEvents.ReadingVulnerable,
                    new { conversationId, messageId = s.Message.Id, drivers = s.Message.VulnerabilityDrivers }, items[i].Now, deliveries, ct);
            }
        }
        return deliveries;
    }

    // Desks change rarely; like webhook subscriptions they are cached briefly rather than read per batch.
    private async Task<Dictionary<string, long>> DesksAsync(AttuneDb db, CancellationToken ct)
    {
        var now = _clock.GetUtcNow();
        var desks = _desks; // one reference read: writers share the cache
        if (desks.Until <= now)
        {
            _desks = desks = new(now + DesksFor, await db.Desks.AsNoTracking().ToDictionaryAsync(d => d.Name, d => d.Id, StringComparer.Ordinal, ct));
        }
        return desks.ByName;
    }

    private static async Task<Result<Staged>> StageAsync(AttuneDb db, BatchContext context, NewRows rows, PendingIngest item, CancellationToken ct)
    {
        var request = item.Request;
        var source = request.Source!;
        var reading = item.Reading;
        ConversationState? conversation = null;
        if (item.ConversationKey is { } key)
        {
            conversation = context.ById(key);
            if (conversation is null)
            {
                return Failure.NotFound($"Conversation {key}");
            }
        }
        else if (request.ConversationId is { } threadId)
        {
            context.Conversations.TryGetValue((source, threadId), out conversation);
        }

        object? customer = null; // a customer id (long) or a Customer added in this batch
        if (conversation is null)
        {
            if (request.Customer?.ExternalId is not { Length: > 0 } customerId)
            {
                return Failure.Invalid(item.FieldPrefix + "customer.externalId", "customer.externalId is required when the message starts a new conversation.");
            }
            if (context.Customers.TryGetValue((source, customerId), out var known))
            {
                customer = known;
            }
            else
            {
                var added = NewCustomer(source, request.Customer, item.Now);
                rows.Customers.Add(added);
                context.Customers[(source, customerId)] = customer = added;
            }
            if (request.ConversationId is null)
            {
                // Without a thread id, a message continues the customer's latest unclosed conversation on that channel.
                conversation = await context.LatestUnclosedAsync(db, source, customerId, customer, item.Channel, ct);
            }
        }

        var agentId = await context.AgentAsync(db, request.AgentEmail, ct);
        var urgency = reading is null ? 0 : (int)reading.Urgency.Level;
        var created = conversation is null;
        var given = IngestMessage.ParseStatus(request.Status);
        ConversationStatus status;
        if (conversation is null)
        {
            var entity = new Conversation
            {
                Source = source,
                ExternalId = request.ConversationId,
                Channel = item.Channel,
                Status = given ?? (item.Author == Author.Customer ? ConversationStatus.Open : ConversationStatus.Pending),
                Subject = request.Subject ?? Subject(request.Text!),
                DeskId = context.Desk(request.Desk, reading),
                Priority = ChoosePriority(reading),
                Tags = request.Tags is null ? "" : string.Join(',', request.Tags),
                CreatedAt = item.SentAt,
                LastMessageAt = item.SentAt,
                MessageCount = 1,
                LastEmotion = reading?.Dominant.ToString(),
                Vulnerable = reading?.IsVulnerable ?? false,
                MaxUrgency = urgency,
                LastCompound = reading?.Sentiment.Compound,
                FirstCompound = reading?.Sentiment.Compound,
                CustomerMessages = reading is null ? 0 : 1,
                AssigneeId = agentId,
            };
            if (ConversationState.Resolved(entity.Status))
            {
                entity.ResolvedAt = item.SentAt;
            }
            if (customer is Customer c)
            {
                entity.Customer = c;
            }
            else
            {
                entity.CustomerId = (long)customer!;
            }
            rows.Conversations.Add(entity);
            conversation = new ConversationState(entity, isNew: true) { Region = request.Customer?.Region };
            if (reading is not null)
            {
                conversation.Coaching = new CoachingContext([request.Text!], [reading], conversation.Region);
            }
            context.Remember(conversation, request.Customer?.ExternalId, item.Channel);
            status = entity.Status;
        }
        else
        {
            status = conversation.Add(item.Author, item.SentAt, reading, urgency, given, request.Text!, request.Customer?.Region);
        }
        var assessment = item.Author == Author.Agent
            ? Coach.Default.Assess(request.Text, conversation.Coaching ??= await CoachingContextAsync(db, conversation, ct))
            : null;

        var message = new Message
        {
            Source = source,
            ExternalId = request.ExternalId!,
            Conversation = conversation.IsNew ? conversation.Entity : null,
            ConversationId = conversation.IsNew ? 0 : conversation.Entity.Id,
            Author = item.Author,
            AgentId = agentId,
            Text = request.Text!,
            SentAt = item.SentAt,
            ReceivedAt = item.Now,
            ReadingJson = item.ReadingJson,
            Emotion = reading?.Dominant.ToString(),
            Vulnerable = reading?.IsVulnerable ?? false,
            VulnerabilityDrivers = reading is { IsVulnerable: true } ? string.Join(',', reading.Vulnerability.Select(v => v.Driver).Distinct()) : null,
            Urgency = reading is null ? null : urgency,
            Churn = reading?.Churn.Score,
            Topic = reading?.Topic.Primary.ToString(),
            Compound = reading?.Sentiment.Compound,
            EmpathyScore = assessment?.Score,
            HasAction = assessment?.Action.Acts,
            Hollow = assessment?.Has(FlagKind.HollowEmpathy),
            CoachingFlags = assessment is null ? null : Clip(string.Join(',', assessment.Flags.Select(f => f.Kind).Distinct()), 200),
            CoachingTip = assessment is { Suggestions: [var first, ..] } ? Clip(first.Text, 500) : null,
        };
        rows.Messages.Add(message);
        return new Staged(message, conversation, status, created, Duplicate: false);
    }

    // An agent reply in a stored conversation answers the latest stored customer message (read again: reading is fast).
    private static async Task<CoachingContext> CoachingContextAsync(AttuneDb db, ConversationState conversation, CancellationToken ct)
    {
        if (conversation.IsNew)
        {
            return new CoachingContext([], [], conversation.Region);
        }
        var found = await db.Conversations.AsNoTracking().Where(c => c.Id == conversation.Entity.Id)
            .Select(c => new
            {
                c.Customer!.Region,
                Text = c.Messages.Where(m => m.Author == Author.Customer).OrderByDescending(m => m.SentAt).ThenByDescending(m => m.Id)
                    .Select(m => m.Text).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(ct);
        conversation.Region ??= found?.Region;
        return found?.Text is { } text
            ? new CoachingContext([text], [Listener.Default.Read(text)], conversation.Region)
            : new CoachingContext([], [], conversation.Region);
    }

    private static string Clip(string s, int max) => s.Length <= max ? s : string.Concat(s.AsSpan(0, max - 1), "…");

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

    private sealed record DeskCache(DateTimeOffset Until, Dictionary<string, long> ByName);

    private sealed record Staged(Message Message, ConversationState Conversation, ConversationStatus Status, bool Created, bool Duplicate);
}
