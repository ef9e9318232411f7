using Attune.App.Common;
using Attune.App.Data;
using Attune.App.Features.Security;
using Microsoft.EntityFrameworkCore;

namespace Attune.App.Features.Customers;

/// <summary>What erasing a customer removed.</summary>
public sealed record Erased(long CustomerId, int Conversations, int Messages, int Needs, int Alerts);

/// <summary>
/// Erases a customer at their request (the right to erasure): their record, recorded needs, conversations with every
/// message and reading, and the lead alerts about those conversations, in one transaction. The B2B account stays (it
/// is the company's, not the person's). The audit trail keeps that it happened, by whom, and the counts, not who the
/// customer was.
/// </summary>
public sealed class EraseCustomer(AttuneDb db, Audit audit)
{
    public async Task<Result<Erased>> HandleAsync(long customerId, string actor, CancellationToken ct)
    {
        if (!await db.Customers.AnyAsync(c => c.Id == customerId, ct))
        {
            return Failure.NotFound($"Customer {customerId}");
        }
        Erased erased;
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            var conversations = db.Conversations.Where(c => c.CustomerId == customerId);
            var alerts = await db.Alerts.Where(a => a.ConversationId != null && conversations.Any(c => c.Id == a.ConversationId)).ExecuteDeleteAsync(ct);
            var messages = await db.Messages.Where(m => conversations.Any(c => c.Id == m.ConversationId)).ExecuteDeleteAsync(ct);
            var threads = await conversations.ExecuteDeleteAsync(ct);
            var needs = await db.Needs.Where(n => n.CustomerId == customerId).ExecuteDeleteAsync(ct);
            await db.Customers.Where(c => c.Id == customerId).ExecuteDeleteAsync(ct);
            erased = new Erased(customerId, threads, messages, needs, alerts);
            await audit.RecordAsync(actor, "customer.erased", $"customer:{customerId}",
                $"conversations={threads} messages={messages} needs={needs} alerts={alerts}", ct);
            await tx.CommitAsync(ct);
        }
        return erased;
    }
}
