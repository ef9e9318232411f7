using Attune.App.Common;
using Attune.App.Data;
using Attune.App.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Attune.App.Features.Security;

public sealed record NewUser(string? Email, string? Name, string? Password, IReadOnlyList<string>? Roles = null);

/// <summary>A person who can sign in; <see cref="DeactivatedAt"/> and <see cref="LockedUntil"/> say when they cannot.</summary>
public sealed record UserView(long Id, string Email, string Name, IReadOnlyList<string> Roles, DateTimeOffset CreatedAt,
    DateTimeOffset? DeactivatedAt = null, DateTimeOffset? LockedUntil = null)
{
    public bool Active => DeactivatedAt is null;
}

/// <summary>Local accounts: first-run admin set-up, creating users and changing roles (all audited).</summary>
public sealed partial class Users(AttuneDb db, Audit audit, TimeProvider clock)
{
    public const int MinPasswordLength = 12;

    public Task<bool> AdminExistsAsync(CancellationToken ct) => db.Users.AnyAsync(u => u.Roles.Contains(Roles.Admin), ct);

    /// <summary>A refusal when <paramref name="password"/> is too short to be a password here, naming <paramref name="field"/>.</summary>
    public static Failure? CheckPassword(string? password, string field, string? label = null) =>
        password is null || password.Length < MinPasswordLength
            ? Failure.Invalid(field, $"{label ?? field} must have at least {MinPasswordLength} characters.")
            : null;

    /// <summary>Gives the account a new password, which also ends every session opened with the old one.</summary>
    internal static void ReplacePassword(User user, string password) =>
        (user.PasswordHash, user.SecurityStamp) = (Secrets.HashPassword(password), NewStamp());

    /// <summary>A security stamp for an account; replacing it ends every session that carries the old one (see <see cref="Sessions.CurrentAsync"/>).</summary>
    internal static string NewStamp() => Secrets.Token(16);

    /// <summary>Whether <paramref name="id"/> is the only active administrator, whom nobody may demote or deactivate.</summary>
    internal static async Task<bool> IsLastAdminAsync(AttuneDb db, long id, CancellationToken ct) =>
        !await db.Users.AnyAsync(u => u.Id != id && u.DeactivatedAt == null && u.Roles.Contains(Roles.Admin), ct);

    public async Task<Result<UserView>> SetUpAdminAsync(NewUser request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await AdminExistsAsync(ct))
        {
            return Failure.Conflict("An administrator already exists; sign in as them to add users.");
        }
        var result = await CreateAsync(request with { Roles = [Roles.Admin] }, "setup", ct);
        return result;
    }

    public async Task<Result<UserView>> CreateAsync(NewUser request, string actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.Email) || !request.Email.Contains('@', StringComparison.Ordinal))
        {
            return Failure.Invalid("email", "email is required and must be an e-mail address.");
        }
        if (string.IsNullOrWhiteSpace(request.Name))
        {
            return Failure.Invalid("name", "name is required.");
        }
        if (CheckPassword(request.Password, "password") is { } weak)
        {
            return weak;
        }
        if (request.Roles is { Count: 0 })
        {
            return Failure.Invalid("roles", "roles is required: one or more of agent, lead, admin.");
        }
        if (ValidateRoles(request.Roles ?? [Roles.Agent]) is { } bad)
        {
            return bad;
        }
        var email = request.Email.Trim().ToLowerInvariant();
        if (await db.Users.AnyAsync(u => u.Email == email, ct))
        {
            return Failure.Conflict($"A user with email {email} already exists.");
        }
        var user = new User
        {
            Email = email,
            Name = request.Name.Trim(),
            PasswordHash = Secrets.HashPassword(request.Password!),
            SecurityStamp = NewStamp(),
            Roles = string.Join(',', (request.Roles ?? [Roles.Agent]).Distinct()),
            CreatedAt = clock.GetUtcNow(),
        };
        db.Users.Add(user);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(actor, "user.created", $"user:{user.Id}", $"roles={user.Roles}", ct);
        return View(user);
    }

    public async Task<Result<UserView>> ChangeRolesAsync(long id, IReadOnlyList<string>? roles, string actor, CancellationToken ct)
    {
        if (roles is null || roles.Count == 0)
        {
            return Failure.Invalid("roles", "roles is required: one or more of agent, lead, admin.");
        }
        if (ValidateRoles(roles) is { } bad)
        {
            return bad;
        }
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == id, ct);
        if (user is null)
        {
            return Failure.NotFound($"User {id}");
        }
        var before = user.Roles;
        user.Roles = string.Join(',', roles.Distinct());
        if (before.Contains(Roles.Admin, StringComparison.Ordinal) && !user.Roles.Contains(Roles.Admin, StringComparison.Ordinal)
            && await IsLastAdminAsync(db, id, ct))
        {
            return Failure.Conflict("This is the last administrator; make someone else admin first.");
        }
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(actor, "user.roles.changed", $"user:{id}", $"{before} -> {user.Roles}", ct);
        return View(user);
    }

    public async Task<IReadOnlyList<UserView>> ListAsync(CancellationToken ct) =>
        [.. (await db.Users.AsNoTracking().OrderBy(u => u.Id).ToListAsync(ct)).Select(View)];

    private static Failure? ValidateRoles(IReadOnlyList<string> roles)
    {
        foreach (var r in roles)
        {
            if (!Roles.All.Contains(r))
            {
                return Failure.Invalid("roles", $"role '{r}' is not one of: agent, lead, admin.");
            }
        }
        return null;
    }

    internal static UserView View(User u) =>
        new(u.Id, u.Email, u.Name, u.Roles.Split(',', StringSplitOptions.RemoveEmptyEntries), u.CreatedAt, u.DeactivatedAt, u.LockedUntil);
}
