using Attune.App.Data.Entities;
using Attune.App.Features.Ingestion;
using Microsoft.Extensions.DependencyInjection;
using static Attune.App.Tests.InsightsData;

namespace Attune.App.Tests;

/// <summary>Agent replies are assessed by the coach when stored; conversations keep first reply and resolution times.</summary>
public sealed class ReplyCoachingTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AgentReplies_CarryTheirAssessmentAgainstTheCustomerMessage(string provider)
    {
        await using var db = await ConversationRouterTests.WithAgentsAsync(provider);
        var (bereaved, upset, _) = await TwoStoriesAsync(db);

        var customer = await MessageAsync(db, (await SayAsync(db, "a-1", "a", "c-1", At(4, 8), "again")).MessageId);
        Assert.Null(customer.EmpathyScore);
        Assert.Null(customer.Hollow);

        var messages = await QueryAsync(db, d => Task.FromResult(d.Messages.Where(m => m.Author == Author.Agent).OrderBy(m => m.SentAt).ToList()));
        var acting = messages.Single(m => m.ExternalId == "a-2");
        var hollow = messages.Single(m => m.ExternalId == "b-2");
        Assert.Equal(bereaved, acting.ConversationId);
        Assert.Equal(upset, hollow.ConversationId);
        Assert.True(acting.HasAction);
        Assert.False(acting.Hollow);
        Assert.True(hollow.Hollow);
        Assert.False(hollow.HasAction);
        Assert.Contains("HollowEmpathy", hollow.CoachingFlags, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(hollow.CoachingTip));
        Assert.True(acting.EmpathyScore > hollow.EmpathyScore, $"acting {acting.EmpathyScore} vs hollow {hollow.EmpathyScore}");
        Assert.NotNull(acting.AgentId);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ReplyInStoredConversation_IsAssessedAgainstTheStoredCustomerMessage(string provider)
    {
        await using var db = await ConversationRouterTests.WithAgentsAsync(provider);
        await SayAsync(db, "a-1", "a", "c-1", At(4, 8), "My husband passed away last month and I need to close his account.");
        // A separate ingest: the writer finds the customer's message in the database, not in its batch.
        var reply = await SayAsync(db, "a-2", "a", "c-1", At(4, 8, 20), "Great news! Have you seen our premium upgrade offer?", "agent", "tom@example.com");

        var stored = await MessageAsync(db, reply.MessageId);
        Assert.NotNull(stored.EmpathyScore);
        Assert.Contains("ToneMismatch", stored.CoachingFlags ?? "", StringComparison.Ordinal);
        Assert.True(stored.EmpathyScore < 50);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Conversation_KeepsFirstReplyResolutionAndFirstSentiment(string provider)
    {
        await using var db = await ConversationRouterTests.WithAgentsAsync(provider);
        var (bereaved, upset, old) = await TwoStoriesAsync(db);

        var a = await ConversationAsync(db, bereaved);
        Assert.Equal(At(4, 8, 30), a.FirstReplyAt);
        Assert.Equal(At(4, 9, 10), a.ResolvedAt);
        Assert.Equal(ConversationStatus.Resolved, a.Status);
        Assert.Equal(2, a.CustomerMessages);
        Assert.NotNull(a.FirstCompound);
        Assert.True(a.LastCompound > a.FirstCompound);

        var b = await ConversationAsync(db, upset);
        Assert.Equal(At(4, 12), b.FirstReplyAt);
        Assert.Null(b.ResolvedAt);
        Assert.Equal(ConversationStatus.Open, b.Status);
        Assert.Equal(At(1, 10, 5), (await ConversationAsync(db, old)).ResolvedAt);

        // The customer writes again: the conversation reopens and is no longer resolved; the first reply stays.
        await SayAsync(db, "a-5", "a", "c-1", At(5, 8), "Sorry, one more question about the final bill.");
        a = await ConversationAsync(db, bereaved);
        Assert.Equal(ConversationStatus.Open, a.Status);
        Assert.Null(a.ResolvedAt);
        Assert.Equal(At(4, 8, 30), a.FirstReplyAt);
        Assert.Equal(3, a.CustomerMessages);
    }

    [Fact]
    public async Task UnknownStatus_IsRejectedNamingTheField()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        var result = await db.WithAsync(sp => sp.GetRequiredService<IngestMessage>().HandleAsync(
            new IngestMessageRequest("shop", "m-1", "hello", new CustomerRef("c-1"), Status: "done"), CancellationToken.None));
        Assert.Equal("status", result.Error?.Field);
    }
}
