using Attune.App.Data;
using Attune.App.Features.Conversations;
using Attune.App.Features.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Attune.App.Tests.ConversationRouterTests;

namespace Attune.App.Tests;

public sealed class InboxQueriesTests
{
    private const string Bereaved = "My husband passed away last month and I need to close his account. I don't know what to do.";

    private static Task<InboxView> InboxAsync(TestDatabase db, InboxFilter filter, Viewer viewer) =>
        db.WithAsync(async sp => (await sp.GetRequiredService<InboxQueries>().QueueAsync(filter, viewer, CancellationToken.None)).Value!);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task VulnerabilityDetails_OnlyForTrainedAgentsAndLeads(string provider)
    {
        await using var db = await WithAgentsAsync(provider);
        var said = await SayAsync(db, "m-1", Bereaved);

        var untrained = Assert.Single((await InboxAsync(db, new InboxFilter(), ConversationCommandsTests.Una)).Rows);
        var trained = Assert.Single((await InboxAsync(db, new InboxFilter(), ConversationCommandsTests.Tom)).Rows);
        var lead = Assert.Single((await InboxAsync(db, new InboxFilter(), ConversationCommandsTests.Lead)).Rows);

        Assert.True(untrained.Vulnerable);
        Assert.Null(untrained.VulnerabilityDetails);
        Assert.Contains("bereavement", trained.VulnerabilityDetails!);
        Assert.Contains("bereavement", lead.VulnerabilityDetails!);
        Assert.Equal(said.ConversationId, trained.Id);
        Assert.Equal("c-1", trained.Customer);
        Assert.NotNull(trained.Emotion);
        Assert.NotNull(trained.EffortLevel);
        var audited = await db.WithAsync(sp => sp.GetRequiredService<Audit>().RecentAsync(50, CancellationToken.None));
        Assert.Equal(2, audited.Count(a => a.Action == "vulnerability.viewed" && a.Subject == "inbox"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RoutedConversations_ShowDeskQueuesMineAndTheFirstReplyDeadline(string provider)
    {
        await using var db = await WithAgentsAsync(provider);
        var bereaved = await SayAsync(db, "m-1", Bereaved, "c-1");
        var routine = await SayAsync(db, "m-2", "How do I change the email address on my account?", "c-2");
        await RouteAsync(db);

        var tom = await InboxAsync(db, new InboxFilter(Mine: true), ConversationCommandsTests.Tom);
        var care = await InboxAsync(db, new InboxFilter(Desk: "Care"), ConversationCommandsTests.Lead);

        var row = Assert.Single(tom.Rows);
        Assert.Equal(bereaved.ConversationId, row.Id);
        Assert.Equal("Tom Trained", tom.Agent);
        Assert.Equal(1, tom.Mine);
        Assert.Equal("first reply", row.SlaKind);
        Assert.NotNull(row.SlaDue);
        Assert.Equal("Care", row.Desk);
        Assert.Contains(care.Rows, r => r.Id == bereaved.ConversationId);
        Assert.DoesNotContain(care.Rows, r => r.Id == routine.ConversationId);
        Assert.Equal(1, care.Desks.Single(d => d.Desk == "Care").Count);
    }

    [Fact]
    public async Task AfterAReply_TheDeadlineIsTheResolution()
    {
        await using var db = await WithAgentsAsync("sqlite");
        var said = await SayAsync(db, "m-1", "Where is my parcel? It was due on Monday.");
        await RouteAsync(db);
        await db.WithAsync(sp => sp.GetRequiredService<ConversationCommands>().ReplyAsync(said.ConversationId,
            new ReplyRequest("I've asked the courier and will update you by 5pm today."), ConversationCommandsTests.Tom, CancellationToken.None));

        var row = Assert.Single((await InboxAsync(db, new InboxFilter(), ConversationCommandsTests.Tom)).Rows);

        Assert.True(row.Replied);
        Assert.Equal("resolution", row.SlaKind);
        Assert.Equal("pending", row.Status);
    }

    [Fact]
    public async Task SortByUrgency_PutsTheMostUrgentFirst_AndFiltersNarrow()
    {
        await using var db = await WithAgentsAsync("sqlite");
        await SayAsync(db, "m-1", "How do I change the email address on my account?", "c-1");
        var outage = await SayAsync(db, "m-2", "Our website is down and we cannot take any payments. Total outage, we are losing sales every minute.", "c-2");
        var bereaved = await SayAsync(db, "m-3", Bereaved, "c-3");

        var byUrgency = await InboxAsync(db, new InboxFilter(Sort: "urgency"), ConversationCommandsTests.Lead);
        var vulnerable = await InboxAsync(db, new InboxFilter(Vulnerable: true), ConversationCommandsTests.Lead);
        var newest = await InboxAsync(db, new InboxFilter(Sort: "newest"), ConversationCommandsTests.Lead);

        Assert.Equal(outage.ConversationId, byUrgency.Rows[0].Id);
        Assert.Equal(bereaved.ConversationId, Assert.Single(vulnerable.Rows).Id);
        Assert.Equal(3, newest.Rows.Count);
    }

    [Theory]
    [InlineData("sort", "cheapest")]
    [InlineData("status", "done")]
    [InlineData("urgency", "extreme")]
    public async Task BadFilter_IsRefusedNamingTheField(string field, string value)
    {
        await using var db = await WithAgentsAsync("sqlite");
        var filter = field switch
        {
            "sort" => new InboxFilter(Sort: value),
            "status" => new InboxFilter(Status: value),
            _ => new InboxFilter(Urgency: value),
        };

        var result = await db.WithAsync(sp => sp.GetRequiredService<InboxQueries>().QueueAsync(filter, ConversationCommandsTests.Lead, CancellationToken.None));

        Assert.Equal(field, result.Error!.Field);
    }

    [Fact]
    public async Task ViewerWithoutAgent_HasAnEmptyMineQueue()
    {
        await using var db = await WithAgentsAsync("sqlite");
        await SayAsync(db, "m-1", "Where is my parcel?");
        await db.WithAsync(sp => sp.GetRequiredService<AttuneDb>().Conversations.ExecuteUpdateAsync(s => s.SetProperty(c => c.AssigneeId, (long?)1)));

        var mine = await InboxAsync(db, new InboxFilter(Mine: true), new Viewer("admin@example.com", [Roles.Admin]));

        Assert.Empty(mine.Rows);
        Assert.Null(mine.Agent);
        Assert.True(mine.MaySeeVulnerability);
    }
}
