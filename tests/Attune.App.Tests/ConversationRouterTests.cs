using Attune.App.Data;
using Attune.App.Data.Entities;
using Attune.App.Features.Conversations;
using Attune.App.Features.Ingestion;
using Attune.App.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attune.App.Tests;

public sealed class ConversationRouterTests
{
    internal static async Task<TestDatabase> WithAgentsAsync(string provider)
    {
        var db = await TestDatabase.CreateAsync(provider);
        await db.WithAsync(async sp =>
        {
            var ctx = sp.GetRequiredService<AttuneDb>();
            var care = new Desk { Name = "Care" };
            var support = new Desk { Name = "Support" };
            ctx.Agents.AddRange(
                new Agent { Name = "Una Untrained", Email = "una@example.com", Desk = care },
                new Agent { Name = "Tom Trained", Email = "tom@example.com", Desk = care, VulnerabilityTrained = true },
                new Agent { Name = "Sam Support", Email = "sam@example.com", Desk = support, ExtraDesks = "Priority" });
            return await ctx.SaveChangesAsync();
        });
        return db;
    }

    internal static Task<IngestedMessage> SayAsync(TestDatabase db, string id, string text, string customer = "c-1") =>
        db.WithAsync(async sp => (await sp.GetRequiredService<IngestMessage>().HandleAsync(
            new IngestMessageRequest("shop", id, text, new CustomerRef(customer), Channel: "email"), CancellationToken.None)).Value!);

    internal static Task<int> RouteAsync(TestDatabase db) =>
        db.WithAsync(sp => sp.GetRequiredService<ConversationRouter>().RunOnceAsync(CancellationToken.None));

    internal static Task<ConversationSummary> GetAsync(TestDatabase db, long id) =>
        db.WithAsync(async sp => (await sp.GetRequiredService<ConversationQueries>().GetAsync(id, "test", CancellationToken.None)).Value!.Conversation);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Bereavement_RoutesToCareWithTrainedAgent(string provider)
    {
        await using var db = await WithAgentsAsync(provider);
        var said = await SayAsync(db, "m-1", "My husband passed away last month and I need to close his account. I don't know what to do.");

        Assert.Equal(1, await RouteAsync(db));

        var c = await GetAsync(db, said.ConversationId);
        Assert.Equal("Care", c.Desk);
        Assert.Equal("Tom Trained", c.Assignee);
        Assert.NotNull(c.Routing);
        Assert.True(c.Routing.NeedsTrainedAgent);
        Assert.Equal("bereavement", c.Routing.Playbook);
        Assert.Contains("Care", c.Routing.Explanation, StringComparison.Ordinal);
        Assert.NotNull(c.Routing.FirstReplyDue);
        Assert.Equal(0, await RouteAsync(db));
        var care = await db.WithAsync(sp => sp.GetRequiredService<ConversationQueries>().ListAsync(new ConversationFilter(Desk: "Care"), CancellationToken.None));
        Assert.Equal(said.ConversationId, Assert.Single(care.Value!.Items).Id);
        var tom = await db.WithAsync(sp => sp.GetRequiredService<AttuneDb>().Agents.SingleAsync(a => a.Email == "tom@example.com"));
        Assert.True(tom.Load > 0);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task CriticalUrgency_GetsTopPriority(string provider)
    {
        await using var db = await WithAgentsAsync(provider);
        var routine = await SayAsync(db, "m-1", "How do I change the email address on my account?", "c-1");
        var critical = await SayAsync(db, "m-2", "Our website is down and we cannot take any payments. Total outage, we are losing sales every minute.", "c-2");

        Assert.Equal(2, await RouteAsync(db));

        var c = await GetAsync(db, critical.ConversationId);
        Assert.Equal("urgent", c.Priority);
        Assert.NotEqual("urgent", (await GetAsync(db, routine.ConversationId)).Priority);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task NewCustomerMessage_IsRoutedAgain(string provider)
    {
        await using var db = await WithAgentsAsync(provider);
        var first = await SayAsync(db, "m-1", "How do I change the email address on my account?");
        Assert.Equal(1, await RouteAsync(db));
        db.Clock.Advance(TimeSpan.FromMinutes(5));
        await db.WithAsync(sp => sp.GetRequiredService<IngestMessage>().HandleAsync(
            new IngestMessageRequest("shop", "m-2", "My father died yesterday and this was his account.", new CustomerRef("c-1"),
                ConversationId: null, Channel: "email"), CancellationToken.None));

        await RouteAsync(db);

        var all = await db.WithAsync(sp => sp.GetRequiredService<AttuneDb>().Conversations.AsNoTracking().ToListAsync());
        Assert.All(all, c => Assert.NotNull(c.RoutedAt));
        Assert.Contains(all, c => c.NeedsTrainedAgent);
        Assert.True(first.ConversationId > 0);
    }
}
