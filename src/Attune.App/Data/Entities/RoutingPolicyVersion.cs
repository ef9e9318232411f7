namespace Attune.App.Data.Entities;

/// <summary>A routing policy as activated: its YAML text, kept for every version so each decision can be traced.</summary>
public sealed class RoutingPolicyVersion
{
    public long Id { get; set; }
    public required string Name { get; set; }
    public required string Version { get; set; }
    public required string Yaml { get; set; }
    public DateTimeOffset ActivatedAt { get; set; }
    public required string ActivatedBy { get; set; }
    public bool IsActive { get; set; }
}
