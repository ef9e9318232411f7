using Attune.App.Data;
using Attune.App.Features.Ingestion;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attune.App.Tests;

public sealed class IngestWriterTests
{
    private static IngestMessageRequest Message(int id, string? customer = "c-1") =>
        new("shop", $"m-{id}", $"Message {id}: my parcel has not arrived.", customer is null ? null : new CustomerRef(customer), $"t-{id % 5}", "email");

    private static async Task<IngestedMessage?[]> IngestAllAsync(IServiceProvider services, IEnumerable<IngestMessageRequest> requests) =>
        await Task.WhenAll(requests.Select(r => Task.Run(async () =>
        {
            await using var scope = services.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<IngestMessage>().HandleAsync(r, CancellationToken.None);
            return result.Value;
        })));

    private static async Task<(int Messages, int Counted)> StoredAsync(TestDatabase db) => await db.WithAsync(async sp =>
    {
        var d = sp.GetRequiredService<AttuneDb>();
        return (await d.Messages.CountAsync(), await d.Conversations.SumAsync(c => c.MessageCount));
    });

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ManyConcurrentIngestsWithDuplicates_EachStoredOnce(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);

        // 60 messages into 5 new conversations, each sent three times at once: batches hold duplicates of each other.
        var results = await IngestAllAsync(db.Services, Enumerable.Range(0, 180).Select(i => Message(i % 60)));

        Assert.All(results, Assert.NotNull);
        Assert.Equal(60, results.Count(r => r!.Created));
        Assert.All(results.GroupBy(r => r!.MessageId), g => Assert.Equal(3, g.Count()));
        Assert.Equal((60, 60), await StoredAsync(db));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ItemRefusedInsideABatch_DoesNotFailTheOthers(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);

        // m-100 starts a conversation but names no customer: only the writer can tell, so it is refused inside a batch.
        var requests = Enumerable.Range(0, 40).Select(i => Message(i))
            .Append(Message(100, customer: null) with { ConversationId = "t-new" });
        var results = await db.WithAsync(async sp =>
            await Task.WhenAll(requests.Select(r => sp.GetRequiredService<IngestMessage>().HandleAsync(r, CancellationToken.None))));

        Assert.Equal("customer.externalId", Assert.Single(results, r => !r.IsOk).Error!.Field);
        Assert.Equal(40, results.Count(r => r.IsOk && r.Value!.Created));
        Assert.Equal((40, 40), await StoredAsync(db));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TwoNodesIngestingTheSameMessages_StoreEachOnce(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var other = db.OtherNode();

        // Both nodes batch the same 50 messages: their batches collide on the unique indexes and fall back item by item.
        var requests = Enumerable.Range(0, 50).Select(i => Message(i)).ToList();
        var results = await Task.WhenAll(IngestAllAsync(db.Services, requests), IngestAllAsync(other, requests));

        var all = results.SelectMany(r => r).ToList();
        Assert.All(all, Assert.NotNull);
        Assert.Equal(50, all.Count(r => r!.Created));
        Assert.Equal((50, 50), await StoredAsync(db));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task NewCustomersMetByBothWritersAtOnce_StoredOnceAndEveryConversationIsTheirs(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);

        // 30 new customers with 4 threads each, all at once: threads hash to different writers (and batches), which
        // meet the same new customer and must share its one row.
        var requests = Enumerable.Range(0, 240).Select(i =>
            new IngestMessageRequest("shop", $"m-{i}", "Where is my parcel?", new CustomerRef($"c-{i % 30}"), $"t-{i % 120}", "email")).ToList();
        var results = await IngestAllAsync(db.Services, requests);

        var stored = await db.WithAsync(async sp =>
        {
            var d = sp.GetRequiredService<AttuneDb>();
            return (Customers: await d.Customers.ToDictionaryAsync(c => c.Id, c => c.ExternalId),
                Threads: await d.Conversations.ToDictionaryAsync(c => c.Id, c => (c.ExternalId, c.CustomerId)));
        });
        Assert.Equal(30, stored.Customers.Count);
        Assert.Equal(120, stored.Threads.Count);
        for (var i = 0; i < requests.Count; i++)
        {
            var r = results[i]!;
            Assert.Equal((requests[i].ConversationId, r.CustomerId), stored.Threads[r.ConversationId]);
            Assert.Equal(requests[i].Customer!.ExternalId, stored.Customers[r.CustomerId]);
        }
    }
}
