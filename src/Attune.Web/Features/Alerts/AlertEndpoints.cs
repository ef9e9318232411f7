using Attune.App.Features.Alerts;
using Attune.Web.Features.Security;

namespace Attune.Web.Features.Alerts;

internal static class AlertEndpoints
{
    public static void MapAlerts(this RouteGroupBuilder api)
    {
        api.MapGet("/alerts", async (LeadAlerts alerts, CancellationToken ct, int take = 100) => TypedResults.Ok(await alerts.RecentAsync(take, ct)))
            .RequireAuthorization(Policies.Lead).WithTags("Alerts")
            .WithSummary("Recent lead alerts, newest first: escalated conversations and agents whose emotional load stayed high; leads and admins only.");
    }
}
