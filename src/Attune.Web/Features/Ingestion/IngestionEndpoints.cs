using Attune.App.Features.Ingestion;
using Attune.Web.Features.Security;
using Attune.Web.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Attune.Web.Features.Ingestion;

internal sealed record BatchRequest(IReadOnlyList<IngestMessageRequest>? Messages);

internal static class IngestionEndpoints
{
    public static void MapIngestion(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("").RequireAuthorization(Policies.Ingest).RequireRateLimiting(Policies.IngestRate).WithTags("Ingestion");
        group.MapPost("/messages", async Task<Results<Created<IngestedMessage>, Ok<IngestedMessage>, ProblemHttpResult>> (
            IngestMessageRequest request, IngestMessage ingest, CancellationToken ct) =>
        {
            var result = await ingest.HandleAsync(request, ct);
            if (result.Error is { } e)
            {
                return Problems.From(e);
            }
            var m = result.Value!;
            return m.Created ? TypedResults.Created($"/api/v1/conversations/{m.ConversationId}", m) : TypedResults.Ok(m);
        })
            .WithSummary("Ingests one message, reads it and files it; a retry with the same (source, externalId) returns the stored message (200) instead of 201.");
        group.MapPost("/messages:batch", async (BatchRequest request, IngestBatch batch, CancellationToken ct) =>
            (await batch.HandleAsync(request.Messages, ct)).Ok())
            .WithSummary($"Ingests up to 1,000 messages; each item succeeds or fails on its own.");
    }
}
