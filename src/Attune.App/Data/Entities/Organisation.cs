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

    /// <summary>Other desks the agent works, comma-separated ("*" for every desk); their own desk always counts.</summary>
    public string ExtraDesks { get; set; } = "";
    public bool VulnerabilityTrained { get; set; }

    /// <summary>How many open conversations the agent holds at once on one channel.</summary>
    public int Capacity { get; set; } = 3;
    public bool Away { get; set; }

    // Emotional load as the assignment board last left it (Attune.Core.Routing.Assignment.AgentSnapshot).
    public double Load { get; set; }
    public DateTimeOffset? LoadAt { get; set; }
    public int HeavyStreak { get; set; }
    public DateTimeOffset? AboveBreakSince { get; set; }
    public DateTimeOffset? AboveAlertSince { get; set; }
    public bool BreakSuggested { get; set; }
    public bool LeadAlerted { get; set; }
}
