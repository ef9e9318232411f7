using Attune.App.Features.Security;
using Microsoft.Extensions.DependencyInjection;

namespace Attune.App.Tests;

public sealed class AuditTests
{
    private static async Task<TestDatabase> WithEventsAsync(string provider)
    {
        var db = await TestDatabase.CreateAsync(provider);
        await db.WithAsync(async sp =>
        {
            var audit = sp.GetRequiredService<Audit>();
            await audit.RecordAsync("noor@example.com", "signin.succeeded", "user:1", "127.0.0.1", CancellationToken.None);
            await audit.RecordAsync("Lena@Example.com", "vulnerability.viewed", "customer:7", null, CancellationToken.None);
            await audit.RecordAsync("lena@example.com", "need.recorded", "customer:7", "bereavement", CancellationToken.None);
            await audit.RecordAsync("apikey:connector", "conversation.assigned", "conversation:3", null, CancellationToken.None);
            await audit.RecordAsync("noor@example.com", "signin.failed", "user:1", "127.0.0.1", CancellationToken.None);
            return 0;
        });
        return db;
    }

    private static Task<AuditPage> SearchAsync(TestDatabase db, string? what, string? who, long? before = null, int take = 100) =>
        db.WithAsync(sp => sp.GetRequiredService<Audit>().SearchAsync(what, who, before, take, CancellationToken.None));

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ACategory_CoversEachOfItsPrefixes_NewestFirst(string provider)
    {
        await using var db = await WithEventsAsync(provider);

        var vulnerability = await SearchAsync(db, "vulnerability", null);
        var signins = await SearchAsync(db, "signin", null);
        var byPrefix = await SearchAsync(db, "conversation.", null);

        Assert.Equal(["need.recorded", "vulnerability.viewed"], vulnerability.Events.Select(e => e.Action));
        Assert.Equal(["signin.failed", "signin.succeeded"], signins.Events.Select(e => e.Action));
        Assert.Equal(["conversation.assigned"], byPrefix.Events.Select(e => e.Action));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Who_MatchesPartOfTheActorWhateverTheCase(string provider)
    {
        await using var db = await WithEventsAsync(provider);

        var lena = await SearchAsync(db, null, "LENA");
        var both = await SearchAsync(db, "vulnerability", "lena@");

        Assert.Equal(2, lena.Events.Count);
        Assert.Equal(2, both.Events.Count);
        Assert.Empty((await SearchAsync(db, "keys", "lena")).Events);
    }

    [Fact]
    public async Task Pages_FollowOneAnotherWithoutGapOrRepeat()
    {
        await using var db = await WithEventsAsync("sqlite");

        var first = await SearchAsync(db, null, null, take: 2);
        var second = await SearchAsync(db, null, null, first.Before, take: 2);
        var third = await SearchAsync(db, null, null, second.Before, take: 2);

        Assert.Equal(5, first.Events.Concat(second.Events).Concat(third.Events).Select(e => e.Id).Distinct().Count());
        Assert.NotNull(second.Before);
        Assert.Single(third.Events);
        Assert.Null(third.Before);
        Assert.True(first.Events[0].Id > first.Events[1].Id);
    }
}
