using Attune.App.Common;
using Attune.App.Data;
using Attune.App.Data.Entities;
using Attune.App.Features.Organisation;
using Attune.App.Features.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attune.App.Tests;

public sealed class AgentProfilesTests
{
    private static readonly Requester Lead = new("lead@example.com", null, IsLead: true);

    private static Task<Result<AgentView>> UpdateAsync(TestDatabase db, long id, AgentRequest request, Requester? by = null) =>
        db.WithAsync(sp => sp.GetRequiredService<AgentProfiles>().UpdateAgentAsync(id, request, by ?? Lead, CancellationToken.None));

    private static Task<Result<AgentView>> StatusAsync(TestDatabase db, long id, string status, Requester? by = null) =>
        db.WithAsync(sp => sp.GetRequiredService<AgentProfiles>().SetStatusAsync(id, new AgentStatusRequest(status), by ?? Lead, CancellationToken.None));

    private static Task<Agent> RowAsync(TestDatabase db, string email) =>
        db.WithAsync(sp => sp.GetRequiredService<AttuneDb>().Agents.AsNoTracking().SingleAsync(a => a.Email == email));

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task CreateAgent_SavesSkillsCapacityAndShifts_AndAudits(string provider)
    {
        await using var db = await ConversationRouterTests.WithAgentsAsync(provider);
        var created = await db.WithAsync(sp => sp.GetRequiredService<AgentProfiles>().CreateAgentAsync(new AgentRequest(
            "Nia Night", "nia@example.com", "Care", ["Support", "*"], ["EN", "pt"], true, 4,
            new Dictionary<string, int> { ["Chat"] = 2, ["phone"] = 0 },
            [new ShiftRequest(["friday", "mon"], "22:00", "06:00")], "Europe/Lisbon"), Lead, CancellationToken.None));

        Assert.True(created.IsOk, created.Error?.Message);
        var a = created.Value!;
        Assert.Equal("Care", a.Desk);
        Assert.Equal(["Support", "*"], a.ExtraDesks);
        Assert.Equal(["en", "pt"], a.Languages);
        Assert.Equal(4, a.Capacity);
        Assert.Equal(2, a.ChannelCapacity["chat"]);
        Assert.Equal(0, a.ChannelCapacity["phone"]);
        var shift = Assert.Single(a.Shifts);
        Assert.Equal(["mon", "fri"], shift.Days);
        Assert.Equal(("22:00", "06:00"), (shift.Start, shift.End));
        Assert.Equal("available", a.Status);
        var audit = await db.WithAsync(sp => sp.GetRequiredService<Audit>().RecentAsync(5, CancellationToken.None));
        Assert.Contains(audit, e => e.Action == "agent.created" && e.Subject == $"agent:{a.Id}" && e.Actor == "lead@example.com");
    }

    [Theory]
    [InlineData("desk", "desk")]
    [InlineData("extraDesks", "extraDesks[1]")]
    [InlineData("languages", "languages[1]")]
    [InlineData("capacity-low", "capacity")]
    [InlineData("capacity-high", "capacity")]
    [InlineData("channel", "channelCapacity.fax")]
    [InlineData("channel-range", "channelCapacity.chat")]
    [InlineData("start", "shifts[0].start")]
    [InlineData("end", "shifts[1].end")]
    [InlineData("day", "shifts[0].days[1]")]
    [InlineData("zone", "timeZone")]
    [InlineData("email", "email")]
    [InlineData("user", "userId")]
    public async Task BadField_IsRefusedNamingIt_AndNothingChanges(string what, string field)
    {
        await using var db = await ConversationRouterTests.WithAgentsAsync("sqlite");
        var tom = await RowAsync(db, "tom@example.com");
        var request = what switch
        {
            "desk" => new AgentRequest(Desk: "Nowhere", Capacity: 9),
            "extraDesks" => new AgentRequest(ExtraDesks: ["Support", "Moon"], Capacity: 9),
            "languages" => new AgentRequest(Languages: ["en", "xx"], Capacity: 9),
            "capacity-low" => new AgentRequest(Capacity: 0),
            "capacity-high" => new AgentRequest(Capacity: 51),
            "channel" => new AgentRequest(Capacity: 9, ChannelCapacity: new Dictionary<string, int> { ["fax"] = 1 }),
            "channel-range" => new AgentRequest(Capacity: 9, ChannelCapacity: new Dictionary<string, int> { ["chat"] = -1 }),
            "start" => new AgentRequest(Capacity: 9, Shifts: [new ShiftRequest(["mon"], "25:00", "17:00")]),
            "end" => new AgentRequest(Capacity: 9, Shifts: [new ShiftRequest(["mon"], "09:00", "17:00"), new ShiftRequest(["tue"], "09:00", "9pm")]),
            "day" => new AgentRequest(Capacity: 9, Shifts: [new ShiftRequest(["mon", "funday"], "09:00", "17:00")]),
            "zone" => new AgentRequest(Capacity: 9, TimeZone: "Mars/Olympus"),
            "email" => new AgentRequest(Capacity: 9, Email: "not-an-address"),
            _ => new AgentRequest(Capacity: 9, UserId: 999),
        };

        var result = await UpdateAsync(db, tom.Id, request);

        Assert.Equal(ErrorKind.Invalid, result.Error?.Kind);
        Assert.Equal(field, result.Error!.Field);
        Assert.Contains(field.Split('.', '[')[0], result.Error.Message, StringComparison.Ordinal);
        Assert.Equal(3, (await RowAsync(db, "tom@example.com")).Capacity);
    }

    [Fact]
    public async Task UnknownAgent_IsNotFound_AndAgentChangingAnyone_IsForbidden()
    {
        await using var db = await ConversationRouterTests.WithAgentsAsync("sqlite");
        var tom = await RowAsync(db, "tom@example.com");
        var agentUser = new Requester("una@example.com", 7, IsLead: false);

        Assert.Equal(ErrorKind.NotFound, (await UpdateAsync(db, 9999, new AgentRequest(Capacity: 2))).Error?.Kind);
        Assert.Equal(ErrorKind.NotFound, (await StatusAsync(db, 9999, "break")).Error?.Kind);
        Assert.Equal(ErrorKind.Forbidden, (await UpdateAsync(db, tom.Id, new AgentRequest(Capacity: 2), agentUser)).Error?.Kind);
        Assert.Equal(ErrorKind.Forbidden, (await StatusAsync(db, tom.Id, "away", agentUser)).Error?.Kind);
        Assert.Equal(ErrorKind.Forbidden, (await db.WithAsync(sp => sp.GetRequiredService<AgentProfiles>()
            .CreateDeskAsync(new DeskRequest("Mine", null), agentUser, CancellationToken.None))).Error?.Kind);
        Assert.Equal(AgentStatus.Available, (await RowAsync(db, "tom@example.com")).Status);
    }

    [Fact]
    public async Task LinkedAgent_SetsOwnStatus_AndBadStatusIsRefused()
    {
        await using var db = await ConversationRouterTests.WithAgentsAsync("sqlite");
        var user = await db.WithAsync(async sp => (await sp.GetRequiredService<Users>().CreateAsync(
            new NewUser("una.user@example.com", "Una", "a long enough password", [Roles.Agent]), "test", CancellationToken.None)).Value!);
        var una = await RowAsync(db, "una@example.com");
        Assert.True((await UpdateAsync(db, una.Id, new AgentRequest(UserId: user.Id))).IsOk);
        var me = new Requester(user.Email, user.Id, IsLead: false);

        var bad = await StatusAsync(db, una.Id, "lunch", me);
        var ok = await StatusAsync(db, una.Id, "Break", me);

        Assert.Equal("status", bad.Error?.Field);
        Assert.Equal("break", ok.Value?.Status);
        Assert.Equal(db.Clock.GetUtcNow(), ok.Value!.StatusSince);
        var audit = await db.WithAsync(sp => sp.GetRequiredService<Audit>().RecentAsync(5, CancellationToken.None));
        Assert.Contains(audit, e => e.Action == "agent.status" && e.Detail == "available -> break" && e.Actor == user.Email);
    }

    [Fact]
    public async Task Break_RecoversLoadFasterThanAway()
    {
        await using var db = await ConversationRouterTests.WithAgentsAsync("sqlite");
        var una = await RowAsync(db, "una@example.com");
        var tom = await RowAsync(db, "tom@example.com");
        await db.WithAsync(sp => sp.GetRequiredService<AttuneDb>().Agents.Where(a => a.Id == una.Id || a.Id == tom.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.Load, 20.0).SetProperty(a => a.LoadAt, db.Clock.GetUtcNow()).SetProperty(a => a.HeavyStreak, 3)));
        await StatusAsync(db, una.Id, "break");
        await StatusAsync(db, tom.Id, "away");

        db.Clock.Advance(TimeSpan.FromMinutes(30));
        var afterBreak = (await StatusAsync(db, una.Id, "available")).Value!;
        var afterAway = (await StatusAsync(db, tom.Id, "available")).Value!;

        // Half-lives: 10 minutes on a break, 45 working or away.
        Assert.Equal(20 * Math.Pow(0.5, 3), afterBreak.Load, 2);
        Assert.Equal(20 * Math.Pow(0.5, 30 / 45.0), afterAway.Load, 2);
        Assert.Equal(0, (await RowAsync(db, "una@example.com")).HeavyStreak);
        Assert.Equal(3, (await RowAsync(db, "tom@example.com")).HeavyStreak);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TrainedAgentOnBreakOrAway_TakesNothing_UntilAvailable(string provider)
    {
        await using var db = await ConversationRouterTests.WithAgentsAsync(provider);
        var tom = await RowAsync(db, "tom@example.com");
        await StatusAsync(db, tom.Id, "break");
        var first = await ConversationRouterTests.SayAsync(db, "m-1", "My husband passed away last month and I need to close his account.", "c-1");
        await ConversationRouterTests.RouteAsync(db);
        Assert.Null((await ConversationRouterTests.GetAsync(db, first.ConversationId)).Assignee);

        await StatusAsync(db, tom.Id, "away");
        var second = await ConversationRouterTests.SayAsync(db, "m-2", "My mother died and the bills keep coming in her name.", "c-2");
        await ConversationRouterTests.RouteAsync(db);
        Assert.Null((await ConversationRouterTests.GetAsync(db, second.ConversationId)).Assignee);

        await StatusAsync(db, tom.Id, "available");
        var third = await ConversationRouterTests.SayAsync(db, "m-3", "My wife passed away and I need to move the account to my name.", "c-3");
        await ConversationRouterTests.RouteAsync(db);
        Assert.Equal("Tom Trained", (await ConversationRouterTests.GetAsync(db, third.ConversationId)).Assignee);
    }

    [Theory]
    [InlineData("UTC", "10:00", "18:00", false)]
    [InlineData("UTC", "08:00", "17:00", true)]
    [InlineData("America/New_York", "08:00", "17:00", false)]
    [InlineData("Asia/Tokyo", "15:00", "23:00", true)]
    [InlineData("UTC", "22:00", "10:00", false)]
    public async Task OffShiftAgent_TakesNothing(string zone, string start, string end, bool assigned)
    {
        // The clock stands at Monday 2026-01-05 09:00 UTC (18:00 in Tokyo); "sun 22:00-10:00" would cover it, "mon 22:00-10:00" does not.
        await using var db = await ConversationRouterTests.WithAgentsAsync("sqlite");
        var tom = await RowAsync(db, "tom@example.com");
        Assert.True((await UpdateAsync(db, tom.Id, new AgentRequest(Shifts: [new ShiftRequest(["mon"], start, end)], TimeZone: zone))).IsOk);

        var said = await ConversationRouterTests.SayAsync(db, "m-1", "My husband passed away last month and I need to close his account.");
        await ConversationRouterTests.RouteAsync(db);

        Assert.Equal(assigned ? "Tom Trained" : null, (await ConversationRouterTests.GetAsync(db, said.ConversationId)).Assignee);
        Assert.Equal(assigned, (await db.WithAsync(sp => sp.GetRequiredService<OrganisationQueries>().AgentAsync(tom.Id, CancellationToken.None))).Value!.OnShift);
    }

    [Fact]
    public async Task ChannelCapacity_Zero_KeepsAgentOffThatChannel()
    {
        await using var db = await ConversationRouterTests.WithAgentsAsync("sqlite");
        var tom = await RowAsync(db, "tom@example.com");
        await UpdateAsync(db, tom.Id, new AgentRequest(ChannelCapacity: new Dictionary<string, int> { ["email"] = 0 }));

        var said = await ConversationRouterTests.SayAsync(db, "m-1", "My husband passed away last month and I need to close his account.");
        await ConversationRouterTests.RouteAsync(db);

        Assert.Null((await ConversationRouterTests.GetAsync(db, said.ConversationId)).Assignee);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Desks_CreateRenameAndConflict(string provider)
    {
        await using var db = await ConversationRouterTests.WithAgentsAsync(provider);
        var profiles = (IServiceProvider sp) => sp.GetRequiredService<AgentProfiles>();
        var created = await db.WithAsync(sp => profiles(sp).CreateDeskAsync(new DeskRequest(" Billing ", "Invoices"), Lead, CancellationToken.None));
        var duplicate = await db.WithAsync(sp => profiles(sp).CreateDeskAsync(new DeskRequest("billing", null), Lead, CancellationToken.None));
        var unnamed = await db.WithAsync(sp => profiles(sp).CreateDeskAsync(new DeskRequest(" ", null), Lead, CancellationToken.None));
        var sam = await RowAsync(db, "sam@example.com");
        await UpdateAsync(db, sam.Id, new AgentRequest(ExtraDesks: ["Priority", "billing"]));

        var renamed = await db.WithAsync(sp => profiles(sp).UpdateDeskAsync(created.Value!.Id, new DeskRequest("Payments", null), Lead, CancellationToken.None));
        var missing = await db.WithAsync(sp => profiles(sp).UpdateDeskAsync(9999, new DeskRequest("X", null), Lead, CancellationToken.None));

        Assert.Equal("Billing", created.Value!.Name);
        Assert.Equal(ErrorKind.Conflict, duplicate.Error?.Kind);
        Assert.Equal("name", unnamed.Error?.Field);
        Assert.Equal(("Payments", "Invoices"), (renamed.Value!.Name, renamed.Value.Description));
        Assert.Equal(ErrorKind.NotFound, missing.Error?.Kind);
        Assert.Equal("Priority,Payments", (await RowAsync(db, "sam@example.com")).ExtraDesks);
    }
}
