using Attune.App.Common;
using Attune.App.Data;
using Attune.App.Data.Entities;
using Attune.App.Features.Security;
using Attune.App.Routing;
using Attune.Core.Routing;
using Microsoft.EntityFrameworkCore;

namespace Attune.App.Features.Routing;

public sealed record ActivePolicy(string Name, string Version, string Yaml, DateTimeOffset? ActivatedAt, string? ActivatedBy, bool BuiltIn);

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
