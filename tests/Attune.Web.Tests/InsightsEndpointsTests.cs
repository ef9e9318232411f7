using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Attune.App.Data;
using Attune.App.Features.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attune.Web.Tests;

public sealed class InsightsEndpointsTests(AttuneFactory factory) : IClassFixture<AttuneFactory>
{
    private const string Password = "a long enough password";

    private async Task<HttpClient> SignedInAsync(string email, string role, bool linkAgent = false)
    {
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Users>();
            var created = await users.CreateAsync(new NewUser(email, email, Password, [role]), "test", TestContext.Current.CancellationToken);
            if (linkAgent && created.Value is { } user)
            {
                var db = scope.ServiceProvider.GetRequiredService<AttuneDb>();
                var agent = await db.Agents.OrderBy(a => a.Id).FirstAsync(TestContext.Current.CancellationToken);
                agent.UserId = user.Id;
                await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            }
        }
        var client = factory.Client(key: null);
        using var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = Password }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        return client;
    }

    [Fact]
    public async Task Lead_GetsScorecardOfTheDemoWithItsDailySeries()
    {
        var lead = await SignedInAsync("lead-1@example.com", Roles.Lead);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var from = today.AddDays(-29);

        var s = await lead.GetFromJsonAsync<JsonElement>($"/api/v1/insights/scorecard?from={from:yyyy-MM-dd}&to={today:yyyy-MM-dd}", TestContext.Current.CancellationToken);

        var efficiency = s.GetProperty("efficiency");
        var meaning = s.GetProperty("meaning");
        var daily = s.GetProperty("daily").EnumerateArray().ToList();
        Assert.Equal(30, daily.Count);
        Assert.True(efficiency.GetProperty("conversations").GetInt32() > 50);
        Assert.Equal(efficiency.GetProperty("conversations").GetInt32(), daily.Sum(d => d.GetProperty("conversations").GetInt32()));
        Assert.True(efficiency.GetProperty("firstReplyMedianMinutes").GetDouble() > 0);
        Assert.True(meaning.GetProperty("assessedReplies").GetInt32() > 0, "demo replies are coached when seeded");
        Assert.InRange(meaning.GetProperty("hollowPercent").GetDouble(), 0, 100);
        Assert.NotEmpty(meaning.GetProperty("emotionMix").EnumerateArray());
        Assert.True(meaning.GetProperty("vulnerable").GetProperty("conversations").GetInt32() > 0);
    }

    [Fact]
    public async Task BadDate_IsProblemNamingTheField()
    {
        var lead = await SignedInAsync("lead-2@example.com", Roles.Lead);

        using var response = await lead.GetAsync(new Uri("/api/v1/insights/scorecard?from=yesterday", UriKind.Relative), TestContext.Current.CancellationToken);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("from", problem.GetProperty("field").GetString());
    }

    [Fact]
    public async Task Team_IsForLeadsNotAgents()
    {
        var lead = await SignedInAsync("lead-3@example.com", Roles.Lead);
        var agent = await SignedInAsync("agent-3@example.com", Roles.Agent);

        using var forLead = await lead.GetAsync(new Uri("/api/v1/insights/team", UriKind.Relative), TestContext.Current.CancellationToken);
        using var forAgent = await agent.GetAsync(new Uri("/api/v1/insights/team", UriKind.Relative), TestContext.Current.CancellationToken);
        using var scorecardForAgent = await agent.GetAsync(new Uri("/api/v1/insights/scorecard", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, forLead.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forAgent.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, scorecardForAgent.StatusCode);
        var team = await forLead.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal(12, team.GetProperty("agents").GetArrayLength());
    }

    [Fact]
    public async Task MyDay_IsTheSignedInAgentsOwn_AndLeadsMayAskForAnyAgent()
    {
        var agent = await SignedInAsync("agent-4@example.com", Roles.Agent, linkAgent: true);
        var lead = await SignedInAsync("lead-4@example.com", Roles.Lead);

        var mine = await agent.GetFromJsonAsync<JsonElement>("/api/v1/insights/my-day", TestContext.Current.CancellationToken);
        var agentId = mine.GetProperty("agentId").GetInt64();
        using var other = await agent.GetAsync(new Uri($"/api/v1/insights/my-day?agentId={agentId + 1}", UriKind.Relative), TestContext.Current.CancellationToken);
        var asLead = await lead.GetFromJsonAsync<JsonElement>($"/api/v1/insights/my-day?agentId={agentId}", TestContext.Current.CancellationToken);
        using var leadWithoutAgent = await lead.GetAsync(new Uri("/api/v1/insights/my-day", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.NotEmpty(mine.GetProperty("load").EnumerateArray());
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Equal(agentId, asLead.GetProperty("agentId").GetInt64());
        Assert.Equal(HttpStatusCode.BadRequest, leadWithoutAgent.StatusCode);
    }
}
