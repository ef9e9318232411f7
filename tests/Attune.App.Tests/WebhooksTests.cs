using System.Net;
using Attune.App.Common;
using Attune.App.Features.Webhooks;
using Attune.App.Jobs;
using Microsoft.Extensions.DependencyInjection;
using static Attune.App.Tests.SessionsTests;
using static Attune.App.Tests.WebhookDispatcherTests;

namespace Attune.App.Tests;

public sealed class WebhooksTests
{
    private const string Secret = "a-receiver-secret-of-some-length";

    private static Task<T> HooksAsync<T>(TestDatabase db, Func<Webhooks, Task<T>> work) =>
        db.WithAsync(sp => work(sp.GetRequiredService<Webhooks>()));

    private static async Task<long> HookAsync(TestDatabase db) =>
        (await HooksAsync(db, h => h.CreateAsync(new NewWebhook("https://hooks.example.com/attune", null, Secret), "admin@example.com", CancellationToken.None))).Value!.Id;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task APing_ReachesThatWebhookSigned_AndTheListCountsItsDeliveries(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var id = await HookAsync(db);
        var other = await HookAsync(db);
        var receiver = new Receiver(HttpStatusCode.OK);

        var ping = await HooksAsync(db, h => h.PingAsync(id, "admin@example.com", CancellationToken.None));
        await RunAsync(db, receiver);
        var listed = await HooksAsync(db, h => h.ListAsync(CancellationToken.None));

        Assert.True(ping.IsOk, ping.Error?.Message);
        var (body, signature, name) = Assert.Single(receiver.Received);
        Assert.Equal(Webhooks.Ping, name);
        Assert.True(WebhookSignature.Verify(Secret, signature, body, db.Clock.GetUtcNow(), TimeSpan.FromMinutes(5)));
        var hook = listed.Single(h => h.Id == id);
        Assert.Equal((1, 0, 0), (hook.Delivered, hook.Pending, hook.Failed));
        Assert.Equal(200, hook.Last!.LastStatus);
        Assert.Equal((0, null), (listed.Single(h => h.Id == other).Delivered, listed.Single(h => h.Id == other).Last));
        Assert.Contains("webhook.created", await AuditAsync(db));
        Assert.Contains("webhook.pinged", await AuditAsync(db));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AFailedDelivery_CanBeSentAgain_OnceItHasFailedForGood(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var id = await HookAsync(db);
        var delivery = (await HooksAsync(db, h => h.PingAsync(id, "admin@example.com", CancellationToken.None))).Value!;
        var down = new Receiver(HttpStatusCode.ServiceUnavailable);

        await RunAsync(db, down);
        var whileRetrying = await HooksAsync(db, h => h.RedeliverAsync(delivery.Id, "admin@example.com", CancellationToken.None));
        for (var i = 1; i < WebhookDispatcher.MaxAttempts; i++)
        {
            db.Clock.Advance(TimeSpan.FromHours(1));
            await RunAsync(db, down);
        }
        var failed = (await HooksAsync(db, h => h.ListAsync(CancellationToken.None))).Single();
        var again = await HooksAsync(db, h => h.RedeliverAsync(delivery.Id, "admin@example.com", CancellationToken.None));
        var up = new Receiver(HttpStatusCode.OK);
        await RunAsync(db, up);
        var delivered = await HooksAsync(db, h => h.RedeliverAsync(delivery.Id, "admin@example.com", CancellationToken.None));

        Assert.Equal(ErrorKind.Conflict, whileRetrying.Error!.Kind);
        Assert.Equal((0, 0, 1), (failed.Delivered, failed.Pending, failed.Failed));
        Assert.Equal("HTTP 503", failed.Last!.LastError);
        Assert.True(again.IsOk, again.Error?.Message);
        Assert.Single(up.Received);
        Assert.Equal(ErrorKind.Conflict, delivered.Error!.Kind);
        Assert.Contains("webhook.redelivered", await AuditAsync(db));
    }

    [Fact]
    public async Task ADisabledWebhook_GetsNothingNew_UntilEnabledAgain()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        var id = await HookAsync(db);

        var off = await HooksAsync(db, h => h.SetActiveAsync(id, false, "admin@example.com", CancellationToken.None));
        var ping = await HooksAsync(db, h => h.PingAsync(id, "admin@example.com", CancellationToken.None));
        var on = await HooksAsync(db, h => h.SetActiveAsync(id, true, "admin@example.com", CancellationToken.None));
        var missing = await HooksAsync(db, h => h.SetActiveAsync(404, true, "admin@example.com", CancellationToken.None));

        Assert.False(off.Value!.Active);
        Assert.Equal(ErrorKind.Conflict, ping.Error!.Kind);
        Assert.True(on.Value!.Active);
        Assert.Equal(ErrorKind.NotFound, missing.Error!.Kind);
        var audit = await AuditAsync(db);
        Assert.Contains("webhook.disabled", audit);
        Assert.Contains("webhook.enabled", audit);
    }
}
