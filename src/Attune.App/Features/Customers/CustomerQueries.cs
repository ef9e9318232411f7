using Attune.App.Common;
using Attune.App.Data;
using Attune.App.Features.Conversations;
using Attune.App.Features.Security;
using Microsoft.EntityFrameworkCore;

namespace Attune.App.Features.Customers;

public sealed record AccountView(long Id, string Name, string Plan, DateOnly? RenewalDate, decimal AnnualValue, string Currency);

public sealed record NeedView(long Id, string Kind, string? Characteristic, string Note, bool Consent, DateTimeOffset RecordedAt, DateOnly? ReviewDate);

public sealed record CustomerSummary(long Id, string Source, string ExternalId, string Name, string? Email, string? Region, string? Locale, string? Account);

public sealed record CustomerDetail(
    long Id, string Source, string ExternalId, string Name, string? Email, string? Phone, string? Handle,
    string? Region, string? Locale, DateTimeOffset CreatedAt, AccountView? Account, IReadOnlyList<NeedView> Needs,
    IReadOnlyList<ConversationDetail> History);

public sealed class CustomerQueries(AttuneDb db, ConversationQueries conversations, Audit audit)
{
    public async Task<Result<Page<CustomerSummary>>> ListAsync(string? search, int page, int pageSize, CancellationToken ct)
    {
        if (page < 1 || pageSize is < 1 or > 200)
        {
            return Failure.Invalid(page < 1 ? "page" : "pageSize", "page starts at 1 and pageSize must be between 1 and 200.");
        }
        var q = db.Customers.AsNoTracking();
        if (search is { Length: > 0 })
        {
            q = q.Where(c => c.Name.Contains(search) || (c.Email != null && c.Email.Contains(search)) || c.ExternalId == search);
        }
        var total = await q.CountAsync(ct);
        var items = await q.OrderBy(c => c.Name).ThenBy(c => c.Id).Skip((page - 1) * pageSize).Take(pageSize)
            .Select(c => new CustomerSummary(c.Id, c.Source, c.ExternalId, c.Name, c.Email, c.Region, c.Locale, c.Account != null ? c.Account.Name : null))
            .ToListAsync(ct);
        return new Page<CustomerSummary>(items, page, pageSize, total);
    }

    /// <summary>The customer with their account, recorded needs and every conversation with its timeline.</summary>
    public async Task<Result<CustomerDetail>> GetAsync(long id, string actor, CancellationToken ct)
    {
        var c = await db.Customers.AsNoTracking().Include(x => x.Account).Include(x => x.Needs).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null)
        {
            return Failure.NotFound($"Customer {id}");
        }
        if (c.Needs.Count > 0)
        {
            await audit.RecordAsync(actor, "vulnerability.viewed", $"customer:{id}", "recorded needs", ct);
        }
        var ids = await db.Conversations.AsNoTracking().Where(x => x.CustomerId == id).OrderByDescending(x => x.LastMessageAt).Select(x => x.Id).Take(100).ToListAsync(ct);
        var history = new List<ConversationDetail>(ids.Count);
        foreach (var conversationId in ids)
        {
            var detail = await conversations.GetAsync(conversationId, actor, ct);
            if (detail.Value is { } d)
            {
                history.Add(d);
            }
        }
        var a = c.Account;
        return new CustomerDetail(c.Id, c.Source, c.ExternalId, c.Name, c.Email, c.Phone, c.Handle, c.Region, c.Locale, c.CreatedAt,
            a is null ? null : new AccountView(a.Id, a.Name, a.Plan, a.RenewalDate, a.AnnualValue, a.Currency),
            [.. c.Needs.Select(n => new NeedView(n.Id, n.Kind, n.Characteristic, n.Note, n.Consent, n.RecordedAt, n.ReviewDate))],
            history);
    }
}
