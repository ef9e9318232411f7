using System.Security.Claims;
using Attune.App.Features.Organisation;
using Attune.Web.Features.Security;
using Attune.Web.Hosting;

namespace Attune.Web.Features.Organisation;

internal static class OrganisationEndpoints
{
    public static void MapOrganisation(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("").RequireAuthorization(Policies.Read).WithTags("Organisation");
        group.MapGet("/desks", async (OrganisationQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.DesksAsync(ct)))
            .WithSummary("The desks with their open conversations and agents.");
        group.MapPost("/desks", async (DeskRequest body, AgentProfiles profiles, ClaimsPrincipal user, CancellationToken ct) =>
            (await profiles.CreateDeskAsync(body, user.Requester(), ct)).Created(d => $"/api/v1/desks/{d.Id}"))
            .RequireAuthorization(Policies.Lead)
            .WithSummary("Creates a desk (name unique, no ','; description up to 500 characters); leads and admins, audited.");
        group.MapPut("/desks/{id:long}", async (long id, DeskRequest body, AgentProfiles profiles, ClaimsPrincipal user, CancellationToken ct) =>
            (await profiles.UpdateDeskAsync(id, body, user.Requester(), ct)).Ok())
            .RequireAuthorization(Policies.Lead)
            .WithSummary("Renames or re-describes a desk (agents' extra desks follow the rename); leads and admins, audited.");

        group.MapGet("/agents", async (OrganisationQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.AgentsAsync(ct)))
            .WithSummary("The agents with skills, capacity, shifts, status, whether on shift now and their emotional load now.");
        group.MapGet("/agents/me", async (OrganisationQueries queries, ClaimsPrincipal user, CancellationToken ct) =>
            (await queries.AgentOfUserAsync(user.Requester().UserId, ct)).Ok())
            .WithSummary("The agent linked to the signed-in user (404 when none).");
        group.MapGet("/agents/{id:long}", async (long id, OrganisationQueries queries, CancellationToken ct) => (await queries.AgentAsync(id, ct)).Ok())
            .WithSummary("One agent.");
        group.MapPost("/agents", async (AgentRequest body, AgentProfiles profiles, ClaimsPrincipal user, CancellationToken ct) =>
            (await profiles.CreateAgentAsync(body, user.Requester(), ct)).Created(a => $"/api/v1/agents/{a.Id}"))
            .RequireAuthorization(Policies.Lead)
            .WithSummary("Adds an agent (name and email required; desk, extraDesks, languages, vulnerabilityTrained, capacity, channelCapacity, shifts, timeZone, userId); leads and admins, audited.");
        group.MapPatch("/agents/{id:long}", async (long id, AgentRequest body, AgentProfiles profiles, ClaimsPrincipal user, CancellationToken ct) =>
            (await profiles.UpdateAgentAsync(id, body, user.Requester(), ct)).Ok())
            .WithSummary("Changes the given fields of an agent (omitted fields stay); leads and admins (403 otherwise), audited.");
        group.MapPut("/agents/{id:long}/status", async (long id, AgentStatusRequest body, AgentProfiles profiles, ClaimsPrincipal user, CancellationToken ct) =>
            (await profiles.SetStatusAsync(id, body, user.Requester(), ct)).Ok())
            .WithSummary("Sets status available, break or away: an agent their own (through their linked user), leads and admins anyone's; audited. Break and away take no new work; a break lets load recover faster.");
        group.MapGet("/playbooks", () => TypedResults.Ok(PlaybookCatalog.Shipped))
            .WithSummary("The situation playbooks (do/don't rules) and regional norms the coaching module ships.");
    }

    // An API key's principal has no user id ("apikey:N" is not a number).
    internal static Requester Requester(this ClaimsPrincipal user) => new(user.Actor(), user.UserId(), SecuritySetup.ActsAsLead(user));
}
