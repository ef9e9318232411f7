using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Attune.Web.Tests;

public sealed class RoutingEndpointsTests(AttuneFactory factory) : IClassFixture<AttuneFactory>
{
    private const string Agents = """
        agents:
          - id: care
            desks: ["*"]
            vulnerability_trained: true
            capacity: { chat: 2, email: 4, phone: 1, social: 2 }
            count: 3
        """;

    private async Task<HttpClient> LeadAsync(CancellationToken ct)
    {
        var lead = factory.Client(key: null);
        var credentials = new { email = "lead@example.com", name = "Lead", password = "a long enough password" };
        (await lead.PostAsJsonAsync("/api/v1/setup", credentials, ct)).EnsureSuccessStatusCode();
        (await lead.PostAsJsonAsync("/api/v1/auth/login", new { credentials.email, credentials.password }, ct)).EnsureSuccessStatusCode();
        return lead;
    }

    [Fact]
    public async Task Lead_ViewsValidatesAndSimulates_OthersAreRefused()
    {
        var ct = TestContext.Current.CancellationToken;
        using var byKey = await factory.Client().PostAsJsonAsync("/api/v1/routing/policy/validate", new { yaml = "policy: p" }, ct);
        Assert.Equal(HttpStatusCode.Forbidden, byKey.StatusCode);

        var lead = await LeadAsync(ct);
        var active = await lead.GetFromJsonAsync<JsonElement>("/api/v1/routing/policy", ct);
        Assert.Equal("attune-default", active.GetProperty("name").GetString());
        Assert.Contains("bereavement", active.GetProperty("yaml").GetString(), StringComparison.Ordinal);

        using var invalid = await lead.PostAsJsonAsync("/api/v1/routing/policy/validate", new { yaml = "policy: p\nversion: '1'\nfallback: { desk: Support, mode: robot, sla: x }\n" }, ct);
        var check = await invalid.Content.ReadFromJsonAsync<JsonElement>(ct);
        Assert.False(check.GetProperty("valid").GetBoolean());
        Assert.Contains(check.GetProperty("problems").EnumerateArray(), p => p.GetProperty("line").GetInt32() == 3 && p.GetProperty("field").GetString() == "fallback.mode");

        using var simulated = await lead.PostAsJsonAsync("/api/v1/routing/policy/simulate", new { agents = Agents, generate = 200 }, ct);
        Assert.Equal(HttpStatusCode.OK, simulated.StatusCode);
        var report = await simulated.Content.ReadFromJsonAsync<JsonElement>(ct);
        Assert.Equal(200, report.GetProperty("conversations").GetInt32());
        Assert.Equal(0, report.GetProperty("vulnerableToSelfService").GetInt32());
        Assert.Equal(3, report.GetProperty("agents").GetArrayLength());

        using var refused = await lead.PostAsJsonAsync("/api/v1/routing/policy/simulate", new { policy = "policy: p", agents = Agents, generate = 10 }, ct);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);

        using var notActivated = await lead.PostAsJsonAsync("/api/v1/routing/policy/activate", new { yaml = "policy: p\nversion: '1'\n" }, ct);
        Assert.Equal(HttpStatusCode.BadRequest, notActivated.StatusCode);
        Assert.Equal("attune-default", (await lead.GetFromJsonAsync<JsonElement>("/api/v1/routing/policy", ct)).GetProperty("name").GetString());

        var mine = active.GetProperty("yaml").GetString()!.Replace("policy: attune-default", "policy: ours", StringComparison.Ordinal);
        using var activated = await lead.PostAsJsonAsync("/api/v1/routing/policy/activate", new { yaml = mine }, ct);
        Assert.Equal(HttpStatusCode.OK, activated.StatusCode);
        var now = await lead.GetFromJsonAsync<JsonElement>("/api/v1/routing/policy", ct);
        Assert.Equal("ours", now.GetProperty("name").GetString());
        Assert.False(now.GetProperty("builtIn").GetBoolean());
        using var again = await lead.PostAsJsonAsync("/api/v1/routing/policy/activate", new { yaml = mine }, ct);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }
}
