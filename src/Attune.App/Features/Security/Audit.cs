using Attune.App.Data;
using Attune.App.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Attune.App.Features.Security;

public sealed record AuditView(long Id, DateTimeOffset At, string Actor, string Action, string? Subject, string? Detail);

/// <summary>One kind of audit event as an administrator looks for it: a key, a label, and the action prefixes it covers.</summary>
public sealed record AuditCategory(string Key, string Label, IReadOnlyList<string> Prefixes);

/// <summary>
/// A page of the audit trail, newest first. <paramref name="Before"/> is the id to pass for the next (older) page;
/// null when there is none.
/// </summary>
public sealed record AuditPage(IReadOnlyList<AuditView> Events, long? Before);

/// <summary>Records who did or saw what: sign-ins, role changes, access to vulnerability details.</summary>
public sealed class Audit(AttuneDb db, TimeProvider clock)
{
    public const int MaxPage = 1000;

    public static readonly IReadOnlyList<AuditCategory> Categories =
    [
        new("signin", "Sign-ins", ["signin."]),
        new("people", "People and passwords", ["user."]),
        new("keys", "API keys and webhooks", ["apikey.", "webhook."]),
        new("vulnerability", "Vulnerability details and erasures", ["vulnerability.", "need.", "customer."]),
        new("conversations", "Conversations", ["conversation."]),
        new("organisation", "Desks, agents, policies and articles", ["desk.", "agent.", "routing-policy.", "article."]),
    ];

    public async Task RecordAsync(string actor, string action, string? subject, string? detail, CancellationToken ct)
    {
        db.AuditEvents.Add(new AuditEvent { At = clock.GetUtcNow(), Actor = actor, Action = action, Subject = subject, Detail = detail });
        await db.SaveChangesAsync(ct);
    }

    public async Task<IReadOnlyList<AuditView>> RecentAsync(int take, CancellationToken ct) =>
        (await SearchAsync(null, null, null, take, ct)).Events;

    /// <summary>
    /// Events newest first, older than <paramref name="before"/> (an id) when given, of one <see cref="Categories"/> key
    /// or an action prefix (<paramref name="what"/>), by actors whose name contains <paramref name="who"/>.
    /// </summary>
    public async Task<AuditPage> SearchAsync(string? what, string? who, long? before, int take, CancellationToken ct)
    {
        take = Math.Clamp(take, 1, MaxPage);
        var query = db.AuditEvents.AsNoTracking();
        if (before is { } id)
        {
            query = query.Where(a => a.Id < id);
        }
        if (!string.IsNullOrWhiteSpace(what))
        {
            var prefixes = (Categories.FirstOrDefault(c => c.Key == what.Trim())?.Prefixes ?? [what.Trim()]).ToArray();
            query = query.Where(a => prefixes.Any(p => a.Action.StartsWith(p)));
        }
        if (!string.IsNullOrWhiteSpace(who))
        {
            var part = who.Trim().ToLowerInvariant();
#pragma warning disable CA1862 // The database compares: ToLower is what EF translates on both providers, StringComparison is not.
            query = query.Where(a => a.Actor.ToLower().Contains(part));
#pragma warning restore CA1862
        }
        var events = await query.OrderByDescending(a => a.Id).Take(take + 1)
            .Select(a => new AuditView(a.Id, a.At, a.Actor, a.Action, a.Subject, a.Detail)).ToListAsync(ct);
        return events.Count > take ? new AuditPage(events[..take], events[take - 1].Id) : new AuditPage(events, null);
    }
}
