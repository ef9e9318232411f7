using Attune.App.Common;
using Attune.App.Data;
using Attune.App.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Attune.App.Features.Security;

public sealed record NewApiKey(string? Name, IReadOnlyList<string>? Scopes);

/// <summary>The plain key is returned once, at creation; only its hash is stored.</summary>
public sealed record CreatedApiKey(long Id, string Name, string Key, IReadOnlyList<string> Scopes);

/// <summary>A key as admins see it later: never the key itself, only its first characters.</summary>
public sealed record ApiKeyView(long Id, string Name, string Prefix, IReadOnlyList<string> Scopes, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt,
    DateTimeOffset? LastUsedAt = null);

public sealed record ApiKeyIdentity(long Id, string Name, IReadOnlyList<string> Scopes);

public sealed class ApiKeys(AttuneDb db, Audit audit, TimeProvider clock)
{
    private const int PrefixLength = 12;

    public async Task<Result<CreatedApiKey>> CreateAsync(NewApiKey request, string actor, CancellationToken ct, string? fixedKey = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.Name))
        {
            return Failure.Invalid("name", "name is required.");
        }
        if (request.Scopes is null || request.Scopes.Count == 0)
        {
            return Failure.Invalid("scopes", "scopes is required: one or more of ingest, read, admin.");
        }
        foreach (var s in request.Scopes)
        {
            if (!Scopes.All.Contains(s))
            {
                return Failure.Invalid("scopes", $"scope '{s}' is not one of: ingest, read, admin.");
            }
        }
        var key = fixedKey ?? "atn_" + Secrets.Token();
        var row = new ApiKey
        {
            Name = request.Name.Trim(),
            Prefix = key[..PrefixLength],
            Hash = Secrets.HashKey(key),
            Scopes = string.Join(',', request.Scopes.Distinct()),
            CreatedAt = clock.GetUtcNow(),
        };
        db.ApiKeys.Add(row);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(actor, "apikey.created", $"apikey:{row.Id}", $"scopes={row.Scopes}", ct);
        return new CreatedApiKey(row.Id, row.Name, key, row.Scopes.Split(','));
    }

    /// <summary>Every key, newest first, revoked ones included (with when).</summary>
    public async Task<IReadOnlyList<ApiKeyView>> ListAsync(CancellationToken ct) =>
        [.. (await db.ApiKeys.AsNoTracking().OrderByDescending(k => k.Id).ToListAsync(ct))
            .Select(k => new ApiKeyView(k.Id, k.Name, k.Prefix, k.Scopes.Split(','), k.CreatedAt, k.RevokedAt, k.LastUsedAt))];

    /// <summary>
    /// The key's identity when it is valid and not revoked, noting when it was used. The web host caches the answer
    /// for a minute, so this runs (and writes) about once a minute per key and node, not per request.
    /// </summary>
    public async Task<ApiKeyIdentity?> AuthenticateAsync(string? key, CancellationToken ct)
    {
        if (key is null || key.Length < PrefixLength + 8)
        {
            return null;
        }
        var prefix = key[..PrefixLength];
        var row = await db.ApiKeys.AsNoTracking().FirstOrDefaultAsync(k => k.Prefix == prefix && k.RevokedAt == null, ct);
        if (row is null || !System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
                System.Text.Encoding.ASCII.GetBytes(row.Hash), System.Text.Encoding.ASCII.GetBytes(Secrets.HashKey(key))))
        {
            return null;
        }
        var now = clock.GetUtcNow();
        await db.ApiKeys.Where(k => k.Id == row.Id).ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedAt, now), ct);
        return new ApiKeyIdentity(row.Id, row.Name, row.Scopes.Split(','));
    }

    public async Task<Result<bool>> RevokeAsync(long id, string actor, CancellationToken ct)
    {
        var row = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == id, ct);
        if (row is null)
        {
            return Failure.NotFound($"API key {id}");
        }
        row.RevokedAt ??= clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(actor, "apikey.revoked", $"apikey:{id}", null, ct);
        return true;
    }
}
