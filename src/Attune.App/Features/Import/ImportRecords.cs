using System.Globalization;
using Attune.App.Common;
using Attune.App.Data;
using Attune.App.Data.Entities;
using Attune.App.Features.Ingestion;
using Microsoft.EntityFrameworkCore;

namespace Attune.App.Features.Import;

/// <summary>One parsed row of an import file: its line and its fields by column name (file parsing stays in the caller).</summary>
public sealed record ImportRow(long Line, IReadOnlyDictionary<string, string?> Fields)
{
    public string? Get(string name) => Fields.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v) ? v : null;
}

/// <summary>One tweet's place in its thread, gathered by a first pass over the file so replies find their root in any order.</summary>
public readonly record struct TweetLink(string? Parent, string Author, bool Inbound);

public enum ImportShape
{
    Generic,
    Twitter,
}

public sealed record RowError(long Line, string Field, string Reason);

public sealed record ChunkResult(int Imported, int Duplicates, IReadOnlyList<RowError> Errors);

/// <summary>Where a previous run of the same file stopped; rows at or before <see cref="LinesDone"/> are skipped.</summary>
public sealed record ImportProgress(long LinesDone, long Imported, long Rejected, bool Finished);

/// <summary>
/// Imports history in chunks. Each row goes through <see cref="IngestMessage"/>, so re-running an import changes
/// nothing; progress is saved per chunk so an interrupted import resumes where it stopped.
/// </summary>
public sealed class ImportRecords(AttuneDb db, IngestMessage ingest, TimeProvider clock)
{
    // Twitter threads: tweet id -> (conversation root, customer). Replies point at their parent, so the root and the
    // customer travel down the thread.
    private readonly Dictionary<string, (string Root, string? Customer)> _threads = new(StringComparer.Ordinal);
    private IReadOnlyDictionary<string, TweetLink>? _links;

    /// <summary>Threads tweets by the whole file's reply links (from a first pass), not only by rows seen so far.</summary>
    public void UseTweetLinks(IReadOnlyDictionary<string, TweetLink> links) => _links = links;

    /// <summary>The parent id as the corpus writes it ("123.0" in some exports) normalised to the tweet id.</summary>
    public static string? TweetParent(string? parent) =>
        string.IsNullOrWhiteSpace(parent) ? null : parent.EndsWith(".0", StringComparison.Ordinal) ? parent[..^2] : parent;

    public static ImportShape Detect(IReadOnlyList<string> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        return columns.Contains("tweet_id") && columns.Contains("inbound") ? ImportShape.Twitter : ImportShape.Generic;
    }

    public static IReadOnlyList<string> MissingColumns(ImportShape shape, IReadOnlyList<string> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        string[] required = shape == ImportShape.Twitter
            ? ["tweet_id", "author_id", "inbound", "created_at", "text"]
            : ["external_id", "text"];
        return [.. required.Where(c => !columns.Contains(c))];
    }

    public async Task<ImportProgress> StartAsync(string key, CancellationToken ct)
    {
        var run = await db.ImportRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Key == key, ct);
        if (run is null)
        {
            db.ImportRuns.Add(new ImportRun { Key = key, StartedAt = clock.GetUtcNow() });
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            return new ImportProgress(0, 0, 0, false);
        }
        return new ImportProgress(run.LinesDone, run.Imported, run.Rejected, run.FinishedAt is not null);
    }

    public async Task<ChunkResult> ImportChunkAsync(string key, ImportShape shape, string source, IReadOnlyList<ImportRow> rows, long lastLine, int readerErrors, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var errors = new List<RowError>();
        int imported = 0, duplicates = 0;
        // Queue the whole chunk before awaiting: the ingest writer stores it in a few transactions, in row order.
        var pending = new List<(long Line, Task<Result<IngestedMessage>> Task)>(rows.Count);
        foreach (var row in rows)
        {
            var mapped = shape == ImportShape.Twitter ? MapTweet(row) : MapGeneric(row, source);
            if (mapped.Error is { } mapError)
            {
                errors.Add(new RowError(row.Line, mapError.Field ?? "", mapError.Message));
                continue;
            }
            pending.Add((row.Line, ingest.HandleAsync(mapped.Value!, ct)));
        }
        foreach (var (line, task) in pending)
        {
            var result = await task;
            if (result.Error is { } e)
            {
                errors.Add(new RowError(line, Column(e.Field), e.Message));
            }
            else if (result.Value!.Created)
            {
                imported++;
            }
            else
            {
                duplicates++;
            }
        }
        errors.Sort((a, b) => a.Line.CompareTo(b.Line));
        var rejected = errors.Count + readerErrors;
        await db.ImportRuns.Where(r => r.Key == key).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.LinesDone, lastLine)
            .SetProperty(r => r.Imported, r => r.Imported + imported)
            .SetProperty(r => r.Rejected, r => r.Rejected + rejected), ct);
        return new ChunkResult(imported, duplicates, errors);
    }

    public async Task FinishAsync(string key, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await db.ImportRuns.Where(r => r.Key == key).ExecuteUpdateAsync(s => s.SetProperty(r => r.FinishedAt, now), ct);
    }

    // Walks up the reply chain to the first tweet; the customer is the first inbound author met from the top.
    private (string Root, string? Customer) RootOf(string id, string? parent, string author, bool inbound)
    {
        var root = id;
        var customer = inbound ? author : null;
        var current = parent;
        for (var depth = 0; current is not null && depth < 1_000 && _links!.TryGetValue(current, out var link); depth++)
        {
            root = current;
            if (link.Inbound)
            {
                customer = link.Author;
            }
            current = link.Parent;
        }
        // A parent outside the file still names the thread, so its replies stay together.
        if (current is not null)
        {
            root = current;
        }
        return (root, customer);
    }

    private static string Column(string? field) => field switch
    {
        "externalId" => "external_id",
        "customer.externalId" => "customer_id",
        "conversationId" => "conversation_id",
        null => "",
        _ => field,
    };

    private static Result<IngestMessageRequest> MapGeneric(ImportRow row, string source)
    {
        DateTimeOffset? sentAt = null;
        if (row.Get("sent_at") is { } sent)
        {
            if (!DateTimeOffset.TryParse(sent, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
            {
                return Failure.Invalid("sent_at", $"sent_at '{sent}' is not a date and time (use ISO 8601, e.g. 2024-05-01T09:30:00Z).");
            }
            sentAt = parsed;
        }
        return new IngestMessageRequest(
            Source: row.Get("source") ?? source,
            ExternalId: row.Get("external_id"),
            Text: row.Fields.TryGetValue("text", out var text) ? text : null,
            Customer: row.Get("customer_id") is { } cid
                ? new CustomerRef(cid, row.Get("customer_name"), row.Get("customer_email"), row.Get("customer_phone"), null, row.Get("region"), row.Get("locale"))
                : null,
            ConversationId: row.Get("conversation_id"),
            Channel: row.Get("channel"),
            Author: row.Get("author"),
            SentAt: sentAt,
            AgentEmail: row.Get("agent_email"),
            Desk: row.Get("desk"),
            Subject: row.Get("subject"),
            Status: row.Get("status"));
    }

    private Result<IngestMessageRequest> MapTweet(ImportRow row)
    {
        var id = row.Get("tweet_id");
        if (id is null)
        {
            return Failure.Invalid("tweet_id", "tweet_id is empty.");
        }
        var author = row.Get("author_id");
        if (author is null)
        {
            return Failure.Invalid("author_id", "author_id is empty.");
        }
        var inboundText = row.Get("inbound");
        if (!bool.TryParse(inboundText, out var inbound))
        {
            return Failure.Invalid("inbound", $"inbound '{inboundText}' is not True or False.");
        }
        var created = row.Get("created_at");
        // The Twitter corpus writes "Tue Oct 31 22:10:47 +0000 2017".
        if (created is null || !(DateTimeOffset.TryParseExact(created, "ddd MMM dd HH:mm:ss zzz yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var sentAt)
                || DateTimeOffset.TryParse(created, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out sentAt)))
        {
            return Failure.Invalid("created_at", $"created_at '{created}' is not a date (expected e.g. 'Tue Oct 31 22:10:47 +0000 2017').");
        }
        var parent = TweetParent(row.Get("in_response_to_tweet_id"));
        string root;
        string? customer;
        if (_links is not null)
        {
            (root, customer) = RootOf(id, parent, author, inbound);
        }
        else if (parent is not null && _threads.TryGetValue(parent, out var thread))
        {
            (root, customer) = thread;
        }
        else
        {
            root = parent ?? id;
            customer = null;
        }
        if (inbound)
        {
            customer ??= author;
        }
        if (_links is null)
        {
            _threads[id] = (root, customer);
        }
        return new IngestMessageRequest(
            Source: "twitter",
            ExternalId: id,
            Text: row.Fields.TryGetValue("text", out var text) ? text : null,
            Customer: new CustomerRef(customer ?? $"thread-{root}", Handle: customer is null ? null : "@" + customer),
            ConversationId: root,
            Channel: "social",
            Author: inbound ? "customer" : "agent",
            SentAt: sentAt);
    }
}
