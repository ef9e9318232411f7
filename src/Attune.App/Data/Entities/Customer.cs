namespace Attune.App.Data.Entities;

public sealed class Customer
{
    public long Id { get; set; }

    /// <summary>The system the customer was first seen in; with <see cref="ExternalId"/> it identifies them.</summary>
    public required string Source { get; set; }
    public required string ExternalId { get; set; }
    public required string Name { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? Handle { get; set; }
    public string? Region { get; set; }
    public string? Locale { get; set; }
    public long? AccountId { get; set; }
    public Account? Account { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public List<RecordedNeed> Needs { get; set; } = [];
}

public sealed class Account
{
    public long Id { get; set; }
    public required string Name { get; set; }
    public required string Plan { get; set; }
    public DateOnly? RenewalDate { get; set; }
    public decimal AnnualValue { get; set; }
    public string Currency { get; set; } = "EUR";
}

/// <summary>A need the customer told us about (e.g. a vulnerability), kept only with their consent and reviewed.</summary>
public sealed class RecordedNeed
{
    public long Id { get; set; }
    public long CustomerId { get; set; }
    public required string Kind { get; set; }
    public string? Characteristic { get; set; }
    public required string Note { get; set; }
    public bool Consent { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public DateOnly? ReviewDate { get; set; }
}
