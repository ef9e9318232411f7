namespace Attune.App.Data.Entities;

public sealed class Desk
{
    public long Id { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }
}

/// <summary>Whether an agent takes work now; break and away take nothing, and a break lets load recover faster.</summary>
public enum AgentStatus
{
    Available,
    Break,
    Away,
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

    /// <summary>How many open conversations the agent holds at once on a channel not in <see cref="ChannelCapacity"/>.</summary>
    public int Capacity { get; set; } = 3;

    /// <summary>Capacity per channel, "chat=2,email=5" (lower-case channel names; 0 = not that channel); others use <see cref="Capacity"/>.</summary>
    public string ChannelCapacity { get; set; } = "";

    /// <summary>Weekly shifts in <see cref="TimeZone"/>, "mon,tue 09:00-17:00;sat 10:00-14:00"; empty = always on shift.</summary>
    public string Shifts { get; set; } = "";

    /// <summary>The IANA time zone the shifts are written in.</summary>
    public string TimeZone { get; set; } = "UTC";

    public AgentStatus Status { get; set; } = AgentStatus.Available;
    public DateTimeOffset? StatusSince { get; set; }

    // Emotional load as the assignment board last left it (Attune.Core.Routing.Assignment.AgentSnapshot).
    public double Load { get; set; }
    public DateTimeOffset? LoadAt { get; set; }
    public int HeavyStreak { get; set; }
    public DateTimeOffset? AboveBreakSince { get; set; }
    public DateTimeOffset? AboveAlertSince { get; set; }
    public bool BreakSuggested { get; set; }
    public bool LeadAlerted { get; set; }
}
