using Attune.App.Data;
using Microsoft.EntityFrameworkCore;

namespace Attune.App.Features.Conversations;

/// <summary>Who is looking or acting: the audit name (a user's email or an API key's name) and their roles.</summary>
public sealed record Viewer(string Actor, IReadOnlyCollection<string> Roles)
{
    public bool IsLead => Roles.Contains(Security.Roles.Lead) || Roles.Contains(Security.Roles.Admin);
}

/// <summary>The agent row behind a viewer, if any, and whether they may see vulnerability details.</summary>
public sealed record ViewerAgent(long? AgentId, string? AgentName, bool MaySeeVulnerability)
{
    /// <summary>Vulnerability details go to vulnerability-trained agents, leads and admins only.</summary>
    public static async Task<ViewerAgent> ForAsync(AttuneDb db, Viewer viewer, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(viewer);
        var actor = viewer.Actor;
        var agent = await db.Agents.AsNoTracking()
            .Where(a => a.Email == actor || db.Users.Any(u => u.Id == a.UserId && u.Email == actor))
            .OrderBy(a => a.Id)
            .Select(a => new { a.Id, a.Name, a.VulnerabilityTrained })
            .FirstOrDefaultAsync(ct);
        return new ViewerAgent(agent?.Id, agent?.Name, viewer.IsLead || agent?.VulnerabilityTrained == true);
    }
}
