using Attune.App.Common;
using Attune.App.Data;
using Attune.App.Data.Entities;
using Attune.App.Features.Security;
using Attune.App.Routing;
using Attune.Core.Routing;
using Microsoft.EntityFrameworkCore;

namespace Attune.App.Features.Routing;

public sealed record ActivePolicy(string Name, string Version, string Yaml, DateTimeOffset? ActivatedAt, string? ActivatedBy, bool BuiltIn);

/// <summary>One version that was (or is) active: who activated it, when it was replaced, and how many routing decisions
/// it made. The built-in default has no id and no activation.</summary>
public sealed record PolicyVersionEntry(
    long? Id, string Name, string Version, DateTimeOffset? ActivatedAt, string? ActivatedBy, DateTimeOffset? ReplacedAt, bool IsActive, bool BuiltIn, int Decisions);

public sealed record PolicyVersionView(long Id, string Name, string Version, string Yaml, DateTimeOffset ActivatedAt, string ActivatedBy, bool IsActive);

/// <summary>The active routing policy: the built-in default until a lead or admin activates one. Only a policy that
/// passes validation is ever activated; every activated version is kept.</summary>
public sealed class RoutingPolicies(AttuneDb db, Audit audit, TimeProvider clock)
{
    public async Task<ActivePolicy> ActiveAsync(CancellationToken ct)
    {
        var active = await db.RoutingPolicies.AsNoTracking().Where(p => p.IsActive).OrderByDescending(p => p.Id).FirstOrDefaultAsync(ct);
        if (active is not null)
        {
            return new ActivePolicy(active.Name, active.Version, active.Yaml, active.ActivatedAt, active.ActivatedBy, false);
        }
        var builtIn = PolicyYaml.Default();
        return new ActivePolicy(builtIn.Name, builtIn.Version, RoutingResources.DefaultPolicyYaml, null, null, true);
    }

    /// <summary>Every activated version, newest first, then the built-in default (active until the first activation);
    /// decisions are the conversations whose latest routing recorded that name and version.</summary>
    public async Task<IReadOnlyList<PolicyVersionEntry>> HistoryAsync(CancellationToken ct)
    {
        var rows = await db.RoutingPolicies.AsNoTracking().OrderBy(p => p.ActivatedAt).ThenBy(p => p.Id)
            .Select(p => new { p.Id, p.Name, p.Version, p.ActivatedAt, p.ActivatedBy, p.IsActive }).ToListAsync(ct);
        var decisions = (await db.Conversations.AsNoTracking().Where(c => c.PolicyName != null && c.PolicyVersion != null)
                .GroupBy(c => new { c.PolicyName, c.PolicyVersion })
                .Select(g => new { g.Key.PolicyName, g.Key.PolicyVersion, Count = g.Count() })
                .ToListAsync(ct))
            .ToDictionary(x => (x.PolicyName!, x.PolicyVersion!), x => x.Count);
        var builtIn = PolicyYaml.Default();
        var history = new List<PolicyVersionEntry>(rows.Count + 1)
        {
            new(null, builtIn.Name, builtIn.Version, null, null, rows.Count > 0 ? rows[0].ActivatedAt : null, rows.Count == 0, true,
                decisions.GetValueOrDefault((builtIn.Name, builtIn.Version))),
        };
        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            history.Add(new PolicyVersionEntry(r.Id, r.Name, r.Version, r.ActivatedAt, r.ActivatedBy,
                i + 1 < rows.Count ? rows[i + 1].ActivatedAt : null, r.IsActive, false, decisions.GetValueOrDefault((r.Name, r.Version))));
        }
        history.Reverse();
        return history;
    }

    public async Task<Result<PolicyVersionView>> VersionAsync(long id, CancellationToken ct)
    {
        var row = await db.RoutingPolicies.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        return row is null
            ? Failure.NotFound($"Policy version {id}")
            : new PolicyVersionView(row.Id, row.Name, row.Version, row.Yaml, row.ActivatedAt, row.ActivatedBy, row.IsActive);
    }

    public async Task<Result<ActivePolicy>> ActivateAsync(string? yaml, string actor, CancellationToken ct)
    {
        var (policy, problems) = PolicyYaml.Check(yaml ?? "");
        if (policy is null)
        {
            var first = problems[0];
            return Failure.Invalid(first.Field, $"The policy is not valid and was not activated: {string.Join("; ", problems)}");
        }
        if (await db.RoutingPolicies.AnyAsync(p => p.Name == policy.Name && p.Version == policy.Version, ct))
        {
            return Failure.Conflict($"Policy {policy.Name} version {policy.Version} was activated before; give the changed policy a new version.");
        }
        await db.RoutingPolicies.Where(p => p.IsActive).ExecuteUpdateAsync(u => u.SetProperty(p => p.IsActive, false), ct);
        var row = new RoutingPolicyVersion { Name = policy.Name, Version = policy.Version, Yaml = yaml!, ActivatedAt = clock.GetUtcNow(), ActivatedBy = actor, IsActive = true };
        db.RoutingPolicies.Add(row);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(actor, "routing-policy.activated", $"policy:{policy.Name}", policy.Version, ct);
        return new ActivePolicy(row.Name, row.Version, row.Yaml, row.ActivatedAt, row.ActivatedBy, false);
    }
}
