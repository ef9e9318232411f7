using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Attune.Web.Tests;

public sealed class OrganisationEndpointsTests(AttuneFactory factory) : IClassFixture<AttuneFactory>
{
    private async Task<HttpClient> SignInAsync(string email, string password, CancellationToken ct)
    {
        var client = factory.Client(key: null);
        (await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password }, ct)).EnsureSuccessStatusCode();
        return client;
    }

    private async Task<HttpClient> AdminAsync(CancellationToken ct)
    {
        var setup = factory.Client(key: null);
        var exists = (await setup.GetFromJsonAsync<JsonElement>("/api/v1/setup", ct)).GetProperty("adminExists").GetBoolean();
        if (!exists)
        {
            (await setup.PostAsJsonAsync("/api/v1/setup", new { email = "root@example.com", name = "Root", password = "a long enough password" }, ct)).EnsureSuccessStatusCode();
        }
        return await SignInAsync("root@example.com", "a long enough password", ct);
    }

    private static async Task<JsonElement> FieldOfAsync(HttpResponseMessage response, CancellationToken ct) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("field");

    [Fact]
    public async Task Admin_CreatesDeskAndAgent_EditsCapacity_BadFieldsNamed()
    {
        var ct = TestContext.Current.CancellationToken;
        var admin = await AdminAsync(ct);

        using var desk = await admin.PostAsJsonAsync("/api/v1/desks", new { name = "Payments", description = "Refunds and invoices" }, ct);
        Assert.Equal(HttpStatusCode.Created, desk.StatusCode);
        using var agent = await admin.PostAsJsonAsync("/api/v1/agents", new
        {
            name = "Ada Agent",
            email = "ada@example.com",
            desk = "Payments",
            languages = new[] { "en", "fr" },
            vulnerabilityTrained = true,
            capacity = 3,
            channelCapacity = new Dictionary<string, int> { ["chat"] = 2 },
            shifts = new[] { new { days = new[] { "mon", "tue", "wed", "thu", "fri" }, start = "09:00", end = "17:30" } },
            timeZone = "Europe/Paris",
        }, ct);
        Assert.Equal(HttpStatusCode.Created, agent.StatusCode);
        var id = (await agent.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetInt64();

        using var changed = await admin.PatchAsJsonAsync($"/api/v1/agents/{id}", new { capacity = 5 }, ct);
        var view = await changed.Content.ReadFromJsonAsync<JsonElement>(ct);
        Assert.Equal(5, view.GetProperty("capacity").GetInt32());
        Assert.Equal("Payments", view.GetProperty("desk").GetString());
        Assert.Equal("17:30", view.GetProperty("shifts")[0].GetProperty("end").GetString());
        var listed = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/agents", ct)).EnumerateArray().Single(a => a.GetProperty("id").GetInt64() == id);
        Assert.Equal(5, listed.GetProperty("capacity").GetInt32());

        using var tooMany = await admin.PatchAsJsonAsync($"/api/v1/agents/{id}", new { capacity = 500 }, ct);
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.Equal("capacity", (await FieldOfAsync(tooMany, ct)).GetString());
        using var badDesk = await admin.PatchAsJsonAsync($"/api/v1/agents/{id}", new { desk = "Narnia" }, ct);
        Assert.Equal("desk", (await FieldOfAsync(badDesk, ct)).GetString());
        using var badTime = await admin.PatchAsJsonAsync($"/api/v1/agents/{id}", new { shifts = new[] { new { days = new[] { "mon" }, start = "9am", end = "17:00" } } }, ct);
        Assert.Equal("shifts[0].start", (await FieldOfAsync(badTime, ct)).GetString());
        using var badLanguage = await admin.PatchAsJsonAsync($"/api/v1/agents/{id}", new { languages = new[] { "english" } }, ct);
        Assert.Equal("languages[0]", (await FieldOfAsync(badLanguage, ct)).GetString());
        using var missing = await admin.PatchAsJsonAsync("/api/v1/agents/987654", new { capacity = 2 }, ct);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);

        var audit = await admin.GetFromJsonAsync<JsonElement>("/api/v1/audit", ct);
        Assert.Contains(audit.EnumerateArray(), e => e.GetProperty("action").GetString() == "agent.updated" && e.GetProperty("detail").GetString()!.Contains("capacity: 3 -> 5", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Agent_SetsOwnStatus_IsRefusedOthersAndSkills()
    {
        var ct = TestContext.Current.CancellationToken;
        var admin = await AdminAsync(ct);
        using var created = await admin.PostAsJsonAsync("/api/v1/users", new { email = "bo@example.com", name = "Bo", password = "a long enough password", roles = new[] { "agent" } }, ct);
        var userId = (await created.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetInt64();
        var agents = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/agents", ct)).EnumerateArray().ToList();
        var mine = agents[0].GetProperty("id").GetInt64();
        var other = agents[1].GetProperty("id").GetInt64();
        (await admin.PatchAsJsonAsync($"/api/v1/agents/{mine}", new { userId }, ct)).EnsureSuccessStatusCode();
        var bo = await SignInAsync("bo@example.com", "a long enough password", ct);

        using var own = await bo.PutAsJsonAsync($"/api/v1/agents/{mine}/status", new { status = "break" }, ct);
        using var others = await bo.PutAsJsonAsync($"/api/v1/agents/{other}/status", new { status = "away" }, ct);
        using var skills = await bo.PatchAsJsonAsync($"/api/v1/agents/{mine}", new { capacity = 9 }, ct);
        using var desk = await bo.PostAsJsonAsync("/api/v1/desks", new { name = "Mine" }, ct);
        using var byKey = await factory.Client().PutAsJsonAsync($"/api/v1/agents/{other}/status", new { status = "away" }, ct);
        var me = await bo.GetFromJsonAsync<JsonElement>("/api/v1/agents/me", ct);

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal("break", me.GetProperty("status").GetString());
        Assert.Equal(mine, me.GetProperty("id").GetInt64());
        Assert.Equal(HttpStatusCode.Forbidden, others.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, skills.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, desk.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byKey.StatusCode);
        using var lead = await admin.PutAsJsonAsync($"/api/v1/agents/{other}/status", new { status = "holiday" }, ct);
        Assert.Equal("status", (await FieldOfAsync(lead, ct)).GetString());
    }
}
