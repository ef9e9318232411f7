using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Attune.Web.Tests;

public sealed class SecurityTests(AttuneFactory factory) : IClassFixture<AttuneFactory>
{
    [Theory]
    [InlineData("/api/v1/conversations")]
    [InlineData("/api/v1/customers")]
    [InlineData("/api/v1/desks")]
    [InlineData("/api/v1/users")]
    public async Task NoCredentials_Is401(string path)
    {
        using var response = await factory.Client(key: null).GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task UnknownKey_Is401()
    {
        using var response = await factory.Client("atn_not_a_real_key_at_all_00000").GetAsync(new Uri("/api/v1/conversations", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("/api/v1/users")]
    [InlineData("/api/v1/audit")]
    [InlineData("/api/v1/webhooks")]
    public async Task KeyWithoutAdminScope_Is403OnAdminEndpoints(string path)
    {
        using var response = await factory.Client().GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task BearerHeader_IsAcceptedLikeXApiKey()
    {
        var client = factory.Client(key: null);
        client.DefaultRequestHeaders.Authorization = new("Bearer", AttuneFactory.DemoKey);

        using var response = await client.GetAsync(new Uri("/api/v1/desks", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task FirstRunAdmin_CanSignInAndChangeRoles_AndOnlyOnce()
    {
        var anonymous = factory.Client(key: null);
        var admin = new { email = "root@example.com", name = "Root", password = "correct horse battery" };

        using var setup = await anonymous.PostAsJsonAsync("/api/v1/setup", admin, TestContext.Current.CancellationToken);
        using var again = await anonymous.PostAsJsonAsync("/api/v1/setup", admin, TestContext.Current.CancellationToken);
        using var badLogin = await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email = admin.email, password = "wrong password!!" }, TestContext.Current.CancellationToken);
        using var login = await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { admin.email, admin.password }, TestContext.Current.CancellationToken);
        using var created = await anonymous.PostAsJsonAsync("/api/v1/users", new { email = "agent@example.com", name = "Agent", password = "another long password", roles = new[] { "agent" } }, TestContext.Current.CancellationToken);
        var user = await created.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        using var promoted = await anonymous.PutAsJsonAsync($"/api/v1/users/{user.GetProperty("id").GetInt64()}/roles", new { roles = new[] { "agent", "lead" } }, TestContext.Current.CancellationToken);
        var audit = await anonymous.GetFromJsonAsync<JsonElement>("/api/v1/audit", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Created, setup.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, badLogin.StatusCode);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, promoted.StatusCode);
        var actions = audit.EnumerateArray().Select(a => a.GetProperty("action").GetString()).ToList();
        Assert.Contains("signin.failed", actions);
        Assert.Contains("signin.succeeded", actions);
        Assert.Contains("user.roles.changed", actions);
    }

    [Fact]
    public async Task Health_IsOpen()
    {
        using var live = await factory.Client(key: null).GetAsync(new Uri("/health/live", UriKind.Relative), TestContext.Current.CancellationToken);
        using var ready = await factory.Client(key: null).GetAsync(new Uri("/health/ready", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }
}
