using Attune.Cli.Input;

namespace Attune.Cli.Coaching;

/// <summary>Who wrote a turn of a conversation.</summary>
internal enum AuthorType
{
    Customer,
    Agent,
    Bot,
}

/// <summary>One message of a conversation file, with the line it came from.</summary>
internal sealed record Turn(int Line, string ConversationId, AuthorType Type, string Author, string Text, string? CreatedAt);

/// <summary>An agent (or bot) reply with the customer messages it answers (those since the previous reply, oldest first).</summary>
internal sealed record Exchange(int Line, string ConversationId, string Author, bool IsBot, string Reply, IReadOnlyList<string> CustomerMessages);

/// <summary>The conversation-file shapes `attune coach FILE` reads.</summary>
internal enum ConversationShape
{
    /// <summary>conversation_id, author_type (customer|agent|bot), author, text, created_at.</summary>
    Generic,
    /// <summary>The Twitter customer-support shape: tweet_id, author_id, inbound, created_at, text, response_tweet_id, in_response_to_tweet_id.</summary>
    Twitter,
    /// <summary>Pairs of one customer message and one reply: instruction, response (the Bitext shape).</summary>
    Pairs,
}

/// <summary>Turns the records of a conversation file into exchanges to assess. Bad rows are reported with their line
/// numbers and skipped; the good rows are still used.</summary>
internal static class Conversations
{
    public static readonly string[] GenericColumns = ["conversation_id", "author_type", "author", "text", "created_at"];
    public static readonly string[] TwitterColumns = ["tweet_id", "author_id", "inbound", "created_at", "text", "response_tweet_id", "in_response_to_tweet_id"];

    public static ConversationShape? ShapeOf(IReadOnlyList<string> columns)
    {
        bool Has(string c) => columns.Contains(c, StringComparer.OrdinalIgnoreCase);
        if (Has("tweet_id") && Has("inbound") && Has("text"))
        {
            return ConversationShape.Twitter;
        }
        if (Has("conversation_id") && Has("author_type") && Has("text"))
        {
            return ConversationShape.Generic;
        }
        if (Has("instruction") && Has("response"))
        {
            return ConversationShape.Pairs;
        }
        return null;
    }

    /// <summary>Reads every exchange in the file; <paramref name="errors"/> receives one line per bad row.</summary>
    public static List<Exchange> Read(RecordReader reader, List<RecordError> errors)
    {
        var shape = ShapeOf(reader.Columns) ?? throw new RecordFormatException(
            $"unknown conversation shape (columns: {string.Join(", ", reader.Columns)}). Expected either {string.Join(", ", GenericColumns)}; " +
            $"or the Twitter shape {string.Join(", ", TwitterColumns)}; or instruction, response pairs.");
        return shape switch
        {
            ConversationShape.Twitter => Twitter(reader, errors),
            ConversationShape.Pairs => Pairs(reader, errors),
            _ => Generic(reader, errors),
        };
    }

    private static List<Exchange> Generic(RecordReader reader, List<RecordError> errors)
    {
        var conversations = new Dictionary<string, List<Turn>>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var item in reader.Read())
        {
            if (item is RecordError error)
            {
                errors.Add(error);
                continue;
            }
            var record = (InputRecord)item;
            var id = record.Get("conversation_id");
            var type = record.Get("author_type")?.Trim().ToLowerInvariant();
            var text = record.Get("text");
            if (string.IsNullOrWhiteSpace(id))
            {
                errors.Add(new RecordError(record.Line, "missing conversation_id"));
                continue;
            }
            if (text is null)
            {
                errors.Add(new RecordError(record.Line, "missing text"));
                continue;
            }
            AuthorType? author = type switch
            {
                "customer" or "user" or "end-user" or "end_user" or "contact" => AuthorType.Customer,
                "agent" or "staff" or "human" => AuthorType.Agent,
                "bot" or "system" or "automation" => AuthorType.Bot,
                _ => null,
            };
            if (author is null)
            {
                errors.Add(new RecordError(record.Line, $"author_type '{type}' is not customer, agent or bot"));
                continue;
            }
            if (!conversations.TryGetValue(id, out var turns))
            {
                conversations[id] = turns = [];
                order.Add(id);
            }
            var name = record.Get("author");
            turns.Add(new Turn(record.Line, id, author.Value, string.IsNullOrWhiteSpace(name) ? (author == AuthorType.Bot ? "bot" : "(unnamed agent)") : name.Trim(), text, record.Get("created_at")));
        }
        var exchanges = new List<Exchange>();
        foreach (var id in order)
        {
            // Stable: turns without timestamps, or with equal ones, keep their file order.
            var turns = conversations[id].OrderBy(t => t.CreatedAt ?? "", StringComparer.Ordinal).ToList();
            var pending = new List<string>();
            string? lastCustomer = null;
            foreach (var turn in turns)
            {
                if (turn.Type == AuthorType.Customer)
                {
                    pending.Add(turn.Text);
                    lastCustomer = turn.Text;
                    continue;
                }
                IReadOnlyList<string> context = pending.Count > 0 ? [.. pending] : lastCustomer is null ? [] : [lastCustomer];
                exchanges.Add(new Exchange(turn.Line, id, turn.Author, turn.Type == AuthorType.Bot, turn.Text, context));
                pending.Clear();
            }
        }
        return exchanges;
    }

    private sealed record Tweet(int Line, string Id, string Author, bool Inbound, string Text, string? InResponseTo);

    private static List<Exchange> Twitter(RecordReader reader, List<RecordError> errors)
    {
        var tweets = new Dictionary<string, Tweet>(StringComparer.Ordinal);
        var outbound = new List<Tweet>();
        foreach (var item in reader.Read())
        {
            if (item is RecordError error)
            {
                errors.Add(error);
                continue;
            }
            var record = (InputRecord)item;
            var id = record.Get("tweet_id")?.Trim();
            var inbound = record.Get("inbound")?.Trim().ToLowerInvariant();
            var text = record.Get("text");
            if (string.IsNullOrEmpty(id))
            {
                errors.Add(new RecordError(record.Line, "missing tweet_id"));
                continue;
            }
            if (inbound is not ("true" or "false" or "1" or "0"))
            {
                errors.Add(new RecordError(record.Line, $"inbound '{inbound}' is not True or False"));
                continue;
            }
            if (text is null)
            {
                errors.Add(new RecordError(record.Line, "missing text"));
                continue;
            }
            var replyTo = record.Get("in_response_to_tweet_id")?.Trim();
            // Pandas writes ids of a float column as "123.0".
            replyTo = string.IsNullOrEmpty(replyTo) ? null : replyTo.EndsWith(".0", StringComparison.Ordinal) ? replyTo[..^2] : replyTo;
            var tweet = new Tweet(record.Line, id.EndsWith(".0", StringComparison.Ordinal) ? id[..^2] : id, record.Get("author_id")?.Trim() ?? "", inbound is "true" or "1", text, replyTo);
            tweets[tweet.Id] = tweet;
            if (!tweet.Inbound)
            {
                outbound.Add(tweet);
            }
        }
        var exchanges = new List<Exchange>(outbound.Count);
        foreach (var reply in outbound)
        {
            // Walk up the thread: the customer tweets directly above this reply, oldest first.
            var context = new List<string>();
            var root = reply.Id;
            var cursor = reply.InResponseTo;
            var seen = 0;
            while (cursor is not null && tweets.TryGetValue(cursor, out var parent) && seen++ < 50)
            {
                root = parent.Id;
                if (!parent.Inbound)
                {
                    break;
                }
                context.Insert(0, parent.Text);
                cursor = parent.InResponseTo;
            }
            exchanges.Add(new Exchange(reply.Line, root, reply.Author.Length == 0 ? "(unknown)" : reply.Author, false, reply.Text, context));
        }
        return exchanges;
    }

    private static List<Exchange> Pairs(RecordReader reader, List<RecordError> errors)
    {
        var exchanges = new List<Exchange>();
        foreach (var item in reader.Read())
        {
            if (item is RecordError error)
            {
                errors.Add(error);
                continue;
            }
            var record = (InputRecord)item;
            var customer = record.Get("instruction");
            var reply = record.Get("response");
            if (customer is null || reply is null)
            {
                errors.Add(new RecordError(record.Line, customer is null ? "missing instruction" : "missing response"));
                continue;
            }
            var author = record.Get("author") ?? record.Get("role") ?? "agent";
            exchanges.Add(new Exchange(record.Line, record.Line.ToString(System.Globalization.CultureInfo.InvariantCulture), author, false, reply, [customer]));
        }
        return exchanges;
    }
}
