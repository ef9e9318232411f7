namespace Attune.Web.Features.Docs;

internal static class DocsEndpoints
{
    public static void MapApiDocs(this WebApplication app)
    {
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapGet("/api/docs", () => TypedResults.Content(DocsPage.Html, "text/html")).AllowAnonymous().ExcludeFromDescription();
    }
}
