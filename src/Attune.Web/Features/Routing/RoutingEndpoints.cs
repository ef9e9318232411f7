using System.Security.Claims;
using Attune.App.Features.Routing;
using Attune.Web.Features.Security;
using Attune.Web.Hosting;

namespace Attune.Web.Features.Routing;

internal static class RoutingEndpoints
{
    public sealed record PolicyText(string Yaml);

    public static void MapRouting(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/routing").RequireAuthorization(Policies.Lead).WithTags("Routing");
        group.MapGet("/policy", async (RoutingPolicies policies, CancellationToken ct) => TypedResults.Ok(await policies.ActiveAsync(ct)))
            .WithSummary("The active routing policy (the built-in default until one is activated); leads and admins only.");
        group.MapPost("/policy/activate", async (PolicyText body, RoutingPolicies policies, ClaimsPrincipal user, CancellationToken ct) =>
            (await policies.ActivateAsync(body.Yaml, user.Actor(), ct)).Ok())
            .WithSummary("Activates a routing policy after validating it (never when invalid; a version is activated once); leads and admins only, audited.");
        group.MapPost("/policy/validate", (PolicyText body) => TypedResults.Ok(PolicyPreview.Validate(body.Yaml)))
            .WithSummary("Validates a routing policy: every problem with its line, field and what is allowed; leads and admins only.");
        group.MapPost("/policy/simulate", IResult (SimulationRequest body) =>
        {
            var (summary, problems) = PolicyPreview.Simulate(body);
            return summary is not null
                ? TypedResults.Ok(summary)
                : TypedResults.UnprocessableEntity(new { title = "The policy or the agents are not valid; nothing was simulated.", problems });
        }).WithSummary("Replays generated traffic under a policy (default if none) with the given agents; leads and admins only.");
    }
}
