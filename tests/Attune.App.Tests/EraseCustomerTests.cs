using Attune.App.Common;
using Attune.App.Data;
using Attune.App.Data.Entities;
using Attune.App.Features.Customers;
using Attune.App.Features.Ingestion;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Attune.App.Tests.SessionsTests;

namespace Attune.App.Tests;

public sealed class EraseCustomerTests
{
    private static Task<IngestedMessage> SayAsync(TestDatabase db, string id, string thread, string customer, string text) =>
        db.WithAsync(async sp => (await sp.GetRequiredService<IngestMessage>().HandleAsync(
            new IngestMessageRequest("shop", id, text, new CustomerRef(customer, "Name of " + customer), ConversationId: thread), CancellationToken.None)).Value!);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Erasing_RemovesTheCustomerAndAllTheirConversations_AndNobodyElses(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var first = await SayAsync(db, "m-1", "t-1", "c-1", "My husband passed away and I need to close his account.");
        await SayAsync(db, "m-2", "t-1", "c-1", "Is anyone there? It has been a week.");
        await SayAsync(db, "m-3", "t-2", "c-1", "A second question about my own account.");
        var other = await SayAsync(db, "m-4", "t-3", "c-2", "Where is my parcel?");
        var customer = await db.WithAsync(async sp =>
        {
            var ctx = sp.GetRequiredService<AttuneDb>();
            var c = await ctx.Customers.SingleAsync(x => x.ExternalId == "c-1");
            ctx.Needs.Add(new RecordedNeed { CustomerId = c.Id, Kind = "vulnerability", Note = "Recently bereaved", Consent = true });
            ctx.Alerts.Add(new Alert { Kind = "escalated", ConversationId = first.ConversationId, Message = "Bereaved customer waiting" });
            ctx.Alerts.Add(new Alert { Kind = "escalated", ConversationId = other.ConversationId, Message = "Parcel" });
            await ctx.SaveChangesAsync();
            return c.Id;
        });

        var erased = await db.WithAsync(sp => sp.GetRequiredService<EraseCustomer>().HandleAsync(customer, "admin@example.com", CancellationToken.None));
        var again = await db.WithAsync(sp => sp.GetRequiredService<EraseCustomer>().HandleAsync(customer, "admin@example.com", CancellationToken.None));

        Assert.Equal(new Erased(customer, 2, 3, 1, 1), erased.Value);
        Assert.Equal(ErrorKind.NotFound, again.Error!.Kind);
        var left = await db.WithAsync(async sp =>
        {
            var ctx = sp.GetRequiredService<AttuneDb>();
            return (Customers: await ctx.Customers.Select(c => c.ExternalId).ToListAsync(),
                Messages: await ctx.Messages.Select(m => m.ExternalId).ToListAsync(),
                Needs: await ctx.Needs.CountAsync(),
                Alerts: await ctx.Alerts.Select(a => a.ConversationId).ToListAsync());
        });
        Assert.Equal(["c-2"], left.Customers);
        Assert.Equal(["m-4"], left.Messages);
        Assert.Equal(0, left.Needs);
        Assert.Equal([other.ConversationId], left.Alerts);
        Assert.Contains("customer.erased", await AuditAsync(db));

        // Should the customer write again, they start afresh.
        var back = await SayAsync(db, "m-1", "t-1", "c-1", "Hello again.");
        Assert.True(back.Created);
        Assert.NotEqual(first.ConversationId, back.ConversationId);
    }
}
