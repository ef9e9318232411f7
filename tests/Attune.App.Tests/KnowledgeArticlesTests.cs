using Attune.App.Features.Knowledge;
using Microsoft.Extensions.DependencyInjection;
using static Attune.App.Tests.ConversationRouterTests;

namespace Attune.App.Tests;

public sealed class KnowledgeArticlesTests
{
    private static readonly string[] Articles =
    [
        "# Reset your password\n\nTo reset your password, open Settings, choose Security and press 'Reset password'.",
        "# Change your delivery address\n\nOpen Orders, pick the order and choose 'Change address' before it ships.",
        "# Download an invoice\n\nInvoices are under Billing; press 'Download PDF' next to the month you need.",
    ];

    private static async Task<TestDatabase> WithArticlesAsync(string provider)
    {
        var db = await WithAgentsAsync(provider);
        foreach (var markdown in Articles)
        {
            var saved = await db.WithAsync(sp => sp.GetRequiredService<KnowledgeArticles>().SaveAsync(new NewArticle(null, markdown), "admin", CancellationToken.None));
            Assert.True(saved.IsOk);
        }
        return db;
    }

    private static async Task<SelfServiceView> AskAsync(TestDatabase db, string text) =>
        (await db.WithAsync(sp => sp.GetRequiredService<KnowledgeArticles>().SelfServiceAsync(text, CancellationToken.None))).Value!;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RoutineQuestion_GetsBestArticleAndHandoff(string provider)
    {
        await using var db = await WithArticlesAsync(provider);

        var answer = await AskAsync(db, "How do I reset my password?");

        Assert.True(answer.SelfService);
        Assert.Equal("reset-your-password", answer.Articles[0].Id);
        Assert.Equal("Talk to a person", answer.Handoff);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task VulnerableReading_IsRefusedSelfService(string provider)
    {
        await using var db = await WithArticlesAsync(provider);

        var answer = await AskAsync(db, "My mum died last week and I need to reset her password, I can't cope with this.");

        Assert.False(answer.SelfService);
        Assert.Empty(answer.Articles);
        Assert.Equal("Talk to a person", answer.Handoff);
        Assert.NotNull(answer.RefusedBecause);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RoutineMessage_IsRoutedToSelfServiceWithoutAgent(string provider)
    {
        await using var db = await WithArticlesAsync(provider);
        var said = await SayAsync(db, "m-1", "How do I reset my password?");

        await RouteAsync(db);

        var c = await GetAsync(db, said.ConversationId);
        Assert.Equal("selfservice", c.Routing!.Mode);
        Assert.Null(c.Assignee);
    }
}
