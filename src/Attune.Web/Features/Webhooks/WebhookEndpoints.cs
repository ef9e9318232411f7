using Attune.App.Features.Webhooks;
using Attune.Web.Features.Security;
using Attune.Web.Hosting;

namespace Attune.Web.Features.Webhooks;

internal static class WebhookEndpoints
{
    public static void MapWebhooks(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/webhooks").RequireAuthorization(Policies.Admin).WithTags("Webhooks");
        group.MapPost("", async (NewWebhook request, App.Features.Webhooks.Webhooks hooks, CancellationToken ct) =>
            (await hooks.CreateAsync(request, ct)).Created(w => $"/api/v1/webhooks/{w.Id}"))
            .WithSummary("Subscribes a URL; deliveries carry X-Attune-Signature: t=<unix>,v1=<hex HMAC-SHA256(secret, \"t.body\")>.");
        group.MapGet("", async (App.Features.Webhooks.Webhooks hooks, CancellationToken ct) => TypedResults.Ok(await hooks.ListAsync(ct)));
        group.MapGet("/{id:long}/deliveries", async (long id, App.Features.Webhooks.Webhooks hooks, CancellationToken ct, int take = 50) =>
            TypedResults.Ok(await hooks.DeliveriesAsync(id, take, ct)));
    }
}
