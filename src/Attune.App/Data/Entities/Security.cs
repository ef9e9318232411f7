namespace Attune.App.Data.Entities;

public sealed class User
{
    public long Id { get; set; }
    public required string Email { get; set; }
    public required string Name { get; set; }
    public required string PasswordHash { get; set; }

    /// <summary>Comma-separated roles: agent, lead, admin.</summary>
    public string Roles { get; set; } = "agent";
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Changes with the password and on deactivation, which ends every session signed in before.</summary>
    public string SecurityStamp { get; set; } = "";

    /// <summary>When an administrator deactivated the account; a deactivated person cannot sign in.</summary>
    public DateTimeOffset? DeactivatedAt { get; set; }

    /// <summary>Wrong passwords in a row since the last sign-in or lock-out.</summary>
    public int FailedSignIns { get; set; }

    /// <summary>Sign-in is refused until then, after too many wrong passwords in a row.</summary>
    public DateTimeOffset? LockedUntil { get; set; }
}

public sealed class ApiKey
{
    public long Id { get; set; }
    public required string Name { get; set; }

    /// <summary>The key's first characters, shown to people and used to find the row; the rest is only hashed.</summary>
    public required string Prefix { get; set; }
    public required string Hash { get; set; }

    /// <summary>Comma-separated scopes: ingest, read, admin.</summary>
    public required string Scopes { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }

    /// <summary>When the key last got a request in, to within a minute (it is written when a node verifies the key).</summary>
    public DateTimeOffset? LastUsedAt { get; set; }
}

public sealed class AuditEvent
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public required string Actor { get; set; }
    public required string Action { get; set; }
    public string? Subject { get; set; }
    public string? Detail { get; set; }
}

public sealed class Webhook
{
    public long Id { get; set; }
    public required string Url { get; set; }
    public required string Secret { get; set; }

    /// <summary>Comma-separated event names, or * for all.</summary>
    public string Events { get; set; } = "*";
    public bool Active { get; set; } = true;
    public DateTimeOffset CreatedAt { get; set; }
}

public sealed class WebhookDelivery
{
    public long Id { get; set; }
    public long WebhookId { get; set; }
    public required string Event { get; set; }
    public required string Payload { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public DateTimeOffset? DeliveredAt { get; set; }
    public bool Failed { get; set; }
    public int? LastStatus { get; set; }
    public string? LastError { get; set; }
}

/// <summary>Progress of one import file, so a rerun resumes after the last committed line.</summary>
public sealed class ImportRun
{
    public long Id { get; set; }
    public required string Key { get; set; }
    public long LinesDone { get; set; }
    public long Imported { get; set; }
    public long Rejected { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
}
