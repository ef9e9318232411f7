using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Attune.Web.Tests;

public sealed class RecordNeedTests(AttuneFactory factory) : IClassFixture<AttuneFactory>
{
    [Fact]
    public async Task RecordingANeed_NeedsALeadAndTheCustomersConsent()
    {
        var ct = TestContext.Current.CancellationToken;
        var need = new { kind = "vulnerability", characteristic = "Bereavement", note = "Prefers email.", consent = true };
        using var byKey = await factory.Client().PostAsJsonAsync("/api/v1/customers/1/needs", need, ct);
        var admin = factory.Client(key: null);
        var credentials = new { email = "lead@example.com", name = "Lead", password = "a long enough password" };
        (await admin.PostAsJsonAsync("/api/v1/setup", credentials, ct)).EnsureSuccessStatusCode();
        (await admin.PostAsJsonAsync("/api/v1/auth/login", new { credentials.email, credentials.password }, ct)).EnsureSuccessStatusCode();

        using var noConsent = await admin.PostAsJsonAsync("/api/v1/customers/1/needs", need with { consent = false }, ct);
        using var recorded = await admin.PostAsJsonAsync("/api/v1/customers/1/needs", need, ct);
        using var unknown = await admin.PostAsJsonAsync("/api/v1/customers/999999/needs", need, ct);

        Assert.Equal(HttpStatusCode.Forbidden, byKey.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noConsent.StatusCode);
        Assert.Equal("consent", (await noConsent.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("field").GetString());
        Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}
