using Attune.App.Data;
using Attune.App.Features.Security;
using Microsoft.EntityFrameworkCore;

namespace Attune.App.Features.Demo;

/// <summary>Demo people to sign in as (printed in the README); they exist only in databases seeded in demo mode.</summary>
public sealed class DemoUsers(AttuneDb db, Users users)
{
    public const string Password = "attune-demo-2026";

    /// <summary>Email, name, roles, and the demo agent the user works as (null for people who take no conversations).</summary>
    public static readonly IReadOnlyList<(string Email, string Name, string[] Roles, string? Agent)> People =
    [
        ("admin@attune.demo", "Alex Morgan", [Roles.Admin, Roles.Lead], null),
        ("lead@attune.demo", "Lena Okafor", [Roles.Lead], null),
        ("agent@attune.demo", "Sara Janssen", [Roles.Agent], "Sara Janssen"),
        ("general@attune.demo", "Mei Lin", [Roles.Agent], "Mei Lin"),
    ];

    /// <summary>Creates the demo people that are missing and links agents to their demo agent row; safe to rerun.</summary>
    public async Task SeedAsync(CancellationToken ct)
    {
        foreach (var (email, name, roles, agentName) in People)
        {
            var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Email == email, ct);
            var id = user?.Id;
            if (user is null)
            {
                var created = await users.CreateAsync(new NewUser(email, name, Password, roles), "demo-seed", ct);
                id = created.Value?.Id;
            }
            if (agentName is not null && id is { } userId)
            {
                await db.Agents.Where(a => a.Name == agentName && a.UserId == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(a => a.UserId, userId), ct);
            }
        }
    }
}
