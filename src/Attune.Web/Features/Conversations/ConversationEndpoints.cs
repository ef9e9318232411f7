using System.Security.Claims;
using Attune.App.Features.Conversations;
using Attune.Web.Features.Security;
using Attune.Web.Hosting;

namespace Attune.Web.Features.Conversations;

internal static class ConversationEndpoints
{
    public static void MapConversations(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/conversations").RequireAuthorization(Policies.Read).WithTags("Conversations");
        group.MapGet("", async (ConversationQueries queries, CancellationToken ct,
                string? desk, string? status, string? emotion, bool? vulnerable, string? urgency, long? customerId, int page = 1, int pageSize = 50) =>
            (await queries.ListAsync(new ConversationFilter(desk, status, emotion, vulnerable, urgency, customerId, page, pageSize), ct)).Ok())
            .WithSummary("Lists conversations, most recent first; urgency filters at or above the level.");
        group.MapGet("/{id:long}", async (long id, ConversationQueries queries, ClaimsPrincipal user, CancellationToken ct) =>
            (await queries.GetAsync(id, user.Actor(), ct)).Ok())
            .WithSummary("One conversation with its timeline and each customer message's reading.");
    }
}
