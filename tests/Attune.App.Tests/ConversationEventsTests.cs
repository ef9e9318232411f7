using Attune.App.Features.Conversations;
using Microsoft.Extensions.DependencyInjection;
using static Attune.App.Tests.ConversationRouterTests;

namespace Attune.App.Tests;

public sealed class ConversationEventsTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private sealed class Collector
    {
        private readonly List<ConversationEvent> _seen = [];
        private readonly List<(Func<ConversationEvent, bool> Match, TaskCompletionSource<ConversationEvent> Done)> _waiting = [];

        public void On(ConversationEvent e)
        {
            lock (_seen)
            {
                _seen.Add(e);
                foreach (var w in _waiting.Where(w => w.Match(e)).ToList())
                {
                    w.Done.TrySetResult(e);
                    _waiting.Remove(w);
                }
            }
        }

        public Task<ConversationEvent> NextAsync(Func<ConversationEvent, bool> match)
        {
            lock (_seen)
            {
                if (_seen.FirstOrDefault(match) is { } already)
                {
                    return Task.FromResult(already);
                }
                var done = new TaskCompletionSource<ConversationEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
                _waiting.Add((match, done));
                return done.Task.WaitAsync(Patience);
            }
        }

        public IReadOnlyList<ConversationEvent> Seen
        {
            get
            {
                lock (_seen)
                {
                    return [.. _seen];
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task IngestRoutingAndCommands_AreAnnouncedAfterCommit(string provider)
    {
        await using var db = await WithAgentsAsync(provider);
        var hub = db.Services.GetRequiredService<ConversationEvents>();
        var seen = new Collector();
        using var subscription = hub.Subscribe(seen.On);

        var said = await SayAsync(db, "m-1", "Where is my parcel? It was due on Monday.");
        var message = await seen.NextAsync(e => e.Change == ConversationChange.Message);
        await RouteAsync(db);
        var routed = await seen.NextAsync(e => e.Change == ConversationChange.Routed);
        await db.WithAsync(sp => sp.GetRequiredService<ConversationCommands>().SetStatusAsync(
            said.ConversationId, new ConversationStatusRequest("resolved"), ConversationCommandsTests.Tom, CancellationToken.None));
        var updated = await seen.NextAsync(e => e.Change == ConversationChange.Updated);

        Assert.Equal(new ConversationEvent(said.ConversationId, ConversationChange.Message, said.MessageId, "customer"), message);
        Assert.Equal(said.ConversationId, routed.ConversationId);
        Assert.Equal(said.ConversationId, updated.ConversationId);
    }

    [Fact]
    public async Task DisposedSubscription_HearsNothingMore()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        var hub = db.Services.GetRequiredService<ConversationEvents>();
        var gone = new Collector();
        var stays = new Collector();
        var subscription = hub.Subscribe(gone.On);
        using var other = hub.Subscribe(stays.On);

        hub.Publish(new ConversationEvent(1, ConversationChange.Updated));
        await gone.NextAsync(e => e.ConversationId == 1);
        subscription.Dispose();
        hub.Publish(new ConversationEvent(2, ConversationChange.Updated));
        // Events reach every subscriber in one pass, so once the other has #2 the disposed one would have had it too.
        await stays.NextAsync(e => e.ConversationId == 2);

        Assert.DoesNotContain(gone.Seen, e => e.ConversationId == 2);
    }

    [Fact]
    public async Task FailingSubscriber_DoesNotStopTheOthers()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        var hub = db.Services.GetRequiredService<ConversationEvents>();
        var seen = new Collector();
        using var bad = hub.Subscribe(_ => throw new InvalidOperationException("page closed"));
        using var good = hub.Subscribe(seen.On);

        hub.Publish(new ConversationEvent(1, ConversationChange.Updated));
        hub.Publish(new ConversationEvent(2, ConversationChange.Updated));

        Assert.Equal(2, (await seen.NextAsync(e => e.ConversationId == 2)).ConversationId);
        Assert.Equal(2, seen.Seen.Count);
    }
}
