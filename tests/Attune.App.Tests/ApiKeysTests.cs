using Attune.App.Features.Security;
using Microsoft.Extensions.DependencyInjection;

namespace Attune.App.Tests;

public sealed class ApiKeysTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AKey_ShowsWhenItWasLastUsed_AndARevokedOneIsRefused(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var created = (await db.WithAsync(sp => sp.GetRequiredService<ApiKeys>().CreateAsync(new NewApiKey("Connector", [Scopes.Ingest]), "admin@example.com", CancellationToken.None))).Value!;
        Task<ApiKeyView> ViewAsync() => db.WithAsync(async sp => (await sp.GetRequiredService<ApiKeys>().ListAsync(CancellationToken.None)).Single());
        Task<ApiKeyIdentity?> AuthenticateAsync(string key) => db.WithAsync(sp => sp.GetRequiredService<ApiKeys>().AuthenticateAsync(key, CancellationToken.None));

        var unused = await ViewAsync();
        db.Clock.Advance(TimeSpan.FromHours(2));
        var identity = await AuthenticateAsync(created.Key);
        var wrong = await AuthenticateAsync(created.Key[..^1] + (created.Key[^1] == 'x' ? 'y' : 'x'));
        var used = await ViewAsync();
        await db.WithAsync(sp => sp.GetRequiredService<ApiKeys>().RevokeAsync(created.Id, "admin@example.com", CancellationToken.None));
        db.Clock.Advance(TimeSpan.FromHours(1));
        var revoked = await AuthenticateAsync(created.Key);

        Assert.Null(unused.LastUsedAt);
        Assert.Equal("Connector", identity!.Name);
        Assert.Null(wrong);
        Assert.Equal(db.Clock.GetUtcNow() - TimeSpan.FromHours(1), used.LastUsedAt);
        Assert.Null(revoked);
        Assert.Equal(used.LastUsedAt, (await ViewAsync()).LastUsedAt);
    }
}
