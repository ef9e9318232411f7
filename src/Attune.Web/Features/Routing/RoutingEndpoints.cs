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
        }).Produces<SimulationSummary>().Produces(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Replays generated traffic under a policy (default if none) with the given agents; leads and admins only.");
        group.MapPost("/policy/compare-recent", async Task<IResult> (RecentComparisonRequest body, PolicyComparisons comparisons, CancellationToken ct) =>
        {
            var (comparison, problems) = await comparisons.CompareRecentAsync(body, ct);
            return comparison is not null
                ? TypedResults.Ok(comparison)
                : TypedResults.UnprocessableEntity(new { title = "The draft or the request is not valid; nothing was simulated.", problems });
        }).Produces<PolicyComparison>().Produces(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Replays the conversations of the last N days (default 7) under the draft and the active policy (or a given baseline) with the organisation's agents, side by side; leads and admins only.");
        group.MapGet("/policy/history", async (RoutingPolicies policies, CancellationToken ct) => TypedResults.Ok(await policies.HistoryAsync(ct)))
            .WithSummary("Every activated policy version, newest first: who activated it, when it was replaced, how many decisions it made; leads and admins only.");
        group.MapGet("/policy/versions/{id:long}", async (long id, RoutingPolicies policies, CancellationToken ct) => (await policies.VersionAsync(id, ct)).Ok())
            .WithSummary("One activated policy version with its YAML; leads and admins only.");

        var drafts = group.MapGroup("/policy/drafts");
        drafts.MapGet("", async (PolicyDrafts d, CancellationToken ct) => TypedResults.Ok(await d.ListAsync(ct)))
            .WithSummary("The policy drafts shared by leads and admins, most recently saved first.");
        drafts.MapPost("", async (DraftInput body, PolicyDrafts d, ClaimsPrincipal user, CancellationToken ct) =>
            (await d.CreateAsync(body, user.Actor(), ct)).Created(v => $"/api/v1/routing/policy/drafts/{v.Id}"))
            .WithSummary("Creates a draft (from the active policy when yaml is omitted); returns it with its validation.");
        drafts.MapGet("/{id:long}", async (long id, PolicyDrafts d, CancellationToken ct) => (await d.GetAsync(id, ct)).Ok())
            .WithSummary("One draft with its validation (line, field and what is allowed for each problem).");
        drafts.MapPut("/{id:long}", async (long id, DraftInput body, PolicyDrafts d, ClaimsPrincipal user, CancellationToken ct) =>
            (await d.SaveAsync(id, body, user.Actor(), ct)).Ok())
            .WithSummary("Saves a draft (it may be invalid); 409 when someone saved a newer revision since yours.");
        drafts.MapDelete("/{id:long}", async (long id, PolicyDrafts d, ClaimsPrincipal user, CancellationToken ct) =>
            (await d.DeleteAsync(id, user.Actor(), ct)).NoContent())
            .WithSummary("Deletes a draft; audited.");
    }
}
