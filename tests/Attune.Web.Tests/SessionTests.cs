using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Attune.Web.Tests;

/// <summary>Sessions over HTTP: deactivation, role changes, password changes and lock-out reach cookies already handed out.</summary>
public sealed class SessionTests(AttuneFactory factory) : IClassFixture<AttuneFactory>
{
    private const string AdminEmail = "root@example.com";
    private const string AdminPassword = "correct horse battery";
    private static readonly SemaphoreSlim SetUp = new(1, 1);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<HttpClient> AdminAsync()
    {
        var admin = factory.Client(key: null);
        await SetUp.WaitAsync(Ct);
        try
        {
            using var _ = await admin.PostAsJsonAsync("/api/v1/setup", new { email = AdminEmail, name = "Root", password = AdminPassword }, Ct);
        }
        finally
        {
            SetUp.Release();
        }
        using var login = await admin.PostAsJsonAsync("/api/v1/auth/login", new { email = AdminEmail, password = AdminPassword }, Ct);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        return admin;
    }

    private static async Task<long> CreateAsync(HttpClient admin, string email, string password, params string[] roles)
    {
        using var created = await admin.PostAsJsonAsync("/api/v1/users", new { email, name = email.Split('@')[0], password, roles }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetInt64();
    }

    private async Task<(HttpClient Client, HttpStatusCode Status, string Body)> SignInAsync(string email, string password)
    {
        var client = factory.Client(key: null);
        using var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password }, Ct);
        return (client, login.StatusCode, await login.Content.ReadAsStringAsync(Ct));
    }

    private static async Task<HttpStatusCode> StatusAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Ct);
        return response.StatusCode;
    }

    [Fact]
    public async Task Deactivating_EndsTheirCookieAtOnce_AndReactivatingLetsThemBackIn()
    {
        var admin = await AdminAsync();
        var id = await CreateAsync(admin, "leaver@example.com", "a long enough password", "agent");
        var (leaver, status, _) = await SignInAsync("leaver@example.com", "a long enough password");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(leaver, "/api/v1/auth/me"));

        using var deactivated = await admin.PostAsync(new Uri($"/api/v1/users/{id}/deactivate", UriKind.Relative), null, Ct);
        var afterwards = await StatusAsync(leaver, "/api/v1/auth/me");
        var (_, again, refusal) = await SignInAsync("leaver@example.com", "a long enough password");
        using var reactivated = await admin.PostAsync(new Uri($"/api/v1/users/{id}/reactivate", UriKind.Relative), null, Ct);
        var (_, back, _) = await SignInAsync("leaver@example.com", "a long enough password");

        Assert.Equal(HttpStatusCode.OK, deactivated.StatusCode);
        Assert.False((await deactivated.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("user").GetProperty("active").GetBoolean());
        Assert.Equal(HttpStatusCode.Unauthorized, afterwards);
        Assert.Equal(HttpStatusCode.Unauthorized, again);
        Assert.Contains("deactivated", refusal, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, reactivated.StatusCode);
        Assert.Equal(HttpStatusCode.OK, back);
    }

    [Fact]
    public async Task AnAdministratorCannotDeactivateThemselves()
    {
        var admin = await AdminAsync();
        var me = await admin.GetFromJsonAsync<JsonElement>("/api/v1/users", Ct);
        var myId = me.EnumerateArray().Single(u => u.GetProperty("email").GetString() == AdminEmail).GetProperty("id").GetInt64();

        using var response = await admin.PostAsync(new Uri($"/api/v1/users/{myId}/deactivate", UriKind.Relative), null, Ct);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(admin, "/api/v1/users"));
    }

    [Fact]
    public async Task ARoleChange_ReachesACookieAlreadyHandedOut()
    {
        var admin = await AdminAsync();
        var id = await CreateAsync(admin, "rising@example.com", "a long enough password", "agent");
        var (rising, _, _) = await SignInAsync("rising@example.com", "a long enough password");
        var before = await StatusAsync(rising, "/api/v1/users");

        using var promoted = await admin.PutAsJsonAsync($"/api/v1/users/{id}/roles", new { roles = new[] { "agent", "admin" } }, Ct);
        var after = await StatusAsync(rising, "/api/v1/users");
        using var demoted = await admin.PutAsJsonAsync($"/api/v1/users/{id}/roles", new { roles = new[] { "agent" } }, Ct);
        var demotedAfter = await StatusAsync(rising, "/api/v1/users");

        Assert.Equal(HttpStatusCode.Forbidden, before);
        Assert.Equal(HttpStatusCode.OK, after);
        Assert.Equal(HttpStatusCode.Forbidden, demotedAfter);
    }

    [Fact]
    public async Task ChangingOnesPassword_KeepsThisSession_AndEndsTheOthers()
    {
        var admin = await AdminAsync();
        await CreateAsync(admin, "mover@example.com", "the first password", "agent");
        var (here, _, _) = await SignInAsync("mover@example.com", "the first password");
        var (there, _, _) = await SignInAsync("mover@example.com", "the first password");

        using var wrong = await here.PostAsJsonAsync("/api/v1/auth/password", new { currentPassword = "not it at all", newPassword = "the second password" }, Ct);
        using var changed = await here.PostAsJsonAsync("/api/v1/auth/password", new { currentPassword = "the first password", newPassword = "the second password" }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("currentPassword", await wrong.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(here, "/api/v1/auth/me"));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(there, "/api/v1/auth/me"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await SignInAsync("mover@example.com", "the first password")).Status);
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync("mover@example.com", "the second password")).Status);
    }

    [Fact]
    public async Task AnApiKey_HasNoPasswordToChange()
    {
        using var response = await factory.Client().PostAsJsonAsync("/api/v1/auth/password", new { currentPassword = "x", newPassword = "a long enough password" }, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task WrongPasswordsLockTheAccount_AndAnAdministratorsNewPasswordUnlocksIt()
    {
        var admin = await AdminAsync();
        var id = await CreateAsync(admin, "forgetful@example.com", "a long enough password", "agent");
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await SignInAsync("forgetful@example.com", "a wrong guess " + i)).Status);
        }

        var (_, fifth, locked) = await SignInAsync("forgetful@example.com", "a wrong guess 4");
        var (_, right, _) = await SignInAsync("forgetful@example.com", "a long enough password");
        var listed = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/users", Ct)).EnumerateArray().Single(u => u.GetProperty("id").GetInt64() == id);
        using var reset = await admin.PutAsJsonAsync($"/api/v1/users/{id}/password", new { password = "set by the admin" }, Ct);
        using var tooShort = await admin.PutAsJsonAsync($"/api/v1/users/{id}/password", new { password = "short" }, Ct);
        var (_, unlocked, _) = await SignInAsync("forgetful@example.com", "set by the admin");

        Assert.Equal(HttpStatusCode.Unauthorized, fifth);
        Assert.Contains("locked until", locked, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, right);
        Assert.Equal(JsonValueKind.String, listed.GetProperty("lockedUntil").ValueKind);
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, tooShort.StatusCode);
        Assert.Contains("\"password\"", await tooShort.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, unlocked);
    }

    [Fact]
    public async Task TheAuditTrail_FiltersByWhatAndWho_AndPagesWithBefore()
    {
        var admin = await AdminAsync();
        await CreateAsync(admin, "audited-1@example.com", "a long enough password", "agent");
        await CreateAsync(admin, "audited-2@example.com", "a long enough password", "agent");

        var people = await admin.GetFromJsonAsync<JsonElement>("/api/v1/audit?what=people&who=ROOT@", Ct);
        var first = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/audit?what=user.created&take=1", Ct)).EnumerateArray().Single();
        var older = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/audit?what=user.created&take=1&before={first.GetProperty("id").GetInt64()}", Ct);

        Assert.NotEmpty(people.EnumerateArray());
        Assert.All(people.EnumerateArray(), e =>
        {
            Assert.StartsWith("user.", e.GetProperty("action").GetString(), StringComparison.Ordinal);
            Assert.Equal(AdminEmail, e.GetProperty("actor").GetString());
        });
        var next = older.EnumerateArray().Single();
        Assert.True(next.GetProperty("id").GetInt64() < first.GetProperty("id").GetInt64());
        Assert.Equal("user.created", next.GetProperty("action").GetString());
    }
}
