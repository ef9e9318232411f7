using System.Security.Claims;
using Attune.App.Features.Knowledge;
using Attune.Web.Features.Security;
using Attune.Web.Hosting;

namespace Attune.Web.Features.Knowledge;

internal static class KnowledgeEndpoints
{
    public static void MapKnowledge(this RouteGroupBuilder api)
    {
        var articles = api.MapGroup("/articles").WithTags("Knowledge");
        articles.MapPost("", async (NewArticle body, KnowledgeArticles kb, ClaimsPrincipal user, CancellationToken ct) =>
            (await kb.SaveAsync(body, user.Actor(), ct)).Ok())
            .RequireAuthorization(Policies.Admin)
            .WithSummary("Creates or replaces a knowledge-base article (Markdown, title from the first '# ' heading); admins only, audited.");
        articles.MapGet("", async (KnowledgeArticles kb, CancellationToken ct) => TypedResults.Ok(await kb.ListAsync(ct)))
            .RequireAuthorization(Policies.Read)
            .WithSummary("The knowledge-base articles (id, title, last change).");
        articles.MapGet("/{id}", async (string id, KnowledgeArticles kb, CancellationToken ct) => (await kb.GetAsync(id, ct)).Ok())
            .RequireAuthorization(Policies.Read)
            .WithSummary("One article with its Markdown.");
        api.MapGet("/self-service", async (string? text, KnowledgeArticles kb, CancellationToken ct) => (await kb.SelfServiceAsync(text, ct)).Ok())
            .RequireAuthorization(Policies.Read).WithTags("Knowledge")
            .WithSummary("The best articles for a customer's question, always with the way to a person; none (handoff only) when the reading shows vulnerability, upset or distress, a request for a person, or a repeated contact.");
    }
}
