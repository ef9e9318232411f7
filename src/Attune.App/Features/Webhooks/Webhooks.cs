using System.Linq.Expressions;
using Attune.App.Common;
using Attune.App.Data;
using Attune.App.Data.Entities;
using Attune.App.Features.Security;
using Microsoft.EntityFrameworkCore;

namespace Attune.App.Features.Webhooks;

public sealed record NewWebhook(string? Url, IReadOnlyList<string>? Events, string? Secret = null);

/// <summary>
/// A subscription with how its deliveries stand: delivered, waiting to be (re)tried, failed for good, and the last
/// attempt. The secret is shown once, at creation, for the receiver to verify signatures.
/// </summary>
public sealed record WebhookView(long Id, string Url, IReadOnlyList<string> Events, bool Active, string? Secret,
    int Delivered = 0, int Pending = 0, int Failed = 0, DeliveryView? Last = null);

public sealed record DeliveryView(long Id, long WebhookId, string Event, int Attempts, DateTimeOffset CreatedAt, DateTimeOffset? DeliveredAt, bool Failed, int? LastStatus, string? LastError);

/// <summary>Outgoing webhooks: subscribe, pause and resume, send a test, and send a failed delivery again (all audited).</summary>
public sealed class Webhooks(AttuneDb db, WebhookOutbox outbox, Audit audit, TimeProvider clock)
{
    /// <summary>The event of a test delivery, sent only to the webhook it tests.</summary>
    public const string Ping = "webhook.ping";

    public async Task<Result<WebhookView>> CreateAsync(NewWebhook request, string actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!Uri.TryCreate(request.Url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return Failure.Invalid("url", "url must be an absolute http(s) URL.");
        }
        var events = request.Events is null || request.Events.Count == 0 ? ["*"] : request.Events;
        foreach (var e in events)
        {
            if (e != "*" && !WebhookEvents.All.Contains(e))
            {
                return Failure.Invalid("events", $"event '{e}' is not one of: *, {string.Join(", ", WebhookEvents.All)}.");
            }
        }
        if (request.Secret is { Length: < 16 })
        {
            return Failure.Invalid("secret", "secret must have at least 16 characters (or leave it out to get a generated one).");
        }
        var hook = new Webhook { Url = uri.ToString(), Secret = request.Secret ?? Secrets.Token(32), Events = string.Join(',', events), CreatedAt = clock.GetUtcNow() };
        db.Webhooks.Add(hook);
        await db.SaveChangesAsync(ct);
        outbox.Invalidate();
        await audit.RecordAsync(actor, "webhook.created", $"webhook:{hook.Id}", $"{hook.Url} events={hook.Events}", ct);
        return new WebhookView(hook.Id, hook.Url, events, hook.Active, hook.Secret);
    }

    public async Task<IReadOnlyList<WebhookView>> ListAsync(CancellationToken ct)
    {
        var hooks = await db.Webhooks.AsNoTracking().OrderBy(w => w.Id).ToListAsync(ct);
        var counts = await db.WebhookDeliveries.AsNoTracking().GroupBy(d => d.WebhookId)
            .Select(g => new
            {
                Id = g.Key,
                Delivered = g.Count(d => d.DeliveredAt != null),
                Failed = g.Count(d => d.DeliveredAt == null && d.Failed),
                Pending = g.Count(d => d.DeliveredAt == null && !d.Failed),
                Last = g.Where(d => d.Attempts > 0).Max(d => (long?)d.Id),
            })
            .ToDictionaryAsync(c => c.Id, ct);
        var lastIds = counts.Values.Where(c => c.Last is not null).Select(c => c.Last!.Value).ToList();
        var last = await Deliveries(db.WebhookDeliveries.Where(d => lastIds.Contains(d.Id))).ToDictionaryAsync(d => d.WebhookId, ct);
        return [.. hooks.Select(w =>
        {
            var c = counts.GetValueOrDefault(w.Id);
            return new WebhookView(w.Id, w.Url, w.Events.Split(','), w.Active, null, c?.Delivered ?? 0, c?.Pending ?? 0, c?.Failed ?? 0, last.GetValueOrDefault(w.Id));
        })];
    }

    public async Task<IReadOnlyList<DeliveryView>> DeliveriesAsync(long webhookId, int take, CancellationToken ct) =>
        await Deliveries(db.WebhookDeliveries.Where(d => d.WebhookId == webhookId).OrderByDescending(d => d.Id).Take(Math.Clamp(take, 1, 500)))
            .ToListAsync(ct);

    /// <summary>Pauses or resumes a webhook. A paused one gets no new deliveries; those already waiting fail as "disabled".</summary>
    public async Task<Result<WebhookView>> SetActiveAsync(long id, bool active, string actor, CancellationToken ct)
    {
        var hook = await db.Webhooks.FirstOrDefaultAsync(w => w.Id == id, ct);
        if (hook is null)
        {
            return Failure.NotFound($"Webhook {id}");
        }
        if (hook.Active != active)
        {
            hook.Active = active;
            await db.SaveChangesAsync(ct);
            outbox.Invalidate();
            await audit.RecordAsync(actor, active ? "webhook.enabled" : "webhook.disabled", $"webhook:{id}", hook.Url, ct);
        }
        return new WebhookView(hook.Id, hook.Url, hook.Events.Split(','), hook.Active, null);
    }

    /// <summary>Queues a signed <see cref="Ping"/> to this webhook alone, so a receiver can check its set-up.</summary>
    public async Task<Result<DeliveryView>> PingAsync(long id, string actor, CancellationToken ct)
    {
        var hook = await db.Webhooks.AsNoTracking().FirstOrDefaultAsync(w => w.Id == id, ct);
        if (hook is null)
        {
            return Failure.NotFound($"Webhook {id}");
        }
        if (!hook.Active)
        {
            return Failure.Conflict("This webhook is disabled; enable it to send a test.");
        }
        var now = clock.GetUtcNow();
        var payload = WebhookOutbox.Payload(Ping, now, new { webhookId = id, by = actor });
        var delivery = new WebhookDelivery { WebhookId = id, Event = Ping, Payload = payload, CreatedAt = now, NextAttemptAt = now };
        db.WebhookDeliveries.Add(delivery);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(actor, "webhook.pinged", $"webhook:{id}", null, ct);
        return View(delivery);
    }

    /// <summary>Sends a delivery that failed for good once more, with a fresh round of retries.</summary>
    public async Task<Result<DeliveryView>> RedeliverAsync(long deliveryId, string actor, CancellationToken ct)
    {
        var delivery = await db.WebhookDeliveries.FirstOrDefaultAsync(d => d.Id == deliveryId, ct);
        if (delivery is null)
        {
            return Failure.NotFound($"Delivery {deliveryId}");
        }
        if (!delivery.Failed)
        {
            return Failure.Conflict(delivery.DeliveredAt is null
                ? "This delivery has not failed: it is still being tried."
                : "This delivery was delivered; there is nothing to send again.");
        }
        if (!await db.Webhooks.AnyAsync(w => w.Id == delivery.WebhookId && w.Active, ct))
        {
            return Failure.Conflict("Its webhook is disabled; enable it first.");
        }
        (delivery.Failed, delivery.Attempts, delivery.NextAttemptAt, delivery.LastError) = (false, 0, clock.GetUtcNow(), null);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(actor, "webhook.redelivered", $"webhook:{delivery.WebhookId}", $"delivery {deliveryId} ({delivery.Event})", ct);
        return View(delivery);
    }

    // One mapping of a delivery: translated to SQL for the lists, compiled for a row in hand.
    private static readonly Expression<Func<WebhookDelivery, DeliveryView>> AsView =
        d => new DeliveryView(d.Id, d.WebhookId, d.Event, d.Attempts, d.CreatedAt, d.DeliveredAt, d.Failed, d.LastStatus, d.LastError);

    private static readonly Func<WebhookDelivery, DeliveryView> View = AsView.Compile();

    private static IQueryable<DeliveryView> Deliveries(IQueryable<WebhookDelivery> q) => q.AsNoTracking().Select(AsView);
}
