namespace Attune.App.Data;

/// <summary>SQL that fills new columns from rows stored before them; valid on SQLite and PostgreSQL alike.</summary>
public static class Backfills
{
    /// <summary>Resolution time, first reply, customer message count and first sentiment of existing conversations.</summary>
    public const string Outcomes = """
        UPDATE "Conversations" SET "ResolvedAt" = "LastMessageAt" WHERE "Status" IN ('Resolved', 'Closed');
        UPDATE "Conversations" SET "CustomerMessages" =
            (SELECT COUNT(*) FROM "Messages" m WHERE m."ConversationId" = "Conversations"."Id" AND m."Author" = 'Customer');
        UPDATE "Conversations" SET "FirstCompound" =
            (SELECT m."Compound" FROM "Messages" m WHERE m."ConversationId" = "Conversations"."Id" AND m."Author" = 'Customer'
             ORDER BY m."SentAt", m."Id" LIMIT 1);
        UPDATE "Conversations" SET "FirstReplyAt" =
            (SELECT MIN(m."SentAt") FROM "Messages" m WHERE m."ConversationId" = "Conversations"."Id" AND m."Author" = 'Agent'
             AND m."SentAt" >= "Conversations"."CreatedAt")
        WHERE "CustomerMessages" > 0;
        """;
}
