using System.Net;
using Attune.App.Data;
using Attune.App.Features.Ingestion;
using Attune.App.Features.Webhooks;
using Attune.App.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Attune.App.Tests;

public sealed class WebhookDispatcherTests
{
    internal sealed class Receiver(HttpStatusCode status) : HttpMessageHandler
    {
        public List<(string Body, string? Signature, string? Event)> Received { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = await request.Content!.ReadAsStringAsync(cancellationToken);
            Received.Add((body, request.Headers.GetValues(WebhookSignature.Header).Single(), request.Headers.GetValues("X-Attune-Event").Single()));
            return new HttpResponseMessage(status);
        }
    }

    private const string Secret = "a-receiver-secret-of-some-length";

    private static async Task<TestDatabase> WithHookAndMessageAsync()
    {
        var db = await TestDatabase.CreateAsync("sqlite");
        await db.WithAsync(sp => sp.GetRequiredService<Webhooks>().CreateAsync(new NewWebhook("https://hooks.example.com/attune", [WebhookEvents.ConversationCreated], Secret), "admin@example.com", CancellationToken.None));
        await db.WithAsync(sp => sp.GetRequiredService<IngestMessage>().HandleAsync(
            new IngestMessageRequest("shop", "m-1", "Hello", new CustomerRef("c-1")), CancellationToken.None));
        return db;
    }

    internal static Task<int> RunAsync(TestDatabase db, Receiver receiver) =>
        db.WithAsync(sp => new WebhookDispatcher(sp.GetRequiredService<AttuneDb>(), new HttpClient(receiver), db.Clock, NullLogger<WebhookDispatcher>.Instance)
            .RunOnceAsync(CancellationToken.None));

    [Fact]
    public async Task Delivery_IsSignedWithHmacOfTimestampAndBody()
    {
        await using var db = await WithHookAndMessageAsync();
        var receiver = new Receiver(HttpStatusCode.OK);

        Assert.Equal(1, await RunAsync(db, receiver));

        var (body, signature, name) = Assert.Single(receiver.Received);
        Assert.Equal(WebhookEvents.ConversationCreated, name);
        Assert.True(WebhookSignature.Verify(Secret, signature, body, db.Clock.GetUtcNow(), TimeSpan.FromMinutes(5)));
        Assert.False(WebhookSignature.Verify("another-secret-entirely-wrong", signature, body, db.Clock.GetUtcNow(), TimeSpan.FromMinutes(5)));
        Assert.False(WebhookSignature.Verify(Secret, signature, body + " ", db.Clock.GetUtcNow(), TimeSpan.FromMinutes(5)));
        Assert.Equal(0, await RunAsync(db, receiver));
    }

    [Fact]
    public async Task FailedDelivery_IsRetriedLaterNotAtOnce()
    {
        await using var db = await WithHookAndMessageAsync();
        var failing = new Receiver(HttpStatusCode.InternalServerError);

        await RunAsync(db, failing);
        var immediately = await RunAsync(db, failing);
        db.Clock.Advance(TimeSpan.FromMinutes(1));
        var later = await RunAsync(db, new Receiver(HttpStatusCode.OK));

        Assert.Equal(0, immediately);
        Assert.Equal(1, later);
        var delivery = await db.WithAsync(sp => sp.GetRequiredService<AttuneDb>().WebhookDeliveries.SingleAsync());
        Assert.Equal(2, delivery.Attempts);
        Assert.NotNull(delivery.DeliveredAt);
    }

    [Fact]
    public void OldSignature_IsRefused()
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000);
        var header = WebhookSignature.Sign(Secret, now.ToUnixTimeSeconds() - 600, "{}");

        Assert.False(WebhookSignature.Verify(Secret, header, "{}", now, TimeSpan.FromMinutes(5)));
    }
}
