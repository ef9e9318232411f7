using System.Text.Json;
using Attune.App.Common;
using Attune.App.Data;
using Attune.App.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Attune.App.Features.Webhooks;

/// <summary>
/// Queues webhook deliveries in the same transaction as the change they announce (an outbox), so none is lost or
/// sent for a change that rolled back. Subscriptions are cached briefly: ingest must not query them per message.
/// </summary>
public sealed class WebhookOutbox(TimeProvider clock)
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(5);
    private readonly Lock _gate = new();
    private (DateTimeOffset Until, IReadOnlyList<(long Id, string Events)> Hooks) _cache = (DateTimeOffset.MinValue, []);

    public void Invalidate()
    {
        lock (_gate)
        {
            _cache = (DateTimeOffset.MinValue, []);
        }
    }

    public async Task EnqueueAsync(AttuneDb db, string eventName, object data, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (await StageAsync(db, eventName, data, now, ct))
        {
            await db.SaveChangesAsync(ct);
        }
    }

    /// <summary>Adds the deliveries to the context without saving (the caller saves with its change); true if any.</summary>
    public async Task<bool> StageAsync(AttuneDb db, string eventName, object data, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var deliveries = new List<WebhookDelivery>();
        await DeliveriesAsync(db, eventName, data, now, deliveries, ct);
        db.WebhookDeliveries.AddRange(deliveries);
        return deliveries.Count > 0;
    }

    /// <summary>Appends one delivery per subscribed webhook to <paramref name="into"/>, for a caller that writes them itself.</summary>
    public async Task DeliveriesAsync(AttuneDb db, string eventName, object data, DateTimeOffset now, List<WebhookDelivery> into, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(into);
        var hooks = await SubscriptionsAsync(db, ct);
        string? payload = null;
        foreach (var (id, events) in hooks)
        {
            if (events != "*" && !events.Split(',').Contains(eventName))
            {
                continue;
            }
            payload ??= Payload(eventName, now, data);
            into.Add(new WebhookDelivery { WebhookId = id, Event = eventName, Payload = payload, CreatedAt = now, NextAttemptAt = now });
        }
    }

    /// <summary>The body every delivery carries: <c>{"event", "at", "data"}</c>.</summary>
    internal static string Payload(string eventName, DateTimeOffset at, object data) =>
        JsonSerializer.Serialize(new { @event = eventName, at, data }, Json.Options);

    private async Task<IReadOnlyList<(long Id, string Events)>> SubscriptionsAsync(AttuneDb db, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        lock (_gate)
        {
            if (_cache.Until > now)
            {
                return _cache.Hooks;
            }
        }
        var rows = await db.Webhooks.AsNoTracking().Where(w => w.Active).Select(w => new { w.Id, w.Events }).ToListAsync(ct);
        IReadOnlyList<(long, string)> hooks = [.. rows.Select(r => (r.Id, r.Events))];
        lock (_gate)
        {
            _cache = (now + CacheFor, hooks);
        }
        return hooks;
    }
}
