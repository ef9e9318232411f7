using Attune.App.Common;
using Attune.App.Data;
using Attune.App.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace Attune.App.Features.Ingestion;

/// <summary>
/// The ingest writer's PostgreSQL path, in two round trips per batch: one for the lookups and one that writes every
/// row (a multi-statement batch runs as one implicit transaction, so it commits or rolls back whole); a third upserts
/// new customers first. Ids come from blocks taken ahead from the sequences. EF change tracking and its per-row round
/// trips cost more than the rest of an ingest on PostgreSQL. INSERTs are built from the EF model, so a new column
/// needs no change here.
/// </summary>
internal static class PostgresIngest
{
    // The statements' texts never change, so Npgsql prepares each once per connection, and a prepared plan is kept
    // however the tables grow: every statement below is planned so that it stays a probe of a unique index.
    //
    // Lookups: one statement per table for the whole batch. Each key is probed on its own through LATERAL … LIMIT 1,
    // which PostgreSQL cannot flatten into a join: an equality on both columns of the unique (Source, ExternalId)
    // index, one probe per key however the table has grown. Written as `"ExternalId" = ANY($2)` or as a plain join
    // on unnest, a table that grew since its last ANALYZE (every table on a new install) was planned as an index
    // range on Source alone, or as a scan: a read of the whole source per lookup, which cost more than the rest of
    // the ingest together. A message is rarely found, only on a retry.
    private const string StoredMessageSql = """
        SELECT k, m."Id", m."ConversationId", c."CustomerId", c."Status", m."ReadingJson"
        FROM unnest($2::text[]) AS k
        CROSS JOIN LATERAL (SELECT "Id", "ConversationId", "ReadingJson" FROM "Messages" WHERE "Source" = $1 AND "ExternalId" = k LIMIT 1) m
        CROSS JOIN LATERAL (SELECT "CustomerId", "Status" FROM "Conversations" WHERE "Id" = m."ConversationId" LIMIT 1) c
        """;

    private const string ConversationSql = """
        SELECT k, c.* FROM unnest($2::text[]) AS k
        CROSS JOIN LATERAL (SELECT "Id", "CustomerId", "Status", "MessageCount", "LastMessageAt", "LastEmotion", "LastCompound",
            "Vulnerable", "MaxUrgency", "CreatedAt", "CustomerMessages", "FirstCompound", "FirstReplyAt", "ResolvedAt"
            FROM "Conversations" WHERE "Source" = $1 AND "ExternalId" = k LIMIT 1) c
        """;

    private const string CustomerSql = """
        SELECT k, c."Id" FROM unnest($2::text[]) AS k
        CROSS JOIN LATERAL (SELECT "Id" FROM "Customers" WHERE "Source" = $1 AND "ExternalId" = k LIMIT 1) c
        """;

    // The same atomic update as ConversationState.SaveAsync: counts add up and flags only rise, whoever writes first.
    // One statement per conversation, by primary key (a join on unnest was planned as a hash join over a scan of the
    // whole table while it was small, and the prepared plan kept it).
    private const string UpdateConversationSql = """
        UPDATE "Conversations" SET
            "MessageCount" = "MessageCount" + $2,
            "LastMessageAt" = GREATEST("LastMessageAt", $3::timestamptz),
            "Status" = CASE WHEN $4 THEN $7::text WHEN $6 AND "Status" = 'Open' THEN 'Pending' ELSE "Status" END,
            "ResolvedAt" = CASE WHEN NOT $4 THEN "ResolvedAt" WHEN $8::timestamptz IS NULL THEN NULL ELSE COALESCE("ResolvedAt", $8::timestamptz) END,
            "LastEmotion" = CASE WHEN $5 THEN $9::text ELSE "LastEmotion" END,
            "LastCompound" = CASE WHEN $5 THEN $10::float8 ELSE "LastCompound" END,
            "Vulnerable" = "Vulnerable" OR ($5 AND $11),
            "MaxUrgency" = CASE WHEN $5 THEN GREATEST("MaxUrgency", $12::int) ELSE "MaxUrgency" END,
            "CustomerMessages" = "CustomerMessages" + $13,
            "FirstCompound" = COALESCE("FirstCompound", $14::float8),
            "FirstReplyAt" = LEAST("FirstReplyAt", $15::timestamptz)
        WHERE "Id" = $1
        """;

    // A no-op update, so RETURNING gives the id of a customer another writer stored first.
    private const string UpsertCustomerSql = """
         ON CONFLICT ("Source", "ExternalId") DO UPDATE SET "Source" = EXCLUDED."Source" RETURNING "Id", "Source", "ExternalId"
        """;

    /// <summary>Loads one source's stored messages, conversations by thread and customers into the context, in one round trip.</summary>
    public static async Task LoadAsync(AttuneDb db, BatchContext context, string source, string[] ids, string[] threads, string[] customers, CancellationToken ct)
    {
        var connection = await OpenAsync(db, ct);
        await using var batch = new NpgsqlBatch(connection);
        var lookups = new (string Sql, string[] Keys, Action<NpgsqlDataReader> Read)[]
        {
            (StoredMessageSql, ids, r => context.AddStored(source, r.GetString(0), new IngestedMessage(r.GetInt64(1), r.GetInt64(2), r.GetInt64(3), false,
                IngestMessage.Name(Enum.Parse<ConversationStatus>(r.GetString(4))), RawJson.From(r.IsDBNull(5) ? null : r.GetString(5))))),
            (ConversationSql, threads, r => context.AddConversation(ReadConversation(r, source))),
            (CustomerSql, customers, r => context.AddCustomer(source, r.GetString(0), r.GetInt64(1))),
        };
        var asked = lookups.Where(l => l.Keys.Length > 0).ToList();
        foreach (var (sql, keys, _) in asked)
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand(sql) { Parameters = { Param(source), Param(keys) } });
        }
        await using var reader = await batch.ExecuteReaderAsync(ct);
        foreach (var lookup in asked)
        {
            while (await reader.ReadAsync(ct))
            {
                lookup.Read(reader);
            }
            await reader.NextResultAsync(ct);
        }
    }

    private static Conversation ReadConversation(NpgsqlDataReader r, string source) => new()
    {
        Source = source,
        ExternalId = r.GetString(0),
        Id = r.GetInt64(1),
        CustomerId = r.GetInt64(2),
        Status = Enum.Parse<ConversationStatus>(r.GetString(3)),
        MessageCount = r.GetInt32(4),
        LastMessageAt = r.GetFieldValue<DateTimeOffset>(5),
        LastEmotion = r.IsDBNull(6) ? null : r.GetString(6),
        LastCompound = r.IsDBNull(7) ? null : r.GetDouble(7),
        Vulnerable = r.GetBoolean(8),
        MaxUrgency = r.GetInt32(9),
        CreatedAt = r.GetFieldValue<DateTimeOffset>(10),
        CustomerMessages = r.GetInt32(11),
        FirstCompound = r.IsDBNull(12) ? null : r.GetDouble(12),
        FirstReplyAt = r.IsDBNull(13) ? null : r.GetFieldValue<DateTimeOffset>(13),
        ResolvedAt = r.IsDBNull(14) ? null : r.GetFieldValue<DateTimeOffset>(14),
    };

    /// <summary>
    /// Gives the batch's new rows their ids. New customers are upserted and committed here, in key order, so two
    /// writers meeting the same new customer wait for each other and share one row instead of colliding; conversations
    /// and messages take ids their sequences handed out ahead (<see cref="ReservedIds"/>), so one round trip can then
    /// insert them all. Without new customers this makes no round trip at all, most of the time.
    /// </summary>
    public static async Task ReserveIdsAsync(AttuneDb db, NewRows rows, ReservedIds conversations, ReservedIds messages, CancellationToken ct)
    {
        var connection = await OpenAsync(db, ct);
        if (rows.Customers.Count > 0)
        {
            var customers = rows.Customers.OrderBy(c => c.Source, StringComparer.Ordinal).ThenBy(c => c.ExternalId, StringComparer.Ordinal).ToList();
            var byKey = customers.ToDictionary(c => (c.Source, c.ExternalId));
            await using var upsert = new NpgsqlBatch(connection) { BatchCommands = { Insert(db, customers, withKey: false, UpsertCustomerSql) } };
            await using var reader = await upsert.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                byKey[(reader.GetString(1), reader.GetString(2))].Id = reader.GetInt64(0);
            }
        }
        var conversationIds = await conversations.TakeAsync(connection, rows.Conversations.Count, ct);
        for (var i = 0; i < conversationIds.Length; i++)
        {
            var c = rows.Conversations[i];
            c.Id = conversationIds[i];
            c.CustomerId = c.Customer?.Id ?? c.CustomerId;
        }
        var messageIds = await messages.TakeAsync(connection, rows.Messages.Count, ct);
        for (var i = 0; i < messageIds.Length; i++)
        {
            var m = rows.Messages[i];
            m.Id = messageIds[i];
            m.ConversationId = m.Conversation?.Id ?? m.ConversationId;
        }
    }

    /// <summary>Inserts the new rows, updates the stored conversations (in id order) and queues the deliveries, atomically.</summary>
    public static async Task WriteAsync(AttuneDb db, NewRows rows, IReadOnlyList<ConversationDelta> updates, IReadOnlyList<WebhookDelivery> deliveries, CancellationToken ct)
    {
        var connection = await OpenAsync(db, ct);
        await using var batch = new NpgsqlBatch(connection);
        Insert(db, batch, rows.Conversations, withKey: true);
        Insert(db, batch, rows.Messages, withKey: true);
        foreach (var u in updates)
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand(UpdateConversationSql)
            {
                Parameters =
                {
                    Param(u.Id), Param(u.Count), Param(u.LastSent), Param(u.Exact), Param(u.CustomerWrote), Param(u.AgentOnly),
                    Param(u.Status.ToString()), Param(u.ResolvedAt), Param(u.Emotion), Param(u.Compound), Param(u.Vulnerable),
                    Param(u.Urgency), Param(u.CustomerMessages), Param(u.FirstCompound), Param(u.FirstReply),
                },
            });
        }
        Insert(db, batch, deliveries, withKey: false);
        await batch.ExecuteNonQueryAsync(ct);
    }

    private static NpgsqlParameter<T> Param<T>(T value) => new() { TypedValue = value };

    private static async Task<NpgsqlConnection> OpenAsync(AttuneDb db, CancellationToken ct)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await db.Database.OpenConnectionAsync(ct); // EF leaves a connection it did not open itself open until the context ends
            // Every statement here is a probe of a unique index or an insert, whatever its arguments (and the writer's
            // few EF queries on this connection are keyed lookups too): planned once, not again for each array of keys
            // (a custom plan per batch cost more than running it). Npgsql's reset (RESET ALL) undoes this when the
            // connection goes back to the pool, unless the connection string sets No Reset On Close.
            await using var generic = new NpgsqlCommand("SET plan_cache_mode = force_generic_plan", connection);
            await generic.ExecuteNonQueryAsync(ct);
        }
        return connection;
    }

    // One INSERT … SELECT FROM unnest(one array per column) per table: the text is the same whatever the number of
    // rows, so Npgsql prepares it once per connection and PostgreSQL neither parses nor plans it again.
    private static void Insert<T>(AttuneDb db, NpgsqlBatch batch, IReadOnlyList<T> entities, bool withKey)
        where T : class
    {
        if (entities.Count > 0)
        {
            batch.BatchCommands.Add(Insert(db, entities, withKey, ""));
        }
    }

    private static NpgsqlBatchCommand Insert<T>(AttuneDb db, IReadOnlyList<T> entities, bool withKey, string suffix)
        where T : class
    {
        var insert = Inserts.GetOrAdd((typeof(T), withKey, suffix), _ => TableInsert.For(db.Model.FindEntityType(typeof(T))!, withKey, suffix));
        var command = new NpgsqlBatchCommand(insert.Sql);
        foreach (var column in insert.Columns)
        {
            var values = Array.CreateInstance(column.Element, entities.Count);
            for (var row = 0; row < entities.Count; row++)
            {
                values.SetValue(column.Read(entities[row]), row);
            }
            command.Parameters.Add(new NpgsqlParameter { Value = values });
        }
        return command;
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(Type, bool, string), TableInsert> Inserts = new();

    /// <summary>A table's INSERT from the EF model (so a new column needs no change here), with each column's provider
    /// value: the model's converters apply as in SaveChanges (enums as text).</summary>
    private sealed record TableInsert(string Sql, TableInsert.Column[] Columns)
    {
        public static TableInsert For(IEntityType type, bool withKey, string suffix)
        {
            var columns = type.GetProperties().Where(p => withKey || !p.IsPrimaryKey()).Select(p =>
            {
                var mapping = p.GetRelationalTypeMapping();
                var converter = mapping.Converter;
                var element = converter?.ProviderClrType ?? mapping.ClrType;
                if (element.IsValueType && p.IsNullable && Nullable.GetUnderlyingType(element) is null)
                {
                    element = typeof(Nullable<>).MakeGenericType(element);
                }
                var getter = p.GetGetter();
                Func<object, object?> read = converter is null
                    ? getter.GetClrValue
                    : e => getter.GetClrValue(e) is { } v ? converter.ConvertToProvider(v) : null;
                return new Column(p.GetColumnName(), mapping.StoreType, read, element);
            }).ToArray();
            var sql = $"INSERT INTO \"{type.GetTableName()}\" ({string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}) "
                + $"SELECT * FROM unnest({string.Join(", ", columns.Select((c, i) => $"${i + 1}::{c.StoreType}[]"))}){suffix}";
            return new TableInsert(sql, columns);
        }

        public sealed record Column(string Name, string StoreType, Func<object, object?> Read, Type Element);
    }
}
