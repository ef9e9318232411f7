using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Attune.App.Features.Webhooks;
using Attune.App.Jobs;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Attune.Web.Tests;

public sealed class WebhookTests(AttuneFactory factory) : IClassFixture<AttuneFactory>
{
    private sealed class Receiver : HttpMessageHandler
    {
        public List<(string Body, string Signature, string Event)> Received { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = await request.Content!.ReadAsStringAsync(cancellationToken);
            lock (Received)
            {
                Received.Add((body, request.Headers.GetValues(WebhookSignature.Header).Single(), request.Headers.GetValues("X-Attune-Event").Single()));
            }
            return new HttpResponseMessage(HttpStatusCode.NoContent);
        }
    }

    [Fact]
    public async Task VulnerableMessage_IsDeliveredToTheSubscriberSignedWithItsSecret()
    {
        var ct = TestContext.Current.CancellationToken;
        var receiver = new Receiver();
        using var app = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
            s.AddHttpClient<WebhookDispatcher>().ConfigurePrimaryHttpMessageHandler(() => receiver)));
        var admin = app.CreateClient();
        var credentials = new { email = "hooks@example.com", name = "Hooks", password = "a long enough password" };
        (await admin.PostAsJsonAsync("/api/v1/setup", credentials, ct)).EnsureSuccessStatusCode();
        (await admin.PostAsJsonAsync("/api/v1/auth/login", new { credentials.email, credentials.password }, ct)).EnsureSuccessStatusCode();
        using var created = await admin.PostAsJsonAsync("/api/v1/webhooks", new { url = "https://receiver.example.com/attune", events = new[] { "conversation.created" } }, ct);
        var hook = await created.Content.ReadFromJsonAsync<JsonElement>(ct);
        var secret = hook.GetProperty("secret").GetString()!;
        var ingest = app.CreateClient();
        ingest.DefaultRequestHeaders.Add("X-Api-Key", AttuneFactory.DemoKey);
        (await ingest.PostAsJsonAsync("/api/v1/messages", new { source = "hooks", externalId = "h-1", text = "Hello there", customer = new { externalId = "c-h" } }, ct)).EnsureSuccessStatusCode();

        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<WebhookDispatcher>().RunOnceAsync(ct);
        }

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var (body, signature, name) = Assert.Single(receiver.Received);
        Assert.Equal("conversation.created", name);
        Assert.True(WebhookSignature.Verify(secret, signature, body, DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5)));
        Assert.False(WebhookSignature.Verify(secret + "x", signature, body, DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5)));

        // A test delivery, then pausing: what the Settings page's Webhooks tab does.
        var id = hook.GetProperty("id").GetInt64();
        using var ping = await admin.PostAsync(new Uri($"/api/v1/webhooks/{id}/ping", UriKind.Relative), null, ct);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<WebhookDispatcher>().RunOnceAsync(ct);
        }
        using var paused = await admin.PutAsJsonAsync($"/api/v1/webhooks/{id}/active", new { active = false }, ct);
        var listed = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/webhooks", ct)).EnumerateArray().Single(h => h.GetProperty("id").GetInt64() == id);
        using var pingPaused = await admin.PostAsync(new Uri($"/api/v1/webhooks/{id}/ping", UriKind.Relative), null, ct);
        using var unknown = await admin.PostAsync(new Uri("/api/v1/webhooks/deliveries/999999/redeliver", UriKind.Relative), null, ct);
        using var vague = await admin.PutAsJsonAsync($"/api/v1/webhooks/{id}/active", new { }, ct);

        Assert.Equal(HttpStatusCode.OK, ping.StatusCode);
        Assert.Equal("webhook.ping", receiver.Received[^1].Event);
        Assert.Equal(HttpStatusCode.OK, paused.StatusCode);
        Assert.False(listed.GetProperty("active").GetBoolean());
        Assert.Equal(2, listed.GetProperty("delivered").GetInt32());
        Assert.Equal(HttpStatusCode.Conflict, pingPaused.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, vague.StatusCode);
        Assert.Contains("\"field\":\"active\"", await vague.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
    }
}
