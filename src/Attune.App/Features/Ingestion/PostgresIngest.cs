using Attune.App.Data;
using Attune.App.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Attune.App.Features.Ingestion;

/// <summary>
/// The ingest writer's PostgreSQL path, in three round trips per batch: one for the lookups, one to reserve ids, and
/// one that writes every row (a multi-statement batch runs as one implicit transaction, so it commits or rolls back
/// whole). EF change tracking and its per-row round trips cost more than the rest of an ingest on PostgreSQL.
/// INSERTs are built from the EF model, so a new column needs no change here.
/// </summary>
internal static class PostgresIngest
{
    private const string StoredMessagesSql = """
        SELECT m."ExternalId", m."Id", m."ConversationId", c."CustomerId", c."Status", m."ReadingJson"
        FROM "Messages" m JOIN "Conversations" c ON c."Id" = m."ConversationId"
        WHERE m."Source" = $1 AND m."ExternalId" = ANY($2)
        """;

    private const string ConversationsSql = """
        SELECT "Id", "ExternalId", "CustomerId", "Status", "MessageCount", "LastMessageAt", "LastEmotion", "LastCompound", "Vulnerable", "MaxUrgency",
            "CreatedAt", "CustomerMessages", "FirstCompound", "FirstReplyAt", "ResolvedAt"
        FROM "Conversations" WHERE "Source" = $1 AND "ExternalId" = ANY($2)
        """;

    private const string CustomersSql = """SELECT "Id", "ExternalId" FROM "Customers" WHERE "Source" = $1 AND "ExternalId" = ANY($2)""";

    // The same atomic update as ConversationState.SaveAsync: counts add up and flags only rise, whoever writes first.
    // The same atomic update as ConversationState.SaveAsync, for every touched conversation in one statement: counts
    // add up and flags only rise, whoever writes first.
    private const string UpdateConversationsSql = """
        UPDATE "Conversations" AS c SET
            "MessageCount" = c."MessageCount" + u.count,
            "LastMessageAt" = GREATEST(c."LastMessageAt", u.last_sent),
            "Status" = CASE WHEN u.exact THEN u.status WHEN u.agent_only AND c."Status" = 'Open' THEN 'Pending' ELSE c."Status" END,
            "ResolvedAt" = CASE WHEN NOT u.exact THEN c."ResolvedAt" WHEN u.resolved_at IS NULL THEN NULL ELSE COALESCE(c."ResolvedAt", u.resolved_at) END,
            "LastEmotion" = CASE WHEN u.customer THEN u.emotion ELSE c."LastEmotion" END,
            "LastCompound" = CASE WHEN u.customer THEN u.compound ELSE c."LastCompound" END,
            "Vulnerable" = c."Vulnerable" OR (u.customer AND u.vulnerable),
            "MaxUrgency" = CASE WHEN u.customer THEN GREATEST(c."MaxUrgency", u.urgency) ELSE c."MaxUrgency" END,
            "CustomerMessages" = c."CustomerMessages" + u.customers,
            "FirstCompound" = COALESCE(c."FirstCompound", u.first_compound),
            "FirstReplyAt" = LEAST(c."FirstReplyAt", u.first_reply)
        FROM unnest($1::bigint[], $2::int[], $3::timestamptz[], $4::bool[], $5::bool[], $6::bool[], $7::text[], $8::timestamptz[],
                    $9::text[], $10::float8[], $11::bool[], $12::int[], $13::int[], $14::float8[], $15::timestamptz[])
            AS u(id, count, last_sent, exact, customer, agent_only, status, resolved_at, emotion, compound, vulnerable, urgency,
                 customers, first_compound, first_reply)
        WHERE c."Id" = u.id
        """;

    // A no-op update, so RETURNING gives the id of a customer another writer stored first.
    private const string UpsertCustomerSql = """
         ON CONFLICT ("Source", "ExternalId") DO UPDATE SET "Source" = EXCLUDED."Source" RETURNING "Id"
        """;


    /// <summary>Loads one source's stored messages, conversations by thread and customers into the context.</summary>
    public static async Task LoadAsync(AttuneDb db, BatchContext context, string source, string[] ids, string[] threads, string[] customers, CancellationToken ct)
    {
        var connection = await OpenAsync(db, ct);
        await using var batch = new NpgsqlBatch(connection);
        batch.BatchCommands.Add(Lookup(StoredMessagesSql, source, ids));
        batch.BatchCommands.Add(Lookup(ConversationsSql, source, threads));
        batch.BatchCommands.Add(Lookup(CustomersSql, source, customers));
        await using var reader = await batch.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            context.AddStored(source, reader.GetString(0), new IngestedMessage(reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), false,
                IngestMessage.Name(Enum.Parse<ConversationStatus>(reader.GetString(4))), IngestMessage.Parse(reader.IsDBNull(5) ? null : reader.GetString(5))));
        }
        await reader.NextResultAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            context.AddConversation(new Conversation
            {
                Id = reader.GetInt64(0),
                Source = source,
                ExternalId = reader.GetString(1),
                CustomerId = reader.GetInt64(2),
                Status = Enum.Parse<ConversationStatus>(reader.GetString(3)),
                MessageCount = reader.GetInt32(4),
                LastMessageAt = reader.GetFieldValue<DateTimeOffset>(5),
                LastEmotion = reader.IsDBNull(6) ? null : reader.GetString(6),
                LastCompound = reader.IsDBNull(7) ? null : reader.GetDouble(7),
                Vulnerable = reader.GetBoolean(8),
                MaxUrgency = reader.GetInt32(9),
                CreatedAt = reader.GetFieldValue<DateTimeOffset>(10),
                CustomerMessages = reader.GetInt32(11),
                FirstCompound = reader.IsDBNull(12) ? null : reader.GetDouble(12),
                FirstReplyAt = reader.IsDBNull(13) ? null : reader.GetFieldValue<DateTimeOffset>(13),
                ResolvedAt = reader.IsDBNull(14) ? null : reader.GetFieldValue<DateTimeOffset>(14),
            });
        }
        await reader.NextResultAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            context.AddCustomer(source, reader.GetString(1), reader.GetInt64(0));
        }
    }

    /// <summary>
    /// Gives the batch's new rows their ids. New customers are upserted and committed here, in key order, so two
    /// writers meeting the same new customer wait for each other and share one row instead of colliding; conversations
    /// and messages take ids from their sequences, so one round trip can then insert them all.
    /// </summary>
    public static async Task ReserveIdsAsync(AttuneDb db, NewRows rows, CancellationToken ct)
    {
        var connection = await OpenAsync(db, ct);
        await using var batch = new NpgsqlBatch(connection);
        var customers = rows.Customers.OrderBy(c => c.Source, StringComparer.Ordinal).ThenBy(c => c.ExternalId, StringComparer.Ordinal).ToList();
        foreach (var customer in customers)
        {
            batch.BatchCommands.Add(Insert(db, [customer], withKey: false, UpsertCustomerSql));
        }
        batch.BatchCommands.Add(Reserve("Conversations", rows.Conversations.Count));
        batch.BatchCommands.Add(Reserve("Messages", rows.Messages.Count));
        await using var reader = await batch.ExecuteReaderAsync(ct);
        foreach (var customer in customers)
        {
            await reader.ReadAsync(ct);
            customer.Id = reader.GetInt64(0);
            await reader.NextResultAsync(ct);
        }
        for (var i = 0; await reader.ReadAsync(ct); i++)
        {
            rows.Conversations[i].Id = reader.GetInt64(0);
        }
        await reader.NextResultAsync(ct);
        for (var i = 0; await reader.ReadAsync(ct); i++)
        {
            rows.Messages[i].Id = reader.GetInt64(0);
        }
        foreach (var c in rows.Conversations)
        {
            c.CustomerId = c.Customer?.Id ?? c.CustomerId;
        }
        foreach (var m in rows.Messages)
        {
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
        if (updates.Count > 0)
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand(UpdateConversationsSql)
            {
                Parameters =
                {
                    Array(updates, u => u.Id), Array(updates, u => u.Count), Array(updates, u => u.LastSent),
                    Array(updates, u => u.Exact), Array(updates, u => u.CustomerWrote), Array(updates, u => u.AgentOnly),
                    Array(updates, u => u.Status.ToString()), Array(updates, u => u.ResolvedAt), Array(updates, u => u.Emotion),
                    Array(updates, u => u.Compound), Array(updates, u => u.Vulnerable), Array(updates, u => u.Urgency),
                    Array(updates, u => u.CustomerMessages), Array(updates, u => u.FirstCompound), Array(updates, u => u.FirstReply),
                },
            });
        }
        Insert(db, batch, deliveries, withKey: false);
        await batch.ExecuteNonQueryAsync(ct);
    }

    private static NpgsqlParameter<T[]> Array<T>(IReadOnlyList<ConversationDelta> updates, Func<ConversationDelta, T> field) =>
        new() { TypedValue = [.. updates.Select(field)] };

    private static async Task<NpgsqlConnection> OpenAsync(AttuneDb db, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct); // EF leaves a connection it did not open itself open until the scope ends
        return (NpgsqlConnection)db.Database.GetDbConnection();
    }

    private static NpgsqlBatchCommand Lookup(string sql, string source, string[] keys) => new(sql)
    {
        Parameters = { new NpgsqlParameter<string>() { TypedValue = source }, new NpgsqlParameter<string[]>() { TypedValue = keys } },
    };

    private static NpgsqlBatchCommand Reserve(string table, int count) =>
        new($"""SELECT nextval(pg_get_serial_sequence('"{table}"', 'Id')) FROM generate_series(1, $1)""")
        {
            Parameters = { new NpgsqlParameter<int>() { TypedValue = count } },
        };

    // One multi-row INSERT per table: PostgreSQL parses, plans and runs one statement instead of one per row.
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
        var type = db.Model.FindEntityType(typeof(T))!;
        var columns = type.GetProperties().Where(p => withKey || !p.IsPrimaryKey()).ToArray();
        var sql = new System.Text.StringBuilder($"INSERT INTO \"{type.GetTableName()}\" ({string.Join(", ", columns.Select(p => $"\"{p.GetColumnName()}\""))}) VALUES ");
        using var factory = new NpgsqlCommand();
        var command = new NpgsqlBatchCommand();
        for (var row = 0; row < entities.Count; row++)
        {
            sql.Append(row == 0 ? "(" : ", (");
            for (var c = 0; c < columns.Length; c++)
            {
                sql.Append(c == 0 ? "$" : ", $").Append((row * columns.Length) + c + 1);
                // The model's type mapping applies the same converters (enums as text) and column types as SaveChanges.
                var p = columns[c];
                command.Parameters.Add((NpgsqlParameter)p.GetRelationalTypeMapping().CreateParameter(factory, "", p.GetGetter().GetClrValue(entities[row]), p.IsNullable));
            }
            sql.Append(')');
        }
        command.CommandText = sql.Append(suffix).ToString();
        return command;
    }
}
