using Attune.App.Common;
using Attune.App.Data;
using Attune.App.Data.Entities;
using Attune.Core.Coaching;
using Attune.Core.Listening;
using Microsoft.EntityFrameworkCore;

namespace Attune.App.Features.Ingestion;

/// <summary>What one write batch already knows: stored messages, customers, conversations and desks, each loaded with one query.</summary>
internal sealed class BatchContext
{
    private readonly Dictionary<string, long> _desks;
    private readonly Dictionary<string, long?> _agents = new(StringComparer.Ordinal);
    private readonly Dictionary<long, ConversationState> _byId = [];
    private readonly Dictionary<(string Source, string Customer, Channel Channel), ConversationState> _latest = [];

    private BatchContext(Dictionary<string, long> desks) => _desks = desks;

    public Dictionary<(string Source, string ExternalId), IngestedMessage> Existing { get; } = [];

    public Dictionary<(string Source, string ExternalId), object> Customers { get; } = [];

    public Dictionary<(string Source, string ExternalId), ConversationState> Conversations { get; } = [];

    public IEnumerable<ConversationState> Touched => _byId.Values;

    public static async Task<BatchContext> LoadAsync(AttuneDb db, Dictionary<string, long> desks, IReadOnlyList<PendingIngest> items, CancellationToken ct)
    {
        var context = new BatchContext(desks);
        var keys = items.Select(i => i.ConversationKey).OfType<long>().Distinct().ToList();
        if (keys.Count > 0)
        {
            foreach (var c in await db.Conversations.AsNoTracking().Where(c => keys.Contains(c.Id)).ToListAsync(ct))
            {
                context.Track(c);
            }
        }
        foreach (var group in items.GroupBy(i => i.Request.Source!, StringComparer.Ordinal))
        {
            var source = group.Key;
            var ids = group.Select(i => i.Request.ExternalId!).Distinct().ToArray();
            var threads = group.Select(i => i.Request.ConversationId).OfType<string>().Distinct().ToArray();
            if (!db.IsSqlite)
            {
                // One round trip; it may load a customer whose thread turns out to exist, which is harmless.
                var customers = group.Select(i => i.Request.Customer?.ExternalId).OfType<string>().Distinct().ToArray();
                await PostgresIngest.LoadAsync(db, context, source, ids, threads, customers, ct);
                continue;
            }
            var stored = await db.Messages.AsNoTracking()
                .Where(m => m.Source == source && ids.Contains(m.ExternalId))
                .Select(m => new { m.ExternalId, m.Id, m.ConversationId, m.Conversation!.CustomerId, m.Conversation.Status, m.ReadingJson })
                .ToListAsync(ct);
            foreach (var m in stored)
            {
                context.AddStored(source, m.ExternalId, new IngestedMessage(
                    m.Id, m.ConversationId, m.CustomerId, false, IngestMessage.Name(m.Status), RawJson.From(m.ReadingJson)));
            }

            if (threads.Length > 0)
            {
                var found = await db.Conversations.AsNoTracking()
                    .Where(c => c.Source == source && c.ExternalId != null && threads.Contains(c.ExternalId))
                    .ToListAsync(ct);
                foreach (var c in found)
                {
                    context.AddConversation(c);
                }
            }

            var unknown = group
                .Where(i => i.Request.ConversationId is not { } t || !context.Conversations.ContainsKey((source, t)))
                .Select(i => i.Request.Customer?.ExternalId).OfType<string>().Distinct().ToList();
            if (unknown.Count > 0)
            {
                var found = await db.Customers.AsNoTracking()
                    .Where(c => c.Source == source && unknown.Contains(c.ExternalId))
                    .Select(c => new { c.Id, c.ExternalId })
                    .ToListAsync(ct);
                foreach (var c in found)
                {
                    context.AddCustomer(source, c.ExternalId, c.Id);
                }
            }
        }
        return context;
    }

    public void AddStored(string source, string externalId, IngestedMessage stored) => Existing[(source, externalId)] = stored;

    public void AddConversation(Conversation stored) => Conversations[(stored.Source, stored.ExternalId!)] = Track(stored);

    public void AddCustomer(string source, string externalId, long id) => Customers[(source, externalId)] = id;

    /// <summary>A conversation loaded by id for this batch, or null when there is no such conversation.</summary>
    public ConversationState? ById(long id) => _byId.GetValueOrDefault(id);

    /// <summary>The customer's latest unclosed conversation on a channel, counting those started in this batch.</summary>
    public async Task<ConversationState?> LatestUnclosedAsync(AttuneDb db, string source, string customerId, object customer, Channel channel, CancellationToken ct)
    {
        if (_latest.TryGetValue((source, customerId, channel), out var known))
        {
            return known;
        }
        if (customer is not long key)
        {
            return null;
        }
        var found = await db.Conversations.AsNoTracking()
            .Where(c => c.CustomerId == key && c.Channel == channel && c.Status != ConversationStatus.Closed)
            .OrderByDescending(c => c.LastMessageAt)
            .FirstOrDefaultAsync(ct);
        if (found is null)
        {
            return null;
        }
        var state = _byId.TryGetValue(found.Id, out var loaded) ? loaded : Track(found);
        _latest[(source, customerId, channel)] = state;
        return state;
    }

    /// <summary>Files a conversation started in this batch so later items in the batch continue it.</summary>
    public void Remember(ConversationState conversation, string? customerId, Channel channel)
    {
        var source = conversation.Entity.Source;
        if (conversation.Entity.ExternalId is { } thread)
        {
            Conversations[(source, thread)] = conversation;
        }
        if (customerId is not null)
        {
            _latest[(source, customerId, channel)] = conversation;
        }
    }

    public async Task<long?> AgentAsync(AttuneDb db, string? email, CancellationToken ct)
    {
        if (email is not { Length: > 0 })
        {
            return null;
        }
        if (!_agents.TryGetValue(email, out var id))
        {
            id = await db.Agents.AsNoTracking().Where(a => a.Email == email).Select(a => (long?)a.Id).FirstOrDefaultAsync(ct);
            _agents[email] = id;
        }
        return id;
    }

    public long? Desk(string? requested, Reading? reading)
    {
        var name = requested ?? (reading switch
        {
            null => "General",
            { IsVulnerable: true } => "Care",
            { Churn.IsAtRisk: true } or { Topic.Primary: Topic.Cancellation } => "Retention",
            { Topic.Primary: Topic.Technical or Topic.AccountAccess } => "Technical",
            _ => "General",
        });
        return _desks.TryGetValue(name, out var id) ? id : null;
    }

    private ConversationState Track(Conversation stored)
    {
        if (_byId.TryGetValue(stored.Id, out var known))
        {
            return known;
        }
        var state = new ConversationState(stored, isNew: false);
        _byId[stored.Id] = state;
        return state;
    }
}

/// <summary>
/// One conversation's changes within a batch. A conversation started in the batch is simply inserted with its final
/// values; a stored one gets a single atomic UPDATE at the end, so concurrent writers never lose a count or a flag.
/// </summary>
internal sealed class ConversationState(Conversation entity, bool isNew)
{
    private int _count;
    private DateTimeOffset _lastSent = DateTimeOffset.MinValue;
    private bool _customerWrote;
    private bool _agentWrote;
    private bool _statusGiven;
    private bool _vulnerable;
    private int _urgency;
    private int _customerCount;
    private double? _firstCompound;
    private DateTimeOffset? _firstReply;

    public Conversation Entity { get; } = entity;

    public bool IsNew { get; } = isNew;

    /// <summary>What agent replies answer: the latest customer message and its reading; null until known.</summary>
    public CoachingContext? Coaching { get; set; }

    public string? Region { get; set; }

    /// <summary>Applies one more message and returns the conversation's status after it (<paramref name="given"/> when the source says).</summary>
    public ConversationStatus Add(Author author, DateTimeOffset sentAt, Reading? reading, int urgency, ConversationStatus? given, string text, string? region)
    {
        Region ??= region;
        var status = given ?? author switch
        {
            Author.Customer => ConversationStatus.Open,
            Author.Agent when Entity.Status == ConversationStatus.Open => ConversationStatus.Pending,
            _ => Entity.Status,
        };
        _statusGiven |= given is not null;
        Entity.Status = status;
        Entity.MessageCount++;
        Entity.LastMessageAt = Entity.LastMessageAt > sentAt ? Entity.LastMessageAt : sentAt;
        _count++;
        _lastSent = _lastSent > sentAt ? _lastSent : sentAt;
        if (author == Author.Agent)
        {
            _agentWrote = true;
            if (Entity.CustomerMessages > 0 && sentAt >= Entity.CreatedAt && (Entity.FirstReplyAt is null || sentAt < Entity.FirstReplyAt))
            {
                Entity.FirstReplyAt = sentAt;
                _firstReply = sentAt;
            }
        }
        if (reading is not null)
        {
            _customerWrote = true;
            _customerCount++;
            Entity.CustomerMessages++;
            if (Entity.FirstCompound is null)
            {
                Entity.FirstCompound = reading.Sentiment.Compound;
                _firstCompound = reading.Sentiment.Compound;
            }
            Entity.LastEmotion = reading.Dominant.ToString();
            Entity.LastCompound = reading.Sentiment.Compound;
            Entity.Vulnerable |= reading.IsVulnerable;
            _vulnerable |= reading.IsVulnerable;
            Entity.MaxUrgency = Math.Max(Entity.MaxUrgency, urgency);
            _urgency = Math.Max(_urgency, urgency);
            Coaching = new CoachingContext([text], [reading], Region);
        }
        Entity.ResolvedAt = Resolved(status) ? Entity.ResolvedAt ?? sentAt : null;
        return status;
    }

    public static bool Resolved(ConversationStatus status) => status is ConversationStatus.Resolved or ConversationStatus.Closed;

    /// <summary>What the batch adds to this stored conversation; null when it is new (inserted whole) or untouched.</summary>
    public ConversationDelta? Delta
    {
        get
        {
            if (IsNew || _count == 0)
            {
                return null;
            }
            var exact = _customerWrote || _statusGiven;
            return new ConversationDelta(Entity.Id, _count, _lastSent, exact, _customerWrote, !exact && _agentWrote,
                Entity.Status, Entity.ResolvedAt, Entity.LastEmotion, Entity.LastCompound, _vulnerable, _urgency,
                _customerCount, _firstCompound, _firstReply);
        }
    }

    public async Task SaveAsync(AttuneDb db, CancellationToken ct)
    {
        if (Delta is not { } d)
        {
            return;
        }
        await db.Conversations.Where(c => c.Id == d.Id).ExecuteUpdateAsync(s =>
        {
            s.SetProperty(c => c.MessageCount, c => c.MessageCount + d.Count);
            s.SetProperty(c => c.LastMessageAt, c => c.LastMessageAt > d.LastSent ? c.LastMessageAt : d.LastSent);
            if (d.Exact)
            {
                s.SetProperty(c => c.Status, d.Status);
                if (d.ResolvedAt is { } at)
                {
                    s.SetProperty(c => c.ResolvedAt, c => c.ResolvedAt == null ? at : c.ResolvedAt);
                }
                else
                {
                    s.SetProperty(c => c.ResolvedAt, (DateTimeOffset?)null);
                }
            }
            else if (d.AgentOnly)
            {
                s.SetProperty(c => c.Status, c => c.Status == ConversationStatus.Open ? ConversationStatus.Pending : c.Status);
            }
            if (d.CustomerWrote)
            {
                s.SetProperty(c => c.LastEmotion, d.Emotion);
                s.SetProperty(c => c.LastCompound, d.Compound);
                s.SetProperty(c => c.Vulnerable, c => c.Vulnerable || d.Vulnerable);
                s.SetProperty(c => c.MaxUrgency, c => c.MaxUrgency > d.Urgency ? c.MaxUrgency : d.Urgency);
                s.SetProperty(c => c.CustomerMessages, c => c.CustomerMessages + d.CustomerMessages);
                if (d.FirstCompound is { } first)
                {
                    s.SetProperty(c => c.FirstCompound, c => c.FirstCompound == null ? first : c.FirstCompound);
                }
            }
            if (d.FirstReply is { } reply)
            {
                s.SetProperty(c => c.FirstReplyAt, c => c.FirstReplyAt == null || c.FirstReplyAt > reply ? reply : c.FirstReplyAt);
            }
        }, ct);
    }
}

/// <summary>
/// One batch's change to a stored conversation: <see cref="Count"/> more messages and the latest sent time; the exact
/// status and resolution time when a customer wrote or the source gave a status (<see cref="Exact"/>), else agent
/// replies alone (<see cref="AgentOnly"/>) only move an open conversation to pending; when a customer wrote, the last
/// emotion and compound, flags that only rise, and the first compound if none was kept; the earliest first reply.
/// </summary>
internal sealed record ConversationDelta(
    long Id, int Count, DateTimeOffset LastSent, bool Exact, bool CustomerWrote, bool AgentOnly, ConversationStatus Status,
    DateTimeOffset? ResolvedAt, string? Emotion, double? Compound, bool Vulnerable, int Urgency, int CustomerMessages,
    double? FirstCompound, DateTimeOffset? FirstReply);

/// <summary>The rows a batch creates, in insertion order (customers before their conversations before their messages).</summary>
internal sealed class NewRows
{
    public List<Customer> Customers { get; } = [];

    public List<Conversation> Conversations { get; } = [];

    public List<Message> Messages { get; } = [];
}
