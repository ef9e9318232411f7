using System.Security.Claims;
using Attune.App.Features.Webhooks;
using Attune.Web.Features.Security;
using Attune.Web.Hosting;

namespace Attune.Web.Features.Webhooks;

internal sealed record ActiveRequest(bool? Active);

internal static class WebhookEndpoints
{
    public static void MapWebhooks(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/webhooks").RequireAuthorization(Policies.Admin).WithTags("Webhooks");
        group.MapPost("", async (NewWebhook request, App.Features.Webhooks.Webhooks hooks, ClaimsPrincipal me, CancellationToken ct) =>
            (await hooks.CreateAsync(request, me.Actor(), ct)).Created(w => $"/api/v1/webhooks/{w.Id}"))
            .WithSummary("Subscribes a URL; deliveries carry X-Attune-Signature: t=<unix>,v1=<hex HMAC-SHA256(secret, \"t.body\")>.");
        group.MapGet("", async (App.Features.Webhooks.Webhooks hooks, CancellationToken ct) => TypedResults.Ok(await hooks.ListAsync(ct)))
            .WithSummary("Every webhook with its deliveries so far: delivered, pending (being tried), failed, and the last attempt.");
        group.MapGet("/{id:long}/deliveries", async (long id, App.Features.Webhooks.Webhooks hooks, CancellationToken ct, int take = 50) =>
            TypedResults.Ok(await hooks.DeliveriesAsync(id, take, ct)));
        group.MapPut("/{id:long}/active", async Task<IResult> (long id, ActiveRequest request, App.Features.Webhooks.Webhooks hooks, ClaimsPrincipal me, CancellationToken ct) =>
            request.Active is { } active
                ? (await hooks.SetActiveAsync(id, active, me.Actor(), ct)).Ok()
                : Problems.Invalid("active", "active is required: true to resume the webhook, false to pause it."))
            .WithSummary("{\"active\":false} pauses a webhook (no new deliveries); true resumes it.");
        group.MapPost("/{id:long}/ping", async (long id, App.Features.Webhooks.Webhooks hooks, ClaimsPrincipal me, CancellationToken ct) =>
            (await hooks.PingAsync(id, me.Actor(), ct)).Ok())
            .WithSummary("Queues a signed webhook.ping to this webhook alone, to check the receiver.");
        group.MapPost("/deliveries/{id:long}/redeliver", async (long id, App.Features.Webhooks.Webhooks hooks, ClaimsPrincipal me, CancellationToken ct) =>
            (await hooks.RedeliverAsync(id, me.Actor(), ct)).Ok())
            .WithSummary("Sends a delivery that failed for good once more, with a fresh round of retries.");
    }
}
