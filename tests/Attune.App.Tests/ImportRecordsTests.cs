using Attune.App.Data;
using Attune.App.Features.Import;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attune.App.Tests;

public sealed class ImportRecordsTests
{
    private static ImportRow Row(long line, params (string Name, string? Value)[] fields) =>
        new(line, fields.ToDictionary(f => f.Name, f => f.Value));

    private static readonly ImportRow[] Generic =
    [
        Row(2, ("external_id", "e-1"), ("conversation_id", "t-1"), ("customer_id", "c-1"), ("text", "Where is my refund?"), ("sent_at", "2025-03-01T10:00:00Z")),
        Row(3, ("external_id", "e-2"), ("conversation_id", "t-1"), ("customer_id", "c-1"), ("text", "Hello?"), ("sent_at", "yesterday-ish")),
        Row(4, ("external_id", "e-3"), ("conversation_id", "t-1"), ("customer_id", "c-1"), ("text", null)),
        Row(5, ("external_id", "e-4"), ("conversation_id", "t-1"), ("author", "agent"), ("text", "Refund sent today."), ("sent_at", "2025-03-01T11:00:00Z")),
    ];

    private static Task<ChunkResult> Import(TestDatabase db, string key, ImportShape shape, IReadOnlyList<ImportRow> rows) =>
        db.WithAsync(async sp =>
        {
            var import = sp.GetRequiredService<ImportRecords>();
            await import.StartAsync(key, CancellationToken.None);
            return await import.ImportChunkAsync(key, shape, "crm", rows, rows[^1].Line, 0, CancellationToken.None);
        });

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task BadRows_AreReportedByLineAndFieldWhileGoodRowsLand(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);

        var result = await Import(db, "file-a", ImportShape.Generic, Generic);

        Assert.Equal(2, result.Imported);
        Assert.Equal([(3L, "sent_at"), (4L, "text")], result.Errors.Select(e => (e.Line, e.Field)).ToArray());
        Assert.Equal(2, await db.WithAsync(sp => sp.GetRequiredService<AttuneDb>().Messages.CountAsync()));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RerunningAnImport_ChangesNothing(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await Import(db, "file-a", ImportShape.Generic, Generic);

        var again = await Import(db, "file-a", ImportShape.Generic, Generic);
        var progress = await db.WithAsync(sp => sp.GetRequiredService<ImportRecords>().StartAsync("file-a", CancellationToken.None));

        Assert.Equal(0, again.Imported);
        Assert.Equal(2, again.Duplicates);
        Assert.Equal(5, progress.LinesDone);
        Assert.Equal(2, await db.WithAsync(sp => sp.GetRequiredService<AttuneDb>().Messages.CountAsync()));
    }

    [Fact]
    public async Task TwitterReplies_AreThreadedIntoOneConversationPerRootTweet()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        ImportRow[] tweets =
        [
            Row(2, ("tweet_id", "1"), ("author_id", "115712"), ("inbound", "True"), ("created_at", "Tue Oct 31 22:10:47 +0000 2017"), ("text", "@sprintcare my phone has no signal"), ("response_tweet_id", "2"), ("in_response_to_tweet_id", null)),
            Row(3, ("tweet_id", "2"), ("author_id", "sprintcare"), ("inbound", "False"), ("created_at", "Tue Oct 31 22:11:45 +0000 2017"), ("text", "@115712 Sorry! Please DM us."), ("response_tweet_id", "3"), ("in_response_to_tweet_id", "1.0")),
            Row(4, ("tweet_id", "3"), ("author_id", "115712"), ("inbound", "True"), ("created_at", "Tue Oct 31 22:14:00 +0000 2017"), ("text", "@sprintcare done"), ("response_tweet_id", null), ("in_response_to_tweet_id", "2")),
            Row(5, ("tweet_id", "9"), ("author_id", "999"), ("inbound", "maybe"), ("created_at", "Tue Oct 31 22:14:00 +0000 2017"), ("text", "x"), ("response_tweet_id", null), ("in_response_to_tweet_id", null)),
        ];

        var result = await Import(db, "twcs", ImportShape.Twitter, tweets);

        Assert.Equal(3, result.Imported);
        Assert.Equal("inbound", Assert.Single(result.Errors).Field);
        var conversation = await db.WithAsync(sp => sp.GetRequiredService<AttuneDb>().Conversations.Include(c => c.Customer).SingleAsync());
        Assert.Equal(3, conversation.MessageCount);
        Assert.Equal("115712", conversation.Customer!.ExternalId);
    }

    [Fact]
    public async Task TwitterRepliesBeforeTheirParents_AreThreadedByTheLinksOfTheWholeFile()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        ImportRow[] tweets =
        [
            Row(2, ("tweet_id", "1"), ("author_id", "sprintcare"), ("inbound", "False"), ("created_at", "Tue Oct 31 22:10:47 +0000 2017"), ("text", "@115712 I would like to assist you."), ("in_response_to_tweet_id", "3.0")),
            Row(3, ("tweet_id", "3"), ("author_id", "115712"), ("inbound", "True"), ("created_at", "Tue Oct 31 22:08:27 +0000 2017"), ("text", "@sprintcare nobody is responding"), ("in_response_to_tweet_id", "4.0")),
            Row(4, ("tweet_id", "4"), ("author_id", "115712"), ("inbound", "True"), ("created_at", "Tue Oct 31 21:54:49 +0000 2017"), ("text", "@sprintcare is the worst customer service"), ("in_response_to_tweet_id", null)),
        ];
        var links = tweets.ToDictionary(t => t.Get("tweet_id")!, t => new TweetLink(ImportRecords.TweetParent(t.Get("in_response_to_tweet_id")), t.Get("author_id")!, t.Get("inbound") == "True"));

        var result = await db.WithAsync(async sp =>
        {
            var import = sp.GetRequiredService<ImportRecords>();
            import.UseTweetLinks(links);
            await import.StartAsync("twcs", CancellationToken.None);
            return await import.ImportChunkAsync("twcs", ImportShape.Twitter, "twitter", tweets, 4, 0, CancellationToken.None);
        });

        Assert.Equal(3, result.Imported);
        var conversation = await db.WithAsync(sp => sp.GetRequiredService<AttuneDb>().Conversations.Include(c => c.Customer).SingleAsync());
        Assert.Equal("4", conversation.ExternalId);
        Assert.Equal("115712", conversation.Customer!.ExternalId);
    }

    [Fact]
    public void TwitterColumns_AreDetected()
    {
        Assert.Equal(ImportShape.Twitter, ImportRecords.Detect(["tweet_id", "author_id", "inbound", "created_at", "text", "response_tweet_id", "in_response_to_tweet_id"]));
        Assert.Equal(ImportShape.Generic, ImportRecords.Detect(["external_id", "text"]));
        Assert.Equal(["text"], ImportRecords.MissingColumns(ImportShape.Generic, ["external_id"]));
    }
}
