using Attune.App.Data;
using Microsoft.EntityFrameworkCore;

namespace Attune.App.Features.Organisation;

public sealed record DeskView(long Id, string Name, string? Description, int OpenConversations, int Agents);

public sealed record AgentView(long Id, string Name, string Email, string? Desk, IReadOnlyList<string> Languages, int OpenConversations);

public sealed class OrganisationQueries(AttuneDb db)
{
    public async Task<IReadOnlyList<DeskView>> DesksAsync(CancellationToken ct) =>
        await db.Desks.AsNoTracking().OrderBy(d => d.Name)
            .Select(d => new DeskView(d.Id, d.Name, d.Description,
                db.Conversations.Count(c => c.DeskId == d.Id && c.Status == Data.Entities.ConversationStatus.Open),
                db.Agents.Count(a => a.DeskId == d.Id)))
            .ToListAsync(ct);

    public async Task<IReadOnlyList<AgentView>> AgentsAsync(CancellationToken ct)
    {
        var rows = await db.Agents.AsNoTracking().OrderBy(a => a.Name)
            .Select(a => new
            {
                a.Id,
                a.Name,
                a.Email,
                Desk = a.Desk != null ? a.Desk.Name : null,
                a.Languages,
                Open = db.Conversations.Count(c => c.AssigneeId == a.Id && c.Status == Data.Entities.ConversationStatus.Open),
            })
            .ToListAsync(ct);
        return [.. rows.Select(a => new AgentView(a.Id, a.Name, a.Email, a.Desk, a.Languages.Split(','), a.Open))];
    }
}
