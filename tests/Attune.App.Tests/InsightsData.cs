using Attune.App.Data;
using Attune.App.Data.Entities;
using Attune.App.Features.Ingestion;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attune.App.Tests;

/// <summary>Small conversations for the insights tests, written through ingest so they carry readings and coaching.</summary>
internal static class InsightsData
{
    public const string Hollow = "We understand your frustration and we apologise for any inconvenience caused.";
    public const string Acting = "I'm so sorry for your loss. I have closed the account today and I will email you the confirmation by Friday.";
    public const string Resolving = "I've refunded the charge and sent the confirmation to your email.";

    public static DateTimeOffset At(int day, int hour, int minute = 0) => new(2026, 1, day, hour, minute, 0, TimeSpan.Zero);

    public static async Task<IngestedMessage> SayAsync(TestDatabase db, string id, string thread, string customer, DateTimeOffset at, string text,
        string author = "customer", string? agent = null, string? status = null)
    {
        var result = await db.WithAsync(sp => sp.GetRequiredService<IngestMessage>().HandleAsync(
            new IngestMessageRequest("shop", id, text, new CustomerRef(customer, customer.ToUpperInvariant(), Region: "GB"), thread, "email", author,
                at, agent, Status: status), CancellationToken.None));
        Assert.True(result.IsOk, result.Error?.Message);
        return result.Value!;
    }

    public static Task<T> QueryAsync<T>(TestDatabase db, Func<AttuneDb, Task<T>> query) =>
        db.WithAsync(sp => query(sp.GetRequiredService<AttuneDb>()));

    public static Task<Message> MessageAsync(TestDatabase db, long id) =>
        QueryAsync(db, d => d.Messages.AsNoTracking().SingleAsync(m => m.Id == id));

    public static Task<Conversation> ConversationAsync(TestDatabase db, long id) =>
        QueryAsync(db, d => d.Conversations.AsNoTracking().SingleAsync(c => c.Id == id));

    /// <summary>Two conversations on 4 January: a bereaved customer answered in 30 minutes with a reply that acts, thanked and
    /// resolved; an upset customer answered after 2 hours with a hollow reply, still open. One more on 1 January.</summary>
    public static async Task<(long Bereaved, long Upset, long Old)> TwoStoriesAsync(TestDatabase db)
    {
        var a = await SayAsync(db, "a-1", "a", "c-1", At(4, 8), "My husband passed away last month and I need to close his account. I am heartbroken.");
        await SayAsync(db, "a-2", "a", "c-1", At(4, 8, 30), Acting, "agent", "tom@example.com");
        await SayAsync(db, "a-3", "a", "c-1", At(4, 9), "Thank you so much, that really helps. You have been very kind.");
        await SayAsync(db, "a-4", "a", "c-1", At(4, 9, 10), Resolving, "agent", "tom@example.com", status: "resolved");
        var b = await SayAsync(db, "b-1", "b", "c-2", At(4, 10), "My parcel has not arrived and I am upset.");
        await SayAsync(db, "b-2", "b", "c-2", At(4, 12), Hollow, "agent", "sam@example.com");
        await SayAsync(db, "b-3", "b", "c-2", At(4, 12, 30), "This is useless. I am furious, nobody helps me.");
        var old = await SayAsync(db, "o-1", "o", "c-3", At(1, 10), "How do I change my address?");
        await SayAsync(db, "o-2", "o", "c-3", At(1, 10, 5), "I have changed it for you.", "agent", "sam@example.com", status: "closed");
        return (a.ConversationId, b.ConversationId, old.ConversationId);
    }
}
