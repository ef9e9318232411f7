using Attune.App.Data;

namespace Attune.Web.Features.Health;

internal static class HealthEndpoints
{
    public static void MapHealth(this WebApplication app)
    {
        var group = app.MapGroup("/health").AllowAnonymous().WithTags("Health");
        group.MapGet("/live", () => TypedResults.Ok(new { status = "live" }));
        group.MapGet("/ready", async Task<IResult> (AttuneDb db, CancellationToken ct) =>
            await db.Database.CanConnectAsync(ct)
                ? TypedResults.Ok(new { status = "ready" })
                : TypedResults.Problem("The database is not reachable.", statusCode: 503, title: "Not ready"));
    }
}
