using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Attune.Web.Tests;

public sealed class EraseCustomerEndpointTests(AttuneFactory factory) : IClassFixture<AttuneFactory>
{
    [Fact]
    public async Task OnlyAnAdministratorErasesACustomer_AndThenTheyAreGone()
    {
        var ct = TestContext.Current.CancellationToken;
        var key = factory.Client();
        var customers = await key.GetFromJsonAsync<JsonElement>("/api/v1/customers?pageSize=1", ct);
        var id = customers.GetProperty("items")[0].GetProperty("id").GetInt64();
        using var byKey = await key.DeleteAsync(new Uri($"/api/v1/customers/{id}", UriKind.Relative), ct);
        var admin = factory.Client(key: null);
        var credentials = new { email = "dpo@example.com", name = "Privacy", password = "a long enough password" };
        (await admin.PostAsJsonAsync("/api/v1/setup", credentials, ct)).EnsureSuccessStatusCode();
        (await admin.PostAsJsonAsync("/api/v1/auth/login", new { credentials.email, credentials.password }, ct)).EnsureSuccessStatusCode();

        using var erased = await admin.DeleteAsync(new Uri($"/api/v1/customers/{id}", UriKind.Relative), ct);
        using var gone = await key.GetAsync(new Uri($"/api/v1/customers/{id}", UriKind.Relative), ct);
        using var again = await admin.DeleteAsync(new Uri($"/api/v1/customers/{id}", UriKind.Relative), ct);
        var audit = await admin.GetFromJsonAsync<JsonElement>("/api/v1/audit?what=customer.", ct);

        Assert.Equal(HttpStatusCode.Forbidden, byKey.StatusCode);
        Assert.Equal(HttpStatusCode.OK, erased.StatusCode);
        Assert.True((await erased.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("conversations").GetInt32() > 0);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        var entry = audit.EnumerateArray().Single();
        Assert.Equal($"customer:{id}", entry.GetProperty("subject").GetString());
        Assert.Equal(credentials.email, entry.GetProperty("actor").GetString());
    }
}
