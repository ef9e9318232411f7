using System.Security.Claims;
using Attune.App.Features.Customers;
using Attune.Web.Features.Security;
using Attune.Web.Hosting;

namespace Attune.Web.Features.Customers;

internal static class CustomerEndpoints
{
    public static void MapCustomers(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/customers").RequireAuthorization(Policies.Read).WithTags("Customers");
        group.MapGet("", async (CustomerQueries queries, CancellationToken ct, string? search, int page = 1, int pageSize = 50) =>
            (await queries.ListAsync(search, page, pageSize, ct)).Ok());
        group.MapGet("/{id:long}", async (long id, CustomerQueries queries, ClaimsPrincipal user, CancellationToken ct) =>
            (await queries.GetAsync(id, user.Actor(), ct)).Ok())
            .WithSummary("The customer with account, recorded needs (access is audited) and whole history.");
        group.MapPost("/{id:long}/needs", async (long id, NewNeed request, RecordNeed record, ClaimsPrincipal user, CancellationToken ct) =>
            (await record.HandleAsync(id, request, user.Actor(), ct)).Created(n => $"/api/v1/customers/{id}"))
            .RequireAuthorization(Policies.Lead)
            .WithSummary("Records a need (e.g. a vulnerability) with the customer's consent and a review date; leads and admins only.");
        group.MapDelete("/{id:long}", async (long id, EraseCustomer erase, ClaimsPrincipal user, CancellationToken ct) =>
            (await erase.HandleAsync(id, user.Actor(), ct)).Ok())
            .RequireAuthorization(Policies.Admin)
            .WithSummary("Erases the customer at their request: their record, recorded needs, conversations and messages, and alerts about them; admins only. The audit trail keeps the counts.");
    }
}
