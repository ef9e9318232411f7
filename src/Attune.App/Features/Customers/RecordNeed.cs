using Attune.App.Common;
using Attune.App.Data;
using Attune.App.Data.Entities;
using Attune.App.Features.Security;
using Microsoft.EntityFrameworkCore;

namespace Attune.App.Features.Customers;

public sealed record NewNeed(string? Kind, string? Characteristic, string? Note, bool Consent, DateOnly? ReviewDate);

/// <summary>Records a need the customer told us about; kept only with their consent and always with a review date.</summary>
public sealed class RecordNeed(AttuneDb db, Audit audit, TimeProvider clock)
{
    public async Task<Result<NeedView>> HandleAsync(long customerId, NewNeed request, string actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.Kind))
        {
            return Failure.Invalid("kind", "kind is required (e.g. \"vulnerability\", \"accessibility\").");
        }
        if (string.IsNullOrWhiteSpace(request.Note))
        {
            return Failure.Invalid("note", "note is required: what the customer told us and what helps them.");
        }
        if (!request.Consent)
        {
            return Failure.Invalid("consent", "consent must be true: a need is recorded only with the customer's agreement.");
        }
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (request.ReviewDate is { } review && review <= today)
        {
            return Failure.Invalid("reviewDate", "reviewDate must be in the future.");
        }
        if (!await db.Customers.AnyAsync(c => c.Id == customerId, ct))
        {
            return Failure.NotFound($"Customer {customerId}");
        }
        var need = new RecordedNeed
        {
            CustomerId = customerId,
            Kind = request.Kind.Trim(),
            Characteristic = request.Characteristic,
            Note = request.Note.Trim(),
            Consent = true,
            RecordedAt = clock.GetUtcNow(),
            ReviewDate = request.ReviewDate ?? today.AddMonths(6),
        };
        db.Needs.Add(need);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(actor, "need.recorded", $"customer:{customerId}", need.Kind, ct);
        return new NeedView(need.Id, need.Kind, need.Characteristic, need.Note, need.Consent, need.RecordedAt, need.ReviewDate);
    }
}
