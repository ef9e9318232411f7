namespace Attune.App.Data.Entities;

public sealed class Desk
{
    public long Id { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }
}

public sealed class Agent
{
    public long Id { get; set; }
    public required string Name { get; set; }
    public required string Email { get; set; }
    public long? DeskId { get; set; }
    public Desk? Desk { get; set; }
    public string Languages { get; set; } = "en";
    public long? UserId { get; set; }
}
