using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Attune.Web.Tests;

public sealed class KnowledgeEndpointsTests(AttuneFactory factory) : IClassFixture<AttuneFactory>
{
    private const string Article = "# Reset your password\n\nTo reset your password, open Settings, choose Security and press 'Reset password'. We email you a reset link.";

    private async Task<HttpClient> AdminAsync(CancellationToken ct)
    {
        var admin = factory.Client(key: null);
        var credentials = new { email = "admin@example.com", name = "Admin", password = "a long enough password" };
        (await admin.PostAsJsonAsync("/api/v1/setup", credentials, ct)).EnsureSuccessStatusCode();
        (await admin.PostAsJsonAsync("/api/v1/auth/login", new { credentials.email, credentials.password }, ct)).EnsureSuccessStatusCode();
        return admin;
    }

    [Theory]
    [InlineData("/api/v1/articles")]
    [InlineData("/api/v1/self-service?text=password")]
    [InlineData("/api/v1/alerts")]
    public async Task NoCredentials_Is401(string path)
    {
        using var response = await factory.Client(key: null).GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task ReadKey_CannotWriteArticlesOrSeeAlerts()
    {
        var ct = TestContext.Current.CancellationToken;
        using var write = await factory.Client().PostAsJsonAsync("/api/v1/articles", new { markdown = Article }, ct);
        using var alerts = await factory.Client().GetAsync(new Uri("/api/v1/alerts", UriKind.Relative), ct);

        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, alerts.StatusCode);
    }

    [Fact]
    public async Task AdminWritesArticle_SelfServiceOffersItButNeverToAVulnerableCustomer()
    {
        var ct = TestContext.Current.CancellationToken;
        var admin = await AdminAsync(ct);
        using var saved = await admin.PostAsJsonAsync("/api/v1/articles", new { markdown = Article }, ct);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal("reset-your-password", (await saved.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetString());
        foreach (var other in new[]
        {
            "# Change your delivery address\n\nOpen Orders, pick the order and choose 'Change address' before it ships.",
            "# Download an invoice\n\nInvoices are under Billing; press 'Download PDF' next to the month you need.",
        })
        {
            (await admin.PostAsJsonAsync("/api/v1/articles", new { markdown = other }, ct)).EnsureSuccessStatusCode();
        }
        using var invalid = await admin.PostAsJsonAsync("/api/v1/articles", new { id = "Bad Id!", markdown = Article }, ct);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(new Uri("/api/v1/alerts", UriKind.Relative), ct)).StatusCode);

        var reader = factory.Client();
        var list = await reader.GetFromJsonAsync<JsonElement>("/api/v1/articles", ct);
        Assert.Contains(list.EnumerateArray(), a => a.GetProperty("id").GetString() == "reset-your-password");

        var routine = await reader.GetFromJsonAsync<JsonElement>("/api/v1/self-service?text=" + Uri.EscapeDataString("How do I reset my password?"), ct);
        Assert.True(routine.GetProperty("selfService").GetBoolean(), routine.ToString());
        Assert.Equal("reset-your-password", routine.GetProperty("articles")[0].GetProperty("id").GetString());
        Assert.False(string.IsNullOrEmpty(routine.GetProperty("handoff").GetString()));

        var vulnerable = await reader.GetFromJsonAsync<JsonElement>("/api/v1/self-service?text=" + Uri.EscapeDataString("My wife passed away last week and I need to reset her password."), ct);
        Assert.False(vulnerable.GetProperty("selfService").GetBoolean());
        Assert.Equal(0, vulnerable.GetProperty("articles").GetArrayLength());
        Assert.Contains("vulnerable", vulnerable.GetProperty("refusedBecause").GetString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(vulnerable.GetProperty("handoff").GetString()));
    }
}
