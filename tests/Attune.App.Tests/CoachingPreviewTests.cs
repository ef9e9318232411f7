using Attune.App.Common;
using Attune.App.Features.Coaching;
using Microsoft.Extensions.DependencyInjection;
using static Attune.App.Tests.ConversationRouterTests;

namespace Attune.App.Tests;

public sealed class CoachingPreviewTests
{
    private const string Bereaved = "My husband passed away last month and I need to close his account. I don't know what to do.";

    private static Task<Result<CoachingView>> AssessAsync(TestDatabase db, string text, long? conversationId) =>
        db.WithAsync(sp => sp.GetRequiredService<CoachingPreview>().AssessAsync(new CoachingRequest(text, conversationId), CancellationToken.None));

    [Fact]
    public async Task HollowReply_IsFlagged_AndANextStepWithATimeRaisesTheScore()
    {
        await using var db = await WithAgentsAsync("sqlite");
        var said = await SayAsync(db, "m-1", Bereaved);
        await RouteAsync(db);

        var hollow = (await AssessAsync(db, "I'm so sorry for your loss. I understand how hard this must be.", said.ConversationId)).Value!;
        var acting = (await AssessAsync(db, "I'm so sorry for your loss. I understand how hard this must be. "
            + "I will close the account for you myself and email you the confirmation by Friday.", said.ConversationId)).Value!;

        Assert.True(hollow.Has("hollow"));
        Assert.False(acting.Has("hollow"));
        Assert.True(acting.Score > hollow.Score);
        Assert.Contains(acting.Acts, a => a.Kind == "timeline");
        Assert.Equal("bereavement", acting.Situation);
        Assert.NotNull(acting.Against);
        Assert.True(acting.Against.Vulnerable);
        Assert.Equal(1, acting.Against.CustomerMessages);
    }

    [Fact]
    public async Task ScriptedCliche_IsFlaggedWithoutAConversation()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");

        var view = (await AssessAsync(db, "We apologise for any inconvenience caused.", null)).Value!;

        Assert.True(view.Has("scripted"));
        Assert.Null(view.Against);
        Assert.NotEmpty(view.Suggestions);
    }

    [Fact]
    public async Task UnknownConversation_IsNotFound_AndMissingTextIsInvalid()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");

        var unknown = await AssessAsync(db, "Hello", 777);
        var missing = await db.WithAsync(sp => sp.GetRequiredService<CoachingPreview>().AssessAsync(new CoachingRequest(null), CancellationToken.None));

        Assert.Equal(ErrorKind.NotFound, unknown.Error!.Kind);
        Assert.Equal("text", missing.Error!.Field);
    }
}
