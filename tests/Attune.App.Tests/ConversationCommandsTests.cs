using Attune.App.Common;
using Attune.App.Data;
using Attune.App.Features.Conversations;
using Attune.App.Features.Ingestion;
using Attune.App.Features.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Attune.App.Tests.ConversationRouterTests;

namespace Attune.App.Tests;

public sealed class ConversationCommandsTests
{
    private const string Bereaved = "My husband passed away last month and I need to close his account. I don't know what to do.";

    internal static readonly Viewer Tom = new("tom@example.com", [Roles.Agent]);
    internal static readonly Viewer Una = new("una@example.com", [Roles.Agent]);
    internal static readonly Viewer Lead = new("lead@example.com", [Roles.Lead]);

    private static Task<T> CommandAsync<T>(TestDatabase db, Func<ConversationCommands, Task<T>> run) =>
        db.WithAsync(sp => run(sp.GetRequiredService<ConversationCommands>()));

    private static Task<ConversationDetail> DetailAsync(TestDatabase db, long id) =>
        db.WithAsync(async sp => (await sp.GetRequiredService<ConversationQueries>().GetAsync(id, "test", CancellationToken.None)).Value!);

    private static Task<long> AgentIdAsync(TestDatabase db, string email) =>
        db.WithAsync(sp => sp.GetRequiredService<AttuneDb>().Agents.Where(a => a.Email == email).Select(a => a.Id).SingleAsync());

    private static Task<List<string>> AuditAsync(TestDatabase db) =>
        db.WithAsync(async sp => (await sp.GetRequiredService<Audit>().RecentAsync(100, CancellationToken.None)).Select(a => a.Action + " " + a.Detail).ToList());

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Reply_IsStoredAsTheAgentsReplyAndMovesOpenToPending(string provider)
    {
        await using var db = await WithAgentsAsync(provider);
        var said = await SayAsync(db, "m-1", Bereaved);

        var sent = await CommandAsync(db, c => c.ReplyAsync(said.ConversationId, new ReplyRequest("I'm so sorry. I've closed the account and will email you the confirmation today."), Tom, CancellationToken.None));

        Assert.True(sent.IsOk);
        Assert.Equal("pending", sent.Value!.Status);
        var detail = await DetailAsync(db, said.ConversationId);
        var reply = detail.Timeline[^1];
        Assert.Equal("agent", reply.Author);
        Assert.Equal("Tom Trained", reply.Agent);
        Assert.Null(reply.Reading);
        Assert.Equal(2, detail.Conversation.MessageCount);
        Assert.Contains(await AuditAsync(db), a => a.StartsWith("conversation.replied", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ReplyRetriedWithSameClientId_IsStoredOnce(string provider)
    {
        await using var db = await WithAgentsAsync(provider);
        var said = await SayAsync(db, "m-1", "Where is my parcel?");
        var request = new ReplyRequest("I've asked the courier and will update you by 5pm.", "draft-42");

        var first = await CommandAsync(db, c => c.ReplyAsync(said.ConversationId, request, Tom, CancellationToken.None));
        var again = await CommandAsync(db, c => c.ReplyAsync(said.ConversationId, request, Tom, CancellationToken.None));

        Assert.True(first.Value!.Created);
        Assert.False(again.Value!.Created);
        Assert.Equal(first.Value.MessageId, again.Value.MessageId);
        Assert.Equal(2, (await DetailAsync(db, said.ConversationId)).Timeline.Count);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public async Task BlankReply_IsRefusedNamingText(string? text)
    {
        await using var db = await WithAgentsAsync("sqlite");
        var said = await SayAsync(db, "m-1", "Where is my parcel?");

        var sent = await CommandAsync(db, c => c.ReplyAsync(said.ConversationId, new ReplyRequest(text), Tom, CancellationToken.None));

        Assert.Equal(ErrorKind.Invalid, sent.Error!.Kind);
        Assert.Equal("text", sent.Error.Field);
    }

    [Fact]
    public async Task ReplyToUnknownConversation_IsNotFound()
    {
        await using var db = await WithAgentsAsync("sqlite");

        var sent = await CommandAsync(db, c => c.ReplyAsync(4242, new ReplyRequest("Hello"), Tom, CancellationToken.None));

        Assert.Equal(ErrorKind.NotFound, sent.Error!.Kind);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AssigningVulnerableCustomerToUntrainedAgent_IsRefusedSayingWhy(string provider)
    {
        await using var db = await WithAgentsAsync(provider);
        var said = await SayAsync(db, "m-1", Bereaved);
        var una = await AgentIdAsync(db, "una@example.com");
        var tom = await AgentIdAsync(db, "tom@example.com");

        var refused = await CommandAsync(db, c => c.AssignAsync(said.ConversationId, new AssignRequest(una), Lead, CancellationToken.None));
        var assigned = await CommandAsync(db, c => c.AssignAsync(said.ConversationId, new AssignRequest(tom), Lead, CancellationToken.None));

        Assert.Equal(ErrorKind.Invalid, refused.Error!.Kind);
        Assert.Equal("agentId", refused.Error.Field);
        Assert.Contains("Una Untrained is not vulnerability-trained", refused.Error.Message, StringComparison.Ordinal);
        Assert.Equal("Tom Trained", assigned.Value!.Assignee);
        Assert.Contains("conversation.assigned Tom Trained", await AuditAsync(db));
    }

    [Fact]
    public async Task AssigningRoutineConversationToUntrainedAgent_Works()
    {
        await using var db = await WithAgentsAsync("sqlite");
        var said = await SayAsync(db, "m-1", "How do I change the email address on my account?");
        var una = await AgentIdAsync(db, "una@example.com");

        var assigned = await CommandAsync(db, c => c.AssignAsync(said.ConversationId, new AssignRequest(una), Lead, CancellationToken.None));
        var unknown = await CommandAsync(db, c => c.AssignAsync(said.ConversationId, new AssignRequest(999), Lead, CancellationToken.None));

        Assert.Equal("Una Untrained", assigned.Value!.Assignee);
        Assert.Equal("agentId", unknown.Error!.Field);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Transfer_MovesToTheDeskQueueAndClearsTheAssignee(string provider)
    {
        await using var db = await WithAgentsAsync(provider);
        var said = await SayAsync(db, "m-1", "How do I change the email address on my account?");
        var una = await AgentIdAsync(db, "una@example.com");
        await CommandAsync(db, c => c.AssignAsync(said.ConversationId, new AssignRequest(una), Lead, CancellationToken.None));

        var moved = await CommandAsync(db, c => c.TransferAsync(said.ConversationId, new TransferRequest("support"), Una, CancellationToken.None));
        var unknown = await CommandAsync(db, c => c.TransferAsync(said.ConversationId, new TransferRequest("Billing"), Una, CancellationToken.None));

        Assert.Equal("Support", moved.Value!.Desk);
        Assert.Null(moved.Value.Assignee);
        Assert.Equal("desk", unknown.Error!.Field);
        Assert.Contains("Care, Support", unknown.Error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("resolved", "resolved")]
    [InlineData("Closed", "closed")]
    [InlineData("pending", "pending")]
    public async Task SetStatus_StoresTheStatus(string requested, string expected)
    {
        await using var db = await WithAgentsAsync("sqlite");
        var said = await SayAsync(db, "m-1", "Where is my parcel?");

        var set = await CommandAsync(db, c => c.SetStatusAsync(said.ConversationId, new ConversationStatusRequest(requested), Tom, CancellationToken.None));

        Assert.Equal(expected, set.Value!.Status);
        Assert.Equal(expected, (await DetailAsync(db, said.ConversationId)).Conversation.Status);
    }

    [Theory]
    [InlineData("done")]
    [InlineData("2")]
    [InlineData("")]
    public async Task SetStatusToUnknownValue_IsRefusedListingTheValues(string requested)
    {
        await using var db = await WithAgentsAsync("sqlite");
        var said = await SayAsync(db, "m-1", "Where is my parcel?");

        var set = await CommandAsync(db, c => c.SetStatusAsync(said.ConversationId, new ConversationStatusRequest(requested), Tom, CancellationToken.None));

        Assert.Equal("status", set.Error!.Field);
        Assert.Contains("open, pending, resolved, closed", set.Error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Note_IsOnTheTimelineButNotAReply(string provider)
    {
        await using var db = await WithAgentsAsync(provider);
        var said = await SayAsync(db, "m-1", Bereaved);

        var note = await CommandAsync(db, c => c.AddNoteAsync(said.ConversationId, new NoteRequest("Called the branch; they will waive the fee."), Tom, CancellationToken.None));

        Assert.True(note.IsOk);
        var detail = await DetailAsync(db, said.ConversationId);
        Assert.Equal("open", detail.Conversation.Status);
        Assert.Equal(1, detail.Conversation.MessageCount);
        var stored = Assert.Single(detail.Timeline, m => m.Author == "note");
        Assert.Equal("Tom Trained", stored.Agent);
        Assert.Null(stored.Reading);
        Assert.Contains(await AuditAsync(db), a => a.StartsWith("conversation.noted", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("note")]
    [InlineData("Note")]
    [InlineData("4")]
    public async Task IngestedMessage_CannotBeANote(string author)
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");

        var result = await db.WithAsync(sp => sp.GetRequiredService<IngestMessage>().HandleAsync(
            new IngestMessageRequest("shop", "m-1", "hidden", new CustomerRef("c-1"), Author: author), CancellationToken.None));

        Assert.Equal("author", result.Error!.Field);
    }

    [Fact]
    public async Task Assignees_SayUpFrontWhoCannotTakeAVulnerableCustomer()
    {
        await using var db = await WithAgentsAsync("sqlite");
        var said = await SayAsync(db, "m-1", Bereaved);

        var options = (await CommandAsync(db, c => c.AssigneesAsync(said.ConversationId, CancellationToken.None))).Value!;

        Assert.Equal("not vulnerability-trained", options.Single(o => o.Name == "Una Untrained").Refused);
        Assert.Null(options.Single(o => o.Name == "Tom Trained").Refused);
    }
}
