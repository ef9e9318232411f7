using Attune.App.Data;
using Attune.App.Data.Entities;
using Attune.App.Features.Ingestion;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attune.App.Tests;

public sealed class IngestMessageTests
{
    private static IngestMessageRequest Message(string id, string thread = "t-1", string text = "My parcel has not arrived and I am upset.", string author = "customer") =>
        new("shop", id, text, new CustomerRef("c-1", "Ada", "ada@example.com", Region: "GB"), thread, "email", author);

    private static Task<Result> Ingest(TestDatabase db, IngestMessageRequest request) =>
        db.WithAsync(async sp =>
        {
            var r = await sp.GetRequiredService<IngestMessage>().HandleAsync(request, CancellationToken.None);
            return new Result(r.Value, r.Error?.Field);
        });

    private sealed record Result(IngestedMessage? Message, string? Field);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RetryWithSameExternalId_StoresOnceAndReturnsTheStoredMessage(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);

        var first = await Ingest(db, Message("m-1"));
        var retry = await Ingest(db, Message("m-1"));

        Assert.True(first.Message!.Created);
        Assert.False(retry.Message!.Created);
        Assert.Equal(first.Message.MessageId, retry.Message.MessageId);
        Assert.NotNull(retry.Message.Reading);
        Assert.Equal(1, await db.WithAsync(sp => sp.GetRequiredService<AttuneDb>().Messages.CountAsync()));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ConcurrentIngestsIntoOneConversation_AllStoredOnceAndCounted(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);

        // 24 distinct messages, each sent twice at once (a client retrying), all into one new conversation.
        var tasks = Enumerable.Range(0, 48).Select(i => Task.Run(() => Ingest(db, Message($"m-{i % 24}")))).ToArray();
        var results = await Task.WhenAll(tasks);

        Assert.All(results, r => Assert.NotNull(r.Message));
        Assert.Equal(24, results.Count(r => r.Message!.Created));
        var (messages, conversations, count) = await db.WithAsync(async sp =>
        {
            var d = sp.GetRequiredService<AttuneDb>();
            return (await d.Messages.CountAsync(), await d.Conversations.CountAsync(), await d.Conversations.Select(c => c.MessageCount).SingleAsync());
        });
        Assert.Equal(24, messages);
        Assert.Equal(1, conversations);
        Assert.Equal(24, count);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task CustomerMessageAfterResolution_ReopensTheConversation(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var first = await Ingest(db, Message("m-1"));
        await Ingest(db, Message("m-2", author: "agent", text: "Sorry, a new parcel is on its way."));
        Assert.Equal("pending", (await Ingest(db, Message("m-2"))).Message!.Status);
        await db.WithAsync(sp => sp.GetRequiredService<AttuneDb>().Conversations
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, ConversationStatus.Resolved)));

        var reply = await Ingest(db, Message("m-3", text: "It still has not come."));

        Assert.Equal(first.Message!.ConversationId, reply.Message!.ConversationId);
        Assert.Equal("open", reply.Message.Status);
    }

    [Theory]
    [InlineData("", "source")]
    [InlineData("no-id", "externalId")]
    [InlineData("no-text", "text")]
    [InlineData("long-text", "text")]
    [InlineData("bad-channel", "channel")]
    public async Task InvalidMessage_IsRefusedNamingTheField(string kind, string field)
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        var ok = Message("m-1");
        var request = kind switch
        {
            "" => ok with { Source = " " },
            "no-id" => ok with { ExternalId = null },
            "no-text" => ok with { Text = null },
            "long-text" => ok with { Text = new string('a', IngestLimits.MaxTextLength + 1) },
            _ => ok with { Channel = "pigeon" },
        };

        var result = await Ingest(db, request);

        Assert.Null(result.Message);
        Assert.Equal(field, result.Field);
        Assert.Equal(0, await db.WithAsync(sp => sp.GetRequiredService<AttuneDb>().Messages.CountAsync()));
    }

    [Fact]
    public async Task NewConversationWithoutCustomer_IsRefusedNamingCustomerId()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");

        var result = await Ingest(db, Message("m-1") with { Customer = null });

        Assert.Equal("customer.externalId", result.Field);
    }
}
