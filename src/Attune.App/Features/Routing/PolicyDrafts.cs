using Attune.App.Common;
using Attune.App.Data;
using Attune.App.Data.Entities;
using Attune.App.Features.Security;
using Microsoft.EntityFrameworkCore;

namespace Attune.App.Features.Routing;

/// <summary>What a lead sends to create or save a draft; <paramref name="Revision"/> is the revision the edit started
/// from (ignored on create). A null YAML on create starts from the active policy.</summary>
public sealed record DraftInput(string? Title, string? Yaml, int Revision = 0);

public sealed record DraftSummary(long Id, string Title, string UpdatedBy, DateTimeOffset UpdatedAt, int Revision);

public sealed record DraftView(
    long Id, string Title, string Yaml, string CreatedBy, DateTimeOffset CreatedAt, string UpdatedBy, DateTimeOffset UpdatedAt, int Revision,
    PolicyValidation Validation);

/// <summary>Policy drafts shared by the leads and admins (a lead expects a colleague to be able to review or continue a
/// draft). Saving may store an invalid draft — it is work in progress — and returns its validation; a save based on
/// an older revision than the stored one is refused, so nobody's edit is lost silently.</summary>
public sealed class PolicyDrafts(AttuneDb db, RoutingPolicies policies, Audit audit, TimeProvider clock)
{
    /// <summary>The longest draft accepted, in characters; the default policy is well under a tenth of it.</summary>
    public const int MaxYamlLength = 200_000;

    public const int MaxTitleLength = 200;

    public async Task<IReadOnlyList<DraftSummary>> ListAsync(CancellationToken ct) =>
        await db.PolicyDrafts.AsNoTracking().OrderByDescending(d => d.UpdatedAt).ThenByDescending(d => d.Id)
            .Select(d => new DraftSummary(d.Id, d.Title, d.UpdatedBy, d.UpdatedAt, d.Revision)).ToListAsync(ct);

    public async Task<Result<DraftView>> GetAsync(long id, CancellationToken ct)
    {
        var row = await db.PolicyDrafts.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct);
        return row is null ? Failure.NotFound($"Draft {id}") : View(row);
    }

    public async Task<Result<DraftView>> CreateAsync(DraftInput input, string actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var yaml = input.Yaml ?? (await policies.ActiveAsync(ct)).Yaml;
        if (Check(input.Title, yaml) is { } invalid)
        {
            return invalid;
        }
        var now = clock.GetUtcNow();
        var row = new PolicyDraft
        {
            Title = input.Title!.Trim(),
            Yaml = yaml,
            CreatedBy = actor,
            CreatedAt = now,
            UpdatedBy = actor,
            UpdatedAt = now,
            Revision = 1,
        };
        db.PolicyDrafts.Add(row);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(actor, "routing-policy.draft.created", $"draft:{row.Id}", row.Title, ct);
        return View(row);
    }

    public async Task<Result<DraftView>> SaveAsync(long id, DraftInput input, string actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (Check(input.Title, input.Yaml) is { } invalid)
        {
            return invalid;
        }
        var row = await db.PolicyDrafts.FirstOrDefaultAsync(d => d.Id == id, ct);
        if (row is null)
        {
            return Failure.NotFound($"Draft {id}");
        }
        if (row.Revision != input.Revision)
        {
            return Stale(row);
        }
        row.Title = input.Title!.Trim();
        row.Yaml = input.Yaml!;
        row.UpdatedBy = actor;
        row.UpdatedAt = clock.GetUtcNow();
        row.Revision++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another save landed between our read and write.
            db.ChangeTracker.Clear();
            return Stale(await db.PolicyDrafts.AsNoTracking().FirstAsync(d => d.Id == id, ct));
        }
        return View(row);
    }

    public async Task<Result<bool>> DeleteAsync(long id, string actor, CancellationToken ct)
    {
        var deleted = await db.PolicyDrafts.Where(d => d.Id == id).ExecuteDeleteAsync(ct);
        if (deleted == 0)
        {
            return Failure.NotFound($"Draft {id}");
        }
        await audit.RecordAsync(actor, "routing-policy.draft.deleted", $"draft:{id}", null, ct);
        return true;
    }

    private static Failure Stale(PolicyDraft row) =>
        Failure.Conflict($"{row.UpdatedBy} saved this draft at {row.UpdatedAt:u} (revision {row.Revision}) after you opened it; reload it and apply your change again.");

    private static Failure? Check(string? title, string? yaml) =>
        string.IsNullOrWhiteSpace(title) ? Failure.Invalid("title", "title is required: a short name for the draft")
        : title.Trim().Length > MaxTitleLength ? Failure.Invalid("title", $"title takes at most {MaxTitleLength} characters")
        : yaml is null ? Failure.Invalid("yaml", "yaml is required: the policy text (it may be incomplete while you work on it)")
        : yaml.Length > MaxYamlLength ? Failure.Invalid("yaml", $"yaml takes at most {MaxYamlLength:N0} characters")
        : null;

    private static DraftView View(PolicyDraft d) =>
        new(d.Id, d.Title, d.Yaml, d.CreatedBy, d.CreatedAt, d.UpdatedBy, d.UpdatedAt, d.Revision, PolicyPreview.Validate(d.Yaml));
}
