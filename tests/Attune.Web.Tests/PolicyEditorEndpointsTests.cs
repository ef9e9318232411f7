using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Attune.Web.Tests;

/// <summary>What the Policies page uses: drafts, version history and the comparison over recent traffic.</summary>
public sealed class PolicyEditorEndpointsTests(AttuneFactory factory) : IClassFixture<AttuneFactory>
{
    private const string Invalid = "policy: p\nversion: '1'\nfallback: { desk: Support, mode: robot, sla: x }\n";

    private async Task<(HttpClient Lead, HttpClient Agent)> SignInAsync(CancellationToken ct)
    {
        var admin = factory.Client(key: null);
        var credentials = new { email = "admin@example.com", name = "Admin", password = "a long enough password" };
        (await admin.PostAsJsonAsync("/api/v1/setup", credentials, ct)).EnsureSuccessStatusCode();
        (await admin.PostAsJsonAsync("/api/v1/auth/login", new { credentials.email, credentials.password }, ct)).EnsureSuccessStatusCode();
        (await admin.PostAsJsonAsync("/api/v1/users", new { email = "lead@example.com", name = "Lead", password = "the lead's password", roles = new[] { "lead" } }, ct)).EnsureSuccessStatusCode();
        (await admin.PostAsJsonAsync("/api/v1/users", new { email = "agent@example.com", name = "Agent", password = "the agent's password", roles = new[] { "agent" } }, ct)).EnsureSuccessStatusCode();
        var lead = factory.Client(key: null);
        (await lead.PostAsJsonAsync("/api/v1/auth/login", new { email = "lead@example.com", password = "the lead's password" }, ct)).EnsureSuccessStatusCode();
        var agent = factory.Client(key: null);
        (await agent.PostAsJsonAsync("/api/v1/auth/login", new { email = "agent@example.com", password = "the agent's password" }, ct)).EnsureSuccessStatusCode();
        return (lead, agent);
    }

    [Fact]
    public async Task Lead_DraftsComparesOnRecentTrafficAndActivates_AgentIsRefusedEverything()
    {
        var ct = TestContext.Current.CancellationToken;
        var (lead, agent) = await SignInAsync(ct);

        using var created = await lead.PostAsJsonAsync("/api/v1/routing/policy/drafts", new { title = "Faster care" }, ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var draft = await created.Content.ReadFromJsonAsync<JsonElement>(ct);
        var id = draft.GetProperty("id").GetInt64();
        Assert.True(draft.GetProperty("validation").GetProperty("valid").GetBoolean());
        var yaml = draft.GetProperty("yaml").GetString()!;

        using var savedInvalid = await lead.PutAsJsonAsync($"/api/v1/routing/policy/drafts/{id}", new { title = "Faster care", yaml = Invalid, revision = 1 }, ct);
        Assert.Equal(HttpStatusCode.OK, savedInvalid.StatusCode);
        var problems = (await savedInvalid.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("validation").GetProperty("problems");
        Assert.Contains(problems.EnumerateArray(), p => p.GetProperty("line").GetInt32() == 3 && p.GetProperty("field").GetString() == "fallback.mode");
        using var stale = await lead.PutAsJsonAsync($"/api/v1/routing/policy/drafts/{id}", new { title = "Faster care", yaml, revision = 1 }, ct);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);

        using var refused = await lead.PostAsJsonAsync("/api/v1/routing/policy/compare-recent", new { draft = Invalid }, ct);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains((await refused.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("problems").EnumerateArray(),
            p => p.GetProperty("field").GetString() == "draft.fallback.mode");

        var faster = yaml.Replace("policy: attune-default", "policy: faster-care", StringComparison.Ordinal)
            .Replace("care:         { calendar: office, first_reply: 1h,", "care:         { calendar: office, first_reply: 30m,", StringComparison.Ordinal);
        Assert.NotEqual(yaml.Replace("policy: attune-default", "policy: faster-care", StringComparison.Ordinal), faster);
        using var compared = await lead.PostAsJsonAsync("/api/v1/routing/policy/compare-recent", new { draft = faster, days = 7 }, ct);
        Assert.Equal(HttpStatusCode.OK, compared.StatusCode);
        var comparison = await compared.Content.ReadFromJsonAsync<JsonElement>(ct);
        var traffic = comparison.GetProperty("traffic");
        Assert.True(traffic.GetProperty("conversations").GetInt32() > 0, "the demo has conversations in the last 7 days");
        Assert.True(traffic.GetProperty("agents").GetInt32() > 0);
        Assert.Equal("attune-default", comparison.GetProperty("baseline").GetProperty("policy").GetString());
        Assert.Equal("faster-care", comparison.GetProperty("draft").GetProperty("policy").GetString());
        Assert.Equal(traffic.GetProperty("conversations").GetInt32(), comparison.GetProperty("draft").GetProperty("conversations").GetInt32());

        using var activated = await lead.PostAsJsonAsync("/api/v1/routing/policy/activate", new { yaml = faster }, ct);
        Assert.Equal(HttpStatusCode.OK, activated.StatusCode);
        var history = await lead.GetFromJsonAsync<JsonElement>("/api/v1/routing/policy/history", ct);
        Assert.Equal("faster-care", history[0].GetProperty("name").GetString());
        Assert.Equal("lead@example.com", history[0].GetProperty("activatedBy").GetString());
        Assert.True(history[0].GetProperty("isActive").GetBoolean());
        Assert.True(history[1].GetProperty("builtIn").GetBoolean());
        var version = await lead.GetFromJsonAsync<JsonElement>($"/api/v1/routing/policy/versions/{history[0].GetProperty("id").GetInt64()}", ct);
        Assert.Contains("first_reply: 30m", version.GetProperty("yaml").GetString(), StringComparison.Ordinal);

        foreach (var request in new[]
        {
            new HttpRequestMessage(HttpMethod.Get, "/api/v1/routing/policy"),
            new HttpRequestMessage(HttpMethod.Get, "/api/v1/routing/policy/history"),
            new HttpRequestMessage(HttpMethod.Get, "/api/v1/routing/policy/drafts"),
            new HttpRequestMessage(HttpMethod.Get, $"/api/v1/routing/policy/drafts/{id}"),
            new HttpRequestMessage(HttpMethod.Post, "/api/v1/routing/policy/drafts") { Content = JsonContent.Create(new { title = "mine" }) },
            new HttpRequestMessage(HttpMethod.Put, $"/api/v1/routing/policy/drafts/{id}") { Content = JsonContent.Create(new { title = "x", yaml, revision = 2 }) },
            new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/routing/policy/drafts/{id}"),
            new HttpRequestMessage(HttpMethod.Post, "/api/v1/routing/policy/compare-recent") { Content = JsonContent.Create(new { draft = faster }) },
            new HttpRequestMessage(HttpMethod.Post, "/api/v1/routing/policy/activate") { Content = JsonContent.Create(new { yaml }) },
        })
        {
            using (request)
            {
                using var response = await agent.SendAsync(request, ct);
                Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{request.Method} {request.RequestUri}: {response.StatusCode}");
            }
        }

        using var deleted = await lead.DeleteAsync($"/api/v1/routing/policy/drafts/{id}", ct);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(0, (await lead.GetFromJsonAsync<JsonElement>("/api/v1/routing/policy/drafts", ct)).GetArrayLength());
    }
}
