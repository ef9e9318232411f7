using Attune.App.Common;
using Attune.App.Data;
using Attune.App.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Attune.App.Features.Webhooks;

public sealed record NewWebhook(string? Url, IReadOnlyList<string>? Events, string? Secret = null);

/// <summary>The secret is shown once, at creation, for the receiver to verify signatures.</summary>
public sealed record WebhookView(long Id, string Url, IReadOnlyList<string> Events, bool Active, string? Secret);

public sealed record DeliveryView(long Id, long WebhookId, string Event, int Attempts, DateTimeOffset CreatedAt, DateTimeOffset? DeliveredAt, bool Failed, int? LastStatus, string? LastError);

public sealed class Webhooks(AttuneDb db, WebhookOutbox outbox, TimeProvider clock)
{
    public async Task<Result<WebhookView>> CreateAsync(NewWebhook request, CancellationToken ct)
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
        return new WebhookView(hook.Id, hook.Url, events, hook.Active, hook.Secret);
    }

    public async Task<IReadOnlyList<WebhookView>> ListAsync(CancellationToken ct) =>
        [.. (await db.Webhooks.AsNoTracking().OrderBy(w => w.Id).ToListAsync(ct)).Select(w => new WebhookView(w.Id, w.Url, w.Events.Split(','), w.Active, null))];

    public async Task<IReadOnlyList<DeliveryView>> DeliveriesAsync(long webhookId, int take, CancellationToken ct) =>
        await db.WebhookDeliveries.AsNoTracking().Where(d => d.WebhookId == webhookId).OrderByDescending(d => d.Id).Take(Math.Clamp(take, 1, 500))
            .Select(d => new DeliveryView(d.Id, d.WebhookId, d.Event, d.Attempts, d.CreatedAt, d.DeliveredAt, d.Failed, d.LastStatus, d.LastError))
            .ToListAsync(ct);
}
