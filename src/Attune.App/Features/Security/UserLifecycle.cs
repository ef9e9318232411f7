using Attune.App.Common;
using Attune.App.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Attune.App.Features.Security;

/// <summary>What deactivating someone did: the account, and how many of their open conversations went back to routing.</summary>
public sealed record Deactivated(UserView User, int ConversationsReleased);

/// <summary>An administrator's part in an account's life: deactivating, reactivating, setting a new password (all audited).</summary>
public sealed partial class Users
{
    /// <summary>
    /// Ends the person's sessions and refuses their sign-ins. Their agent goes away, and the conversations they held
    /// open go back to routing, so no customer waits on someone who is gone. Nobody deactivates themselves or the last
    /// active administrator.
    /// </summary>
    public async Task<Result<Deactivated>> DeactivateAsync(long id, string actor, long? actorId, CancellationToken ct)
    {
        if (id == actorId)
        {
            return Failure.Conflict("You cannot deactivate your own account; another administrator can.");
        }
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == id, ct);
        if (user is null)
        {
            return Failure.NotFound($"User {id}");
        }
        if (user.DeactivatedAt is not null)
        {
            return new Deactivated(View(user), 0);
        }
        if (user.Roles.Contains(Roles.Admin, StringComparison.Ordinal) && await IsLastAdminAsync(db, id, ct))
        {
            return Failure.Conflict("This is the last active administrator; make someone else admin first.");
        }
        var now = clock.GetUtcNow();
        user.DeactivatedAt = now;
        user.SecurityStamp = NewStamp();
        var agents = await db.Agents.Where(a => a.UserId == id).ToListAsync(ct);
        foreach (var agent in agents)
        {
            (agent.Status, agent.StatusSince) = (AgentStatus.Away, now);
        }
        var held = agents.Select(a => (long?)a.Id).ToList();
        var open = await db.Conversations
            .Where(c => held.Contains(c.AssigneeId) && (c.Status == ConversationStatus.Open || c.Status == ConversationStatus.Pending))
            .ToListAsync(ct);
        foreach (var conversation in open)
        {
            // Routed again on the router's next pass, to someone who is here.
            (conversation.AssigneeId, conversation.RoutedMessageId) = (null, null);
        }
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(actor, "user.deactivated", $"user:{id}", $"conversations released={open.Count}", ct);
        return new Deactivated(View(user), open.Count);
    }

    /// <summary>Lets the person sign in again (with the password they had), and lifts any lock-out.</summary>
    public async Task<Result<UserView>> ReactivateAsync(long id, string actor, CancellationToken ct)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == id, ct);
        if (user is null)
        {
            return Failure.NotFound($"User {id}");
        }
        if (user.DeactivatedAt is null)
        {
            return View(user);
        }
        (user.DeactivatedAt, user.FailedSignIns, user.LockedUntil) = (null, 0, null);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(actor, "user.reactivated", $"user:{id}", null, ct);
        return View(user);
    }

    /// <summary>Sets a new password for someone who lost theirs or was locked out: lifts the lock-out and ends their sessions.</summary>
    public async Task<Result<UserView>> SetPasswordAsync(long id, string? password, string actor, CancellationToken ct)
    {
        if (CheckPassword(password, "password") is { } weak)
        {
            return weak;
        }
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == id, ct);
        if (user is null)
        {
            return Failure.NotFound($"User {id}");
        }
        ReplacePassword(user, password!);
        (user.FailedSignIns, user.LockedUntil) = (0, null);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(actor, "user.password.set", $"user:{id}", null, ct);
        return View(user);
    }
}
