using System.Collections.Immutable;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace Attune.App.Features.Conversations;

/// <summary>What changed in a conversation.</summary>
public enum ConversationChange
{
    /// <summary>A message (customer, agent, bot, system or note) was committed.</summary>
    Message,

    /// <summary>The routing job decided desk, priority, SLA or assignee.</summary>
    Routed,

    /// <summary>An agent or lead changed the assignee, desk or status.</summary>
    Updated,
}

/// <summary>One committed change; <paramref name="Author"/> is the message's author (lower case) for <see cref="ConversationChange.Message"/>.</summary>
public sealed record ConversationEvent(long ConversationId, ConversationChange Change, long? MessageId = null, string? Author = null);

/// <summary>
/// The in-process live-update hub: writers publish after commit, pages subscribe. Publishing only queues the event;
/// a background pump delivers it, so a slow subscriber never holds up the ingest writer. Other nodes' changes are not
/// seen here (each node publishes its own writes).
/// </summary>
public sealed class ConversationEvents : IAsyncDisposable
{
    private readonly Channel<ConversationEvent> _queue = Channel.CreateUnbounded<ConversationEvent>(new() { SingleReader = true });
    private readonly ILogger _log;
    private readonly Task _pump;
    private ImmutableArray<Action<ConversationEvent>> _handlers = [];

    public ConversationEvents(ILogger<ConversationEvents> log)
    {
        _log = log;
        _pump = Task.Run(PumpAsync);
    }

    /// <summary>Queues an event for the subscribers; never blocks.</summary>
    public void Publish(ConversationEvent e)
    {
        if (!_handlers.IsEmpty)
        {
            _queue.Writer.TryWrite(e);
        }
    }

    /// <summary>Calls <paramref name="handler"/> for every event until the returned subscription is disposed.</summary>
    public IDisposable Subscribe(Action<ConversationEvent> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        ImmutableInterlocked.Update(ref _handlers, static (h, add) => h.Add(add), handler);
        return new Subscription(this, handler);
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _pump;
    }

    private async Task PumpAsync()
    {
        await foreach (var e in _queue.Reader.ReadAllAsync())
        {
            foreach (var handler in _handlers)
            {
                try
                {
                    handler(e);
                }
#pragma warning disable CA1031 // One failing subscriber (a closed page) must not stop the others.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    _log.LogWarning(ex, "A conversation event subscriber failed on conversation {ConversationId}", e.ConversationId);
                }
            }
        }
    }

    private sealed class Subscription(ConversationEvents hub, Action<ConversationEvent> handler) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                ImmutableInterlocked.Update(ref hub._handlers, static (h, remove) => h.Remove(remove), handler);
            }
        }
    }
}
