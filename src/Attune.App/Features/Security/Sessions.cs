using System.Globalization;
using Attune.App.Common;
using Attune.App.Data;
using Attune.App.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Attune.App.Features.Security;

/// <summary>A signed-in person as a session carries them: who, the stamp their session was opened with, the agent they work as.</summary>
public sealed record SignedIn(UserView User, string Stamp, long? AgentId);

/// <summary>
/// Sign-in, the check that keeps a session honest, and changing one's own password. Wrong passwords are audited and,
/// after <see cref="MaxFailedSignIns"/> in a row, lock the account for <see cref="LockOutFor"/>; a session ends when
/// its account is deactivated or its password changes, and picks up role changes.
/// </summary>
public sealed class Sessions(AttuneDb db, Audit audit, TimeProvider clock)
{
    public const int MaxFailedSignIns = 5;
    public static readonly TimeSpan LockOutFor = TimeSpan.FromMinutes(15);

    /// <summary>The person when the password matches and the account may sign in; else why not, in words fit to show.</summary>
    public async Task<Result<SignedIn>> SignInAsync(string? email, string? password, string origin, CancellationToken ct)
    {
        var normal = email?.Trim().ToLowerInvariant() ?? "";
        var user = await db.Users.FirstOrDefaultAsync(u => u.Email == normal, ct);
        var now = clock.GetUtcNow();
        if (user is null)
        {
            await audit.RecordAsync(normal, "signin.failed", null, origin, ct);
            return WrongPassword;
        }
        // A locked account is refused before its password is checked, so guessing on gains nothing.
        if (user.LockedUntil is { } until && until > now)
        {
            await audit.RecordAsync(normal, "signin.locked", $"user:{user.Id}", origin, ct);
            return Locked(until);
        }
        if (password is null || !Secrets.VerifyPassword(password, user.PasswordHash))
        {
            user.FailedSignIns++;
            var locks = user.FailedSignIns >= MaxFailedSignIns;
            if (locks)
            {
                (user.FailedSignIns, user.LockedUntil) = (0, now + LockOutFor);
            }
            await db.SaveChangesAsync(ct);
            await audit.RecordAsync(normal, "signin.failed", $"user:{user.Id}", origin, ct);
            if (locks)
            {
                await audit.RecordAsync("system", "user.locked", $"user:{user.Id}", $"{MaxFailedSignIns} wrong passwords in a row", ct);
                return Locked(user.LockedUntil!.Value);
            }
            return WrongPassword;
        }
        // Only someone who knows the password learns that the account is deactivated.
        if (user.DeactivatedAt is not null)
        {
            await audit.RecordAsync(normal, "signin.refused", $"user:{user.Id}", $"{origin}; deactivated", ct);
            return Failure.Forbidden("This account is deactivated. Ask an administrator to reactivate it.");
        }
        (user.FailedSignIns, user.LockedUntil) = (0, null);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(normal, "signin.succeeded", $"user:{user.Id}", origin, ct);
        return await OpenAsync(user, ct);
    }

    /// <summary>
    /// The session as it stands now, or null when it has ended: the account is gone or deactivated, or the password
    /// changed since <paramref name="stamp"/> was issued. Roles and the agent are read afresh.
    /// </summary>
    public async Task<SignedIn?> CurrentAsync(long userId, string stamp, CancellationToken ct)
    {
        // One query: it runs for every request that carries the cookie.
        var found = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId && u.DeactivatedAt == null && u.SecurityStamp == stamp)
            .Select(u => new { User = u, Agent = db.Agents.Where(a => a.UserId == u.Id).Select(a => (long?)a.Id).FirstOrDefault() })
            .FirstOrDefaultAsync(ct);
        return found is null ? null : new SignedIn(Users.View(found.User), found.User.SecurityStamp, found.Agent);
    }

    /// <summary>A session for someone who has just proved who they are some other way (first-run set-up).</summary>
    public async Task<SignedIn?> StartAsync(long userId, CancellationToken ct) =>
        await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId && u.DeactivatedAt == null, ct) is { } user
            ? await OpenAsync(user, ct)
            : null;

    /// <summary>Changes one's own password given the current one; every other session of the account ends.</summary>
    public async Task<Result<SignedIn>> ChangePasswordAsync(long userId, string? current, string? next, CancellationToken ct)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId && u.DeactivatedAt == null, ct);
        if (user is null)
        {
            return Failure.NotFound($"User {userId}");
        }
        if (current is null || !Secrets.VerifyPassword(current, user.PasswordHash))
        {
            return Failure.Invalid("currentPassword", "The current password is wrong.");
        }
        if (Users.CheckPassword(next, "newPassword", "The new password") is { } weak)
        {
            return weak;
        }
        if (string.Equals(current, next, StringComparison.Ordinal))
        {
            return Failure.Invalid("newPassword", "The new password must differ from the current one.");
        }
        Users.ReplacePassword(user, next!);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(user.Email, "user.password.changed", $"user:{user.Id}", null, ct);
        return await OpenAsync(user, ct);
    }

    private static Failure WrongPassword => Failure.Forbidden("Email or password is wrong. Check both and try again.");

    private static Failure Locked(DateTimeOffset until) => Failure.Forbidden(string.Create(CultureInfo.InvariantCulture,
        $"Too many wrong passwords: sign-in is locked until {until.UtcDateTime:HH:mm} UTC. An administrator can unlock it by setting a new password."));

    private async Task<SignedIn> OpenAsync(User user, CancellationToken ct)
    {
        var agent = await db.Agents.Where(a => a.UserId == user.Id).Select(a => (long?)a.Id).FirstOrDefaultAsync(ct);
        return new SignedIn(Users.View(user), user.SecurityStamp, agent);
    }
}
