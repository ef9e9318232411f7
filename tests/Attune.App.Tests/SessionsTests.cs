using Attune.App.Common;
using Attune.App.Features.Security;
using Microsoft.Extensions.DependencyInjection;

namespace Attune.App.Tests;

public sealed class SessionsTests
{
    private const string Password = "a long enough password";

    internal static async Task<UserView> UserAsync(TestDatabase db, string email, params string[] roles) =>
        (await db.WithAsync(sp => sp.GetRequiredService<Users>().CreateAsync(new NewUser(email, email.Split('@')[0], Password, roles), "admin@example.com", CancellationToken.None))).Value!;

    internal static Task<Result<SignedIn>> SignInAsync(TestDatabase db, string email, string password = Password) =>
        db.WithAsync(sp => sp.GetRequiredService<Sessions>().SignInAsync(email, password, "127.0.0.1", CancellationToken.None));

    internal static Task<SignedIn?> CurrentAsync(TestDatabase db, SignedIn session) =>
        db.WithAsync(sp => sp.GetRequiredService<Sessions>().CurrentAsync(session.User.Id, session.Stamp, CancellationToken.None));

    internal static Task<List<string>> AuditAsync(TestDatabase db) =>
        db.WithAsync(async sp => (await sp.GetRequiredService<Audit>().RecentAsync(100, CancellationToken.None)).Select(a => a.Action).ToList());

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task FiveWrongPasswordsInARow_LockSignInForFifteenMinutes_EvenWithTheRightPassword(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await UserAsync(db, "noor@example.com", Roles.Agent);

        for (var i = 1; i < Sessions.MaxFailedSignIns; i++)
        {
            Assert.Contains("wrong", (await SignInAsync(db, "noor@example.com", "not the password " + i)).Error!.Message, StringComparison.Ordinal);
        }
        var fifth = await SignInAsync(db, "noor@example.com", "not the password 5");
        var right = await SignInAsync(db, "noor@example.com");
        db.Clock.Advance(Sessions.LockOutFor);
        var later = await SignInAsync(db, "noor@example.com");

        Assert.Contains("locked until 09:15 UTC", fifth.Error!.Message, StringComparison.Ordinal);
        Assert.Contains("locked until 09:15 UTC", right.Error!.Message, StringComparison.Ordinal);
        Assert.True(later.IsOk, later.Error?.Message);
        Assert.Null(later.Value!.User.LockedUntil);
        var audit = await AuditAsync(db);
        Assert.Equal(5, audit.Count(a => a == "signin.failed"));
        Assert.Contains("user.locked", audit);
        Assert.Contains("signin.locked", audit);
    }

    [Fact]
    public async Task ASignInInBetween_StartsTheCountOfWrongPasswordsAgain()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await UserAsync(db, "noor@example.com", Roles.Agent);

        for (var i = 1; i < Sessions.MaxFailedSignIns; i++)
        {
            await SignInAsync(db, "noor@example.com", "not the password");
        }
        Assert.True((await SignInAsync(db, "noor@example.com")).IsOk);
        var wrongAgain = await SignInAsync(db, "noor@example.com", "not the password");

        Assert.DoesNotContain("locked", wrongAgain.Error!.Message, StringComparison.Ordinal);
        Assert.True((await SignInAsync(db, "noor@example.com")).IsOk);
    }

    [Fact]
    public async Task UnknownEmail_GetsTheSameAnswerAsAWrongPassword()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await UserAsync(db, "noor@example.com", Roles.Agent);

        var unknown = await SignInAsync(db, "nobody@example.com");
        var wrong = await SignInAsync(db, "noor@example.com", "not the password");

        Assert.Equal(wrong.Error!.Message, unknown.Error!.Message);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ChangingOnesPassword_EndsOtherSessions_AndKeepsTheNewOne(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var user = await UserAsync(db, "noor@example.com", Roles.Agent);
        var elsewhere = (await SignInAsync(db, "noor@example.com")).Value!;

        var changed = await db.WithAsync(sp => sp.GetRequiredService<Sessions>().ChangePasswordAsync(user.Id, Password, "a brand new passphrase", CancellationToken.None));

        Assert.True(changed.IsOk, changed.Error?.Message);
        Assert.Null(await CurrentAsync(db, elsewhere));
        Assert.NotNull(await CurrentAsync(db, changed.Value!));
        Assert.False((await SignInAsync(db, "noor@example.com")).IsOk);
        Assert.True((await SignInAsync(db, "noor@example.com", "a brand new passphrase")).IsOk);
        Assert.Contains("user.password.changed", await AuditAsync(db));
    }

    [Theory]
    [InlineData("not my password", "a brand new passphrase", "currentPassword")]
    [InlineData(Password, "too short", "newPassword")]
    [InlineData(Password, Password, "newPassword")]
    [InlineData(null, "a brand new passphrase", "currentPassword")]
    public async Task ChangingOnesPassword_IsRefusedNamingTheField(string? current, string next, string field)
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        var user = await UserAsync(db, "noor@example.com", Roles.Agent);
        var session = (await SignInAsync(db, "noor@example.com")).Value!;

        var changed = await db.WithAsync(sp => sp.GetRequiredService<Sessions>().ChangePasswordAsync(user.Id, current, next, CancellationToken.None));

        Assert.Equal(ErrorKind.Invalid, changed.Error!.Kind);
        Assert.Equal(field, changed.Error.Field);
        Assert.NotNull(await CurrentAsync(db, session));
    }

    [Fact]
    public async Task ASession_PicksUpChangedRolesAndTheAgentItWorksAs()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        var user = await UserAsync(db, "noor@example.com", Roles.Agent);
        var session = (await SignInAsync(db, "noor@example.com")).Value!;

        await db.WithAsync(sp => sp.GetRequiredService<Users>().ChangeRolesAsync(user.Id, [Roles.Agent, Roles.Lead], "admin@example.com", CancellationToken.None));
        var now = await CurrentAsync(db, session);

        Assert.Equal([Roles.Agent, Roles.Lead], now!.User.Roles);
        Assert.Equal(session.Stamp, now.Stamp);
    }
}
