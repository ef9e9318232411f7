using System.Collections.Immutable;

namespace Attune.Core.Routing.Assignment;

/// <summary>Whether an agent can take work now.</summary>
public enum AgentStatus
{
    /// <summary>Working and able to take conversations.</summary>
    Available,
    /// <summary>On a break: takes nothing and recovers faster.</summary>
    Break,
    /// <summary>Away (meeting, training, off): takes nothing.</summary>
    Away,
}

/// <summary>A weekly working window, in UTC.</summary>
/// <param name="Day">The weekday the shift starts.</param>
/// <param name="From">Start time of day (UTC).</param>
/// <param name="To">End time of day (UTC), after <paramref name="From"/>; up to 24:00.</param>
public readonly record struct Shift(DayOfWeek Day, TimeSpan From, TimeSpan To)
{
    /// <summary>True when <paramref name="at"/> falls in this shift.</summary>
    public bool Covers(DateTimeOffset at)
    {
        var utc = at.UtcDateTime;
        return utc.DayOfWeek == Day && utc.TimeOfDay >= From && utc.TimeOfDay < To;
    }
}

/// <summary>An agent: who they are, what they can take and when.</summary>
/// <param name="Id">A stable id, unique among agents.</param>
/// <param name="Name">The display name.</param>
/// <param name="Desks">The desks the agent works ("*" = any desk).</param>
/// <param name="Languages">The languages the agent answers in (ISO 639-1; "*" = any).</param>
/// <param name="VulnerabilityTrained">True when trained to support vulnerable customers; only such agents take them.</param>
/// <param name="Capacity">How many conversations at once per channel ("chat" → 3, "email" → 5; "*" for any other
/// channel); a channel not listed, with no "*", is not taken.</param>
/// <param name="Shifts">The weekly shifts; empty means always on shift.</param>
/// <param name="Status">The status when the board starts.</param>
public sealed record Agent(
    string Id,
    string Name,
    ImmutableArray<string> Desks,
    ImmutableArray<string> Languages,
    bool VulnerabilityTrained,
    ImmutableDictionary<string, int> Capacity,
    ImmutableArray<Shift> Shifts,
    AgentStatus Status = AgentStatus.Available)
{
    /// <summary>How many conversations at once the agent takes on <paramref name="channel"/> (0 or more).</summary>
    public int CapacityFor(string channel) =>
        Capacity.TryGetValue(channel, out var n) ? n : Capacity.GetValueOrDefault("*");

    /// <summary>True when the agent works <paramref name="desk"/>.</summary>
    public bool Works(string desk) => Has(Desks, desk);

    /// <summary>True when the agent answers in <paramref name="language"/>.</summary>
    public bool Speaks(string language) => Has(Languages, language);

    /// <summary>True when <paramref name="at"/> is in one of the shifts (or there are none).</summary>
    public bool OnShift(DateTimeOffset at)
    {
        if (Shifts.IsDefaultOrEmpty)
        {
            return true;
        }
        foreach (var shift in Shifts)
        {
            if (shift.Covers(at))
            {
                return true;
            }
        }
        return false;
    }

    private static bool Has(ImmutableArray<string> items, string value)
    {
        foreach (var item in items)
        {
            if (item == "*" || string.Equals(item, value, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }
}
