using Attune.App.Data;
using Attune.App.Data.Entities;
using Attune.App.Features.Alerts;
using Attune.App.Features.Webhooks;
using Attune.App.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Attune.App.Tests.ConversationRouterTests;

namespace Attune.App.Tests;

public sealed class SlaWatcherTests
{
    private static Task<int> WatchAsync(TestDatabase db) =>
        db.WithAsync(sp => sp.GetRequiredService<SlaWatcher>().RunOnceAsync(CancellationToken.None));

    private static Task<T> QueryAsync<T>(TestDatabase db, Func<AttuneDb, Task<T>> query) =>
        db.WithAsync(sp => query(sp.GetRequiredService<AttuneDb>()));

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task FirstReplyAtRisk_EscalatesOnceAndTellsTheLead(string provider)
    {
        await using var db = await WithAgentsAsync(provider);
        await db.WithAsync(sp => sp.GetRequiredService<Webhooks>().CreateAsync(
            new NewWebhook("https://hooks.example.com/attune", [WebhookEvents.ConversationEscalated], "a-receiver-secret-of-some-length"), "admin@example.com", CancellationToken.None));
        var said = await SayAsync(db, "m-1", "My husband passed away last month and I need to close his account.");
        await RouteAsync(db);
        Assert.Equal(0, await WatchAsync(db));

        // Care: first reply within 1h of office time; at risk after 45 minutes with nobody answering.
        db.Clock.Advance(TimeSpan.FromMinutes(50));
        Assert.Equal(1, await WatchAsync(db));
        Assert.Equal(0, await WatchAsync(db));

        var c = await GetAsync(db, said.ConversationId);
        Assert.Equal("urgent", c.Priority);
        Assert.True(c.Routing!.Escalated);
        var alert = Assert.Single(await db.WithAsync(sp => sp.GetRequiredService<LeadAlerts>().RecentAsync(10, CancellationToken.None)));
        Assert.Equal(LeadAlerts.Escalated, alert.Kind);
        Assert.Equal(said.ConversationId, alert.ConversationId);
        Assert.Equal(1, await QueryAsync(db, d => d.WebhookDeliveries.CountAsync(w => w.Event == WebhookEvents.ConversationEscalated)));
        Assert.Equal(1, await QueryAsync(db, d => d.AuditEvents.CountAsync(a => a.Action == "conversation.escalated")));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task LongFix_GetsStatusUpdateOnTheCadence(string provider)
    {
        await using var db = await WithAgentsAsync(provider);
        var said = await SayAsync(db, "m-1", "Our website is down and we cannot take any payments. Total outage, we are losing sales every minute.");
        await RouteAsync(db);
        db.Clock.Advance(TimeSpan.FromMinutes(5));
        await QueryAsync(db, d =>
        {
            d.Messages.Add(new Message
            {
                Source = "shop",
                ExternalId = "a-1",
                ConversationId = said.ConversationId,
                Author = Author.Agent,
                Text = "We are on it.",
                SentAt = db.Clock.GetUtcNow(),
                ReceivedAt = db.Clock.GetUtcNow(),
            });
            return d.SaveChangesAsync();
        });
        Task<int> UpdatesAsync() => QueryAsync(db, d => d.Messages.CountAsync(m => m.ConversationId == said.ConversationId && m.Author == Author.System));

        // Critical SLA: an update every hour after the last reply.
        db.Clock.Advance(TimeSpan.FromMinutes(59));
        await WatchAsync(db);
        Assert.Equal(0, await UpdatesAsync());
        db.Clock.Advance(TimeSpan.FromMinutes(2));
        await WatchAsync(db);
        Assert.Equal(1, await UpdatesAsync());
        await WatchAsync(db);
        Assert.Equal(1, await UpdatesAsync());
        db.Clock.Advance(TimeSpan.FromMinutes(61));
        await WatchAsync(db);
        Assert.Equal(2, await UpdatesAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task LoadStayingHigh_RaisesLeadAlert(string provider)
    {
        await using var db = await WithAgentsAsync(provider);
        await QueryAsync(db, async d =>
        {
            var tom = await d.Agents.SingleAsync(a => a.Email == "tom@example.com");
            tom.Load = 40;
            tom.LoadAt = db.Clock.GetUtcNow();
            return await d.SaveChangesAsync();
        });
        await WatchAsync(db);
        Assert.Empty(await QueryAsync(db, d => d.Alerts.Where(a => a.Kind == LeadAlerts.AgentLoad).ToListAsync()));

        db.Clock.Advance(TimeSpan.FromMinutes(21));
        await WatchAsync(db);
        await WatchAsync(db);

        var alert = Assert.Single(await QueryAsync(db, d => d.Alerts.Where(a => a.Kind == LeadAlerts.AgentLoad).ToListAsync()));
        Assert.Contains("Tom Trained", alert.Message, StringComparison.Ordinal);
    }
}
