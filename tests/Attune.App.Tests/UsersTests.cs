using Attune.App.Common;
using Attune.App.Features.Security;
using Microsoft.Extensions.DependencyInjection;

namespace Attune.App.Tests;

public sealed class UsersTests
{
    private static Task<Result<UserView>> CreateAsync(TestDatabase db, NewUser request) =>
        db.WithAsync(sp => sp.GetRequiredService<Users>().CreateAsync(request, "admin@example.com", CancellationToken.None));

    [Fact]
    public async Task CreateWithNoRoles_IsRefusedOnTheRolesField()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");

        var result = await CreateAsync(db, new NewUser("nobody@example.com", "Nobody", "a long enough password", []));

        Assert.Equal("roles", result.Error?.Field);
        Assert.Empty(await db.WithAsync(sp => sp.GetRequiredService<Users>().ListAsync(CancellationToken.None)));
    }

    [Fact]
    public async Task Create_ListsThePersonWithRolesOnceAndWhenCreated()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");

        var created = await CreateAsync(db, new NewUser("Noor@Example.com", "Noor", "a long enough password", ["agent", "lead", "agent"]));

        Assert.True(created.IsOk, created.Error?.Message);
        var listed = Assert.Single(await db.WithAsync(sp => sp.GetRequiredService<Users>().ListAsync(CancellationToken.None)));
        Assert.Equal("noor@example.com", listed.Email);
        Assert.Equal(["agent", "lead"], listed.Roles);
        Assert.NotEqual(default, listed.CreatedAt);
        Assert.Equal(created.Value!.CreatedAt, listed.CreatedAt);
    }
}
