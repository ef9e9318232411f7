namespace Attune.App.Data.Entities;

/// <summary>A routing policy being written, shared by the leads: anyone may continue or review it; the revision stops
/// one lead's save from silently overwriting another's newer edit. A draft may be invalid; only activation validates.</summary>
public sealed class PolicyDraft
{
    public long Id { get; set; }
    public required string Title { get; set; }
    public required string Yaml { get; set; }
    public required string CreatedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string UpdatedBy { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public int Revision { get; set; }
}
