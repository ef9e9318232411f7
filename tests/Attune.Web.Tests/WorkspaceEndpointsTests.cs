using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Attune.App.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attune.Web.Tests;

public sealed class WorkspaceEndpointsTests(AttuneFactory factory) : IClassFixture<AttuneFactory>
{
    private HttpClient? _admin;

    private async Task<HttpClient> AdminAsync(CancellationToken ct)
    {
        if (_admin is not null)
        {
            return _admin;
        }
        var admin = factory.Client(key: null);
        var credentials = new { email = "admin@example.com", name = "Admin", password = "a long enough password" };
        using var setup = await admin.PostAsJsonAsync("/api/v1/setup", credentials, ct);
        (await admin.PostAsJsonAsync("/api/v1/auth/login", new { credentials.email, credentials.password }, ct)).EnsureSuccessStatusCode();
        return _admin = admin;
    }

    private static async Task<long> BereavedConversationAsync(HttpClient client, CancellationToken ct)
    {
        var inbox = await client.GetFromJsonAsync<JsonElement>("/api/v1/inbox?vulnerable=true&take=500", ct);
        return inbox.GetProperty("rows").EnumerateArray()
            .First(r => r.GetProperty("subject").GetString()!.Contains("passed away", StringComparison.OrdinalIgnoreCase))
            .GetProperty("id").GetInt64();
    }

    [Fact]
    public async Task Inbox_ShowsTheVulnerabilityMarker_ButDetailsOnlyToThoseAllowed()
    {
        var ct = TestContext.Current.CancellationToken;
        var admin = await AdminAsync(ct);

        var asAdmin = await admin.GetFromJsonAsync<JsonElement>("/api/v1/inbox?vulnerable=true", ct);
        var asKey = await factory.Client().GetFromJsonAsync<JsonElement>("/api/v1/inbox?vulnerable=true", ct);
        using var bad = await admin.GetAsync("/api/v1/inbox?sort=cheapest", ct);

        var adminRow = asAdmin.GetProperty("rows")[0];
        var keyRow = asKey.GetProperty("rows")[0];
        Assert.True(adminRow.GetProperty("vulnerable").GetBoolean());
        Assert.True(adminRow.GetProperty("vulnerabilityDetails").GetArrayLength() > 0);
        Assert.True(keyRow.GetProperty("vulnerable").GetBoolean());
        Assert.False(keyRow.TryGetProperty("vulnerabilityDetails", out var hidden) && hidden.ValueKind != JsonValueKind.Null);
        Assert.True(asAdmin.GetProperty("desks").GetArrayLength() >= 4);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("sort", (await bad.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("field").GetString());
    }

    [Fact]
    public async Task CoachingAssess_FlagsAHollowReply_AndScoresAPlanHigher()
    {
        var ct = TestContext.Current.CancellationToken;
        var client = factory.Client();
        var id = await BereavedConversationAsync(client, ct);

        using var hollow = await client.PostAsJsonAsync("/api/v1/coaching/assess", new { text = "I'm so sorry for your loss. I understand how hard this is.", conversationId = id }, ct);
        using var plan = await client.PostAsJsonAsync("/api/v1/coaching/assess", new
        {
            text = "I'm so sorry for your loss. I understand how hard this is. I will close the account for you myself and email you the confirmation by Friday.",
            conversationId = id,
        }, ct);
        using var missing = await client.PostAsJsonAsync("/api/v1/coaching/assess", new { conversationId = id }, ct);
        using var unknown = await client.PostAsJsonAsync("/api/v1/coaching/assess", new { text = "Hi", conversationId = 987654 }, ct);

        var h = await hollow.Content.ReadFromJsonAsync<JsonElement>(ct);
        var p = await plan.Content.ReadFromJsonAsync<JsonElement>(ct);
        Assert.Contains(h.GetProperty("flags").EnumerateArray(), f => f.GetProperty("kind").GetString() == "hollow");
        Assert.DoesNotContain(p.GetProperty("flags").EnumerateArray(), f => f.GetProperty("kind").GetString() == "hollow");
        Assert.True(p.GetProperty("score").GetInt32() > h.GetProperty("score").GetInt32());
        Assert.True(p.GetProperty("against").GetProperty("vulnerable").GetBoolean());
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal("text", (await missing.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("field").GetString());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Commands_ActAsAPerson_AndExplainRefusals()
    {
        var ct = TestContext.Current.CancellationToken;
        var admin = await AdminAsync(ct);
        var id = await BereavedConversationAsync(admin, ct);
        long untrained;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            untrained = await scope.ServiceProvider.GetRequiredService<AttuneDb>().Agents
                .Where(a => !a.VulnerabilityTrained).Select(a => a.Id).FirstAsync(ct);
        }

        using var byKey = await factory.Client().PostAsJsonAsync($"/api/v1/conversations/{id}/replies", new { text = "Hello" }, ct);
        using var reply = await admin.PostAsJsonAsync($"/api/v1/conversations/{id}/replies", new { text = "I've closed the account and will email you today." }, ct);
        using var note = await admin.PostAsJsonAsync($"/api/v1/conversations/{id}/notes", new { text = "Customer prefers email." }, ct);
        using var assign = await admin.PostAsJsonAsync($"/api/v1/conversations/{id}/assign", new { agentId = untrained }, ct);
        using var transfer = await admin.PostAsJsonAsync($"/api/v1/conversations/{id}/transfer", new { desk = "Nowhere" }, ct);
        using var status = await admin.PostAsJsonAsync($"/api/v1/conversations/{id}/status", new { status = "finished" }, ct);
        using var resolved = await admin.PostAsJsonAsync($"/api/v1/conversations/{id}/status", new { status = "resolved" }, ct);

        Assert.Equal(HttpStatusCode.Forbidden, byKey.StatusCode);
        Assert.Equal(HttpStatusCode.Created, reply.StatusCode);
        Assert.Equal(HttpStatusCode.Created, note.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, assign.StatusCode);
        var why = await assign.Content.ReadFromJsonAsync<JsonElement>(ct);
        Assert.Equal("agentId", why.GetProperty("field").GetString());
        Assert.Contains("vulnerability-trained", why.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("desk", (await transfer.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("field").GetString());
        Assert.Equal("status", (await status.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("field").GetString());
        Assert.Equal("resolved", (await resolved.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("status").GetString());
        var detail = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/conversations/{id}", ct);
        var authors = detail.GetProperty("timeline").EnumerateArray().Select(m => m.GetProperty("author").GetString()).ToList();
        Assert.Equal("note", authors[^1]);
        Assert.Equal("agent", authors[^2]);
    }
}
