using Attune.App.Data;
using Attune.App.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Attune.App.Features.Security;

public sealed record AuditView(long Id, DateTimeOffset At, string Actor, string Action, string? Subject, string? Detail);

/// <summary>Records who did or saw what: sign-ins, role changes, access to vulnerability details.</summary>
public sealed class Audit(AttuneDb db, TimeProvider clock)
{
    public async Task RecordAsync(string actor, string action, string? subject, string? detail, CancellationToken ct)
    {
        db.AuditEvents.Add(new AuditEvent { At = clock.GetUtcNow(), Actor = actor, Action = action, Subject = subject, Detail = detail });
        await db.SaveChangesAsync(ct);
    }

    public async Task<IReadOnlyList<AuditView>> RecentAsync(int take, CancellationToken ct) =>
        await db.AuditEvents.AsNoTracking().OrderByDescending(a => a.Id).Take(Math.Clamp(take, 1, 1000))
            .Select(a => new AuditView(a.Id, a.At, a.Actor, a.Action, a.Subject, a.Detail)).ToListAsync(ct);
}
