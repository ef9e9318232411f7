using System.Text;
using Attune.App.Data;
using Attune.App.Features.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Attune.App.Jobs;

/// <summary>Sends due webhook deliveries, signed; failures retry with exponential back-off up to <see cref="MaxAttempts"/>.</summary>
public sealed class WebhookDispatcher(AttuneDb db, HttpClient http, TimeProvider clock, ILogger<WebhookDispatcher> log)
{
    public const int MaxAttempts = 8;
    private const int BatchSize = 50;

    /// <summary>Sends what is due now; returns how many deliveries were attempted.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var due = await db.WebhookDeliveries
            .Where(d => d.DeliveredAt == null && !d.Failed && d.NextAttemptAt <= now)
            .OrderBy(d => d.Id)
            .Take(BatchSize)
            .ToListAsync(ct);
        if (due.Count == 0)
        {
            return 0;
        }
        var hookIds = due.Select(d => d.WebhookId).Distinct().ToList();
        var hooks = await db.Webhooks.AsNoTracking().Where(w => hookIds.Contains(w.Id)).ToDictionaryAsync(w => w.Id, ct);
        foreach (var delivery in due)
        {
            delivery.Attempts++;
            if (!hooks.TryGetValue(delivery.WebhookId, out var hook) || !hook.Active)
            {
                delivery.Failed = true;
                delivery.LastError = "webhook removed or disabled";
                continue;
            }
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, hook.Url)
                {
                    Content = new StringContent(delivery.Payload, Encoding.UTF8, "application/json"),
                };
                request.Headers.Add(WebhookSignature.Header, WebhookSignature.Sign(hook.Secret, now.ToUnixTimeSeconds(), delivery.Payload));
                request.Headers.Add("X-Attune-Event", delivery.Event);
                request.Headers.Add("X-Attune-Delivery", delivery.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
                using var response = await http.SendAsync(request, ct);
                delivery.LastStatus = (int)response.StatusCode;
                if (response.IsSuccessStatusCode)
                {
                    delivery.DeliveredAt = now;
                    delivery.LastError = null;
                    continue;
                }
                delivery.LastError = $"HTTP {(int)response.StatusCode}";
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
            {
                delivery.LastError = ex.Message;
            }
            Retry(delivery, now);
        }
        await db.SaveChangesAsync(ct);
        return due.Count;
    }

    private void Retry(Data.Entities.WebhookDelivery delivery, DateTimeOffset now)
    {
        if (delivery.Attempts >= MaxAttempts)
        {
            delivery.Failed = true;
            log.LogWarning("Webhook delivery {DeliveryId} to hook {WebhookId} failed for good after {Attempts} attempts: {Error}",
                delivery.Id, delivery.WebhookId, delivery.Attempts, delivery.LastError);
            return;
        }
        delivery.NextAttemptAt = now + TimeSpan.FromSeconds(Math.Pow(2, delivery.Attempts) * 5);
    }
}
