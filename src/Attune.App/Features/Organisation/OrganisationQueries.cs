using Attune.App.Common;
using Attune.App.Data;
using Attune.App.Data.Entities;
using Attune.Core.Routing.Assignment;
using Microsoft.EntityFrameworkCore;
using Agent = Attune.App.Data.Entities.Agent;

namespace Attune.App.Features.Organisation;

public sealed record DeskView(long Id, string Name, string? Description, int OpenConversations, int Agents);

public sealed class OrganisationQueries(AttuneDb db, TimeProvider clock)
{
    public async Task<IReadOnlyList<DeskView>> DesksAsync(CancellationToken ct) =>
        await db.Desks.AsNoTracking().OrderBy(d => d.Name)
            .Select(d => new DeskView(d.Id, d.Name, d.Description,
                db.Conversations.Count(c => c.DeskId == d.Id && c.Status == ConversationStatus.Open),
                db.Agents.Count(a => a.DeskId == d.Id)))
            .ToListAsync(ct);

    public async Task<IReadOnlyList<AgentView>> AgentsAsync(CancellationToken ct)
    {
        var agents = await db.Agents.AsNoTracking().Include(a => a.Desk).OrderBy(a => a.Name).ToListAsync(ct);
        var open = await OpenCountsAsync(null, ct);
        var now = clock.GetUtcNow();
        return [.. agents.Select(a => View(a, open.GetValueOrDefault(a.Id), now))];
    }

    public async Task<Result<AgentView>> AgentAsync(long id, CancellationToken ct)
    {
        var agent = await db.Agents.AsNoTracking().Include(a => a.Desk).FirstOrDefaultAsync(a => a.Id == id, ct);
        if (agent is null)
        {
            return Failure.NotFound($"Agent {id}");
        }
        var open = await OpenCountsAsync(id, ct);
        return View(agent, open.GetValueOrDefault(id), clock.GetUtcNow());
    }

    /// <summary>The agent linked to user <paramref name="userId"/>, if any.</summary>
    public async Task<Result<AgentView>> AgentOfUserAsync(long? userId, CancellationToken ct)
    {
        var id = userId is null ? null : await db.Agents.AsNoTracking().Where(a => a.UserId == userId).Select(a => (long?)a.Id).FirstOrDefaultAsync(ct);
        return id is null ? Failure.NotFound("An agent linked to your user") : await AgentAsync(id.Value, ct);
    }

    private async Task<Dictionary<long, int>> OpenCountsAsync(long? agentId, CancellationToken ct) =>
        await db.Conversations.AsNoTracking()
            .Where(c => c.AssigneeId != null && c.Status == ConversationStatus.Open && (agentId == null || c.AssigneeId == agentId))
            .GroupBy(c => c.AssigneeId!.Value)
            .Select(g => new { Id = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Id, x => x.Count, ct);

    /// <summary>The agent's load as the assignment board last saved it, recovered to now (faster on a break).</summary>
    internal static double LoadNow(double load, DateTimeOffset? savedAt, Data.Entities.AgentStatus status, DateTimeOffset now) =>
        savedAt is { } at && now > at ? LoadModel.Recover(load, (now - at).TotalMinutes, status == Data.Entities.AgentStatus.Break) : load;

    internal static AgentView View(Agent a, int open, DateTimeOffset now)
    {
        var load = LoadNow(a.Load, a.LoadAt, a.Status, now);
        return new AgentView(a.Id, a.Name, a.Email, a.Desk?.Name, AgentFields.Split(a.Languages), open, AgentFields.Split(a.ExtraDesks),
            a.VulnerabilityTrained, a.Capacity, AgentFields.ChannelCapacity(a.ChannelCapacity), WeeklyShifts.Views(a.Shifts), a.TimeZone,
            a.Status.ToString().ToLowerInvariant(), a.StatusSince, WeeklyShifts.OnShift(a.Shifts, a.TimeZone, now), Math.Round(load, 2),
            a.BreakSuggested, a.UserId);
    }
}
