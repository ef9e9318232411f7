using Attune.App.Features.Organisation;
using Attune.Web.Features.Security;

namespace Attune.Web.Features.Organisation;

internal static class OrganisationEndpoints
{
    public static void MapOrganisation(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("").RequireAuthorization(Policies.Read).WithTags("Organisation");
        group.MapGet("/desks", async (OrganisationQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.DesksAsync(ct)));
        group.MapGet("/agents", async (OrganisationQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.AgentsAsync(ct)));
    }
}
