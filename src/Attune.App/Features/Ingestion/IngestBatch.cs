using Attune.App.Common;

namespace Attune.App.Features.Ingestion;

/// <summary>The outcome for one item of a batch: the stored message, or the reason it was refused.</summary>
public sealed record BatchItemResult(int Index, IngestedMessage? Message, Failure? Error);

public sealed record BatchResult(int Accepted, int Duplicates, int Rejected, IReadOnlyList<BatchItemResult> Items);

/// <summary>Ingests up to 1,000 messages; each item stands alone, so one bad item never loses the good ones.</summary>
public sealed class IngestBatch(IngestMessage ingest)
{
    public async Task<Result<BatchResult>> HandleAsync(IReadOnlyList<IngestMessageRequest>? messages, CancellationToken ct)
    {
        if (messages is null)
        {
            return Failure.Invalid("messages", "messages is required (an array of messages).");
        }
        if (messages.Count > IngestLimits.MaxBatch)
        {
            return Failure.Invalid("messages", $"messages has {messages.Count} items; the limit is {IngestLimits.MaxBatch}.");
        }
        // Queue every item before awaiting any: the writer then stores them in a few transactions, not one each.
        var pending = new Task<Result<IngestedMessage>>?[messages.Count];
        for (var i = 0; i < messages.Count; i++)
        {
            pending[i] = messages[i] is null ? null : ingest.HandleAsync(messages[i], ct, $"messages[{i}].");
        }
        var items = new List<BatchItemResult>(messages.Count);
        int accepted = 0, duplicates = 0, rejected = 0;
        for (var i = 0; i < messages.Count; i++)
        {
            if (pending[i] is not { } task)
            {
                items.Add(new BatchItemResult(i, null, Failure.Invalid($"messages[{i}]", $"messages[{i}] is null.")));
                rejected++;
                continue;
            }
            var result = await task;
            items.Add(new BatchItemResult(i, result.Value, result.Error));
            if (!result.IsOk)
            {
                rejected++;
            }
            else if (result.Value!.Created)
            {
                accepted++;
            }
            else
            {
                duplicates++;
            }
        }
        return new BatchResult(accepted, duplicates, rejected, items);
    }
}
