using Attune.App.Common;
using Attune.App.Data;
using Attune.App.Data.Entities;
using Attune.App.Features.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Attune.App.Tests.ConversationRouterTests;
using static Attune.App.Tests.SessionsTests;

namespace Attune.App.Tests;

public sealed class UserLifecycleTests
{
    private static Task<Result<Deactivated>> DeactivateAsync(TestDatabase db, long id, long? by = null) =>
        db.WithAsync(sp => sp.GetRequiredService<Users>().DeactivateAsync(id, "admin@example.com", by, CancellationToken.None));

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Deactivating_EndsSessionsRefusesSignIn_AndSendsTheirOpenConversationsBackToRouting(string provider)
    {
        await using var db = await WithAgentsAsync(provider);
        await UserAsync(db, "root@example.com", Roles.Admin);
        var tom = await UserAsync(db, "tom@example.com", Roles.Agent);
        var session = (await SignInAsync(db, "tom@example.com")).Value!;
        var open = await SayAsync(db, "m-1", "My card was charged twice, please refund one.", "c-1");
        var resolved = await SayAsync(db, "m-2", "Thanks, all sorted now.", "c-2");
        var tomAgent = await db.WithAsync(async sp =>
        {
            var ctx = sp.GetRequiredService<AttuneDb>();
            var agent = await ctx.Agents.SingleAsync(a => a.Email == "tom@example.com");
            agent.UserId = tom.Id;
            await ctx.SaveChangesAsync();
            await ctx.Conversations.Where(c => c.Id == open.ConversationId || c.Id == resolved.ConversationId)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.AssigneeId, agent.Id));
            await ctx.Conversations.Where(c => c.Id == resolved.ConversationId)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, ConversationStatus.Resolved));
            return agent.Id;
        });
        await RouteAsync(db);

        var deactivated = await DeactivateAsync(db, tom.Id);
        await RouteAsync(db);

        Assert.True(deactivated.IsOk, deactivated.Error?.Message);
        Assert.False(deactivated.Value!.User.Active);
        Assert.Equal(1, deactivated.Value.ConversationsReleased);
        Assert.Null(await CurrentAsync(db, session));
        Assert.Contains("deactivated", (await SignInAsync(db, "tom@example.com")).Error!.Message, StringComparison.Ordinal);
        var (agentStatus, openAssignee, resolvedAssignee) = await db.WithAsync(async sp =>
        {
            var ctx = sp.GetRequiredService<AttuneDb>();
            return ((await ctx.Agents.SingleAsync(a => a.Id == tomAgent)).Status,
                (await ctx.Conversations.SingleAsync(c => c.Id == open.ConversationId)).AssigneeId,
                (await ctx.Conversations.SingleAsync(c => c.Id == resolved.ConversationId)).AssigneeId);
        });
        Assert.Equal(AgentStatus.Away, agentStatus);
        Assert.NotNull(openAssignee);
        Assert.NotEqual(tomAgent, openAssignee);
        Assert.Equal(tomAgent, resolvedAssignee);
        Assert.Contains("user.deactivated", await AuditAsync(db));
    }

    [Fact]
    public async Task Reactivating_LetsThemSignInWithTheirPassword()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await UserAsync(db, "root@example.com", Roles.Admin);
        var noor = await UserAsync(db, "noor@example.com", Roles.Agent);
        await DeactivateAsync(db, noor.Id);

        var back = await db.WithAsync(sp => sp.GetRequiredService<Users>().ReactivateAsync(noor.Id, "admin@example.com", CancellationToken.None));

        Assert.True(back.Value!.Active);
        Assert.True((await SignInAsync(db, "noor@example.com")).IsOk);
        Assert.Contains("user.reactivated", await AuditAsync(db));
    }

    [Fact]
    public async Task NobodyDeactivatesThemselves_OrTheLastActiveAdministrator()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        var root = await UserAsync(db, "root@example.com", Roles.Admin);
        var other = await UserAsync(db, "other@example.com", Roles.Admin);

        var self = await DeactivateAsync(db, root.Id, by: root.Id);
        var first = await DeactivateAsync(db, other.Id, by: root.Id);
        var last = await DeactivateAsync(db, root.Id, by: null);
        var demoteLast = await db.WithAsync(sp => sp.GetRequiredService<Users>().ChangeRolesAsync(root.Id, [Roles.Agent], "cli", CancellationToken.None));

        Assert.Equal(ErrorKind.Conflict, self.Error!.Kind);
        Assert.True(first.IsOk);
        Assert.Equal(ErrorKind.Conflict, last.Error!.Kind);
        Assert.Equal(ErrorKind.Conflict, demoteLast.Error!.Kind);
        Assert.True((await SignInAsync(db, "root@example.com")).IsOk);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SettingAPassword_LiftsTheLockOut_AndEndsTheirSessions(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var noor = await UserAsync(db, "noor@example.com", Roles.Agent);
        var session = (await SignInAsync(db, "noor@example.com")).Value!;
        for (var i = 0; i < Sessions.MaxFailedSignIns; i++)
        {
            await SignInAsync(db, "noor@example.com", "not the password");
        }
        Assert.NotNull((await db.WithAsync(sp => sp.GetRequiredService<Users>().ListAsync(CancellationToken.None))).Single().LockedUntil);

        var set = await db.WithAsync(sp => sp.GetRequiredService<Users>().SetPasswordAsync(noor.Id, "given by the admin", "admin@example.com", CancellationToken.None));
        var tooShort = await db.WithAsync(sp => sp.GetRequiredService<Users>().SetPasswordAsync(noor.Id, "short", "admin@example.com", CancellationToken.None));

        Assert.Null(set.Value!.LockedUntil);
        Assert.Equal("password", tooShort.Error!.Field);
        Assert.Null(await CurrentAsync(db, session));
        Assert.True((await SignInAsync(db, "noor@example.com", "given by the admin")).IsOk);
        Assert.Contains("user.password.set", await AuditAsync(db));
    }

    [Fact]
    public async Task UnknownUser_IsNotFound()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");

        Assert.Equal(ErrorKind.NotFound, (await DeactivateAsync(db, 404)).Error!.Kind);
        Assert.Equal(ErrorKind.NotFound, (await db.WithAsync(sp => sp.GetRequiredService<Users>().ReactivateAsync(404, "a", CancellationToken.None))).Error!.Kind);
        Assert.Equal(ErrorKind.NotFound, (await db.WithAsync(sp => sp.GetRequiredService<Users>().SetPasswordAsync(404, "a long enough password", "a", CancellationToken.None))).Error!.Kind);
    }
}
