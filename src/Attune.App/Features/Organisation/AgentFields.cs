using System.Collections.Immutable;
using System.Globalization;
using Attune.App.Data.Entities;

namespace Attune.App.Features.Organisation;

/// <summary>The agent's list columns (comma-separated text) and per-channel capacity ("chat=2,email=5").</summary>
public static class AgentFields
{
    public const int MaxCapacity = 50;

    /// <summary>The channel names capacity can be given for.</summary>
    public static readonly IReadOnlyList<string> Channels = [.. Enum.GetNames<Channel>().Select(n => n.ToLowerInvariant())];

    public static IReadOnlyList<string> Split(string? s) =>
        [.. (s ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    public static IReadOnlyDictionary<string, int> ChannelCapacity(string? stored)
    {
        var result = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var part in Split(stored))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0 && int.TryParse(part.AsSpan(eq + 1), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n))
            {
                result[part[..eq].Trim().ToLowerInvariant()] = n;
            }
        }
        return result;
    }

    public static string FormatChannelCapacity(IReadOnlyDictionary<string, int> capacity) =>
        string.Join(',', capacity.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => string.Create(CultureInfo.InvariantCulture, $"{kv.Key}={kv.Value}")));

    /// <summary>The capacity the assignment board uses: each listed channel, and "*" for the rest.</summary>
    public static ImmutableDictionary<string, int> BoardCapacity(Agent agent)
    {
        ArgumentNullException.ThrowIfNull(agent);
        var result = ImmutableDictionary.CreateBuilder<string, int>(StringComparer.OrdinalIgnoreCase);
        result["*"] = Math.Max(1, agent.Capacity);
        foreach (var (channel, n) in ChannelCapacity(agent.ChannelCapacity))
        {
            result[channel] = Math.Max(0, n);
        }
        return result.ToImmutable();
    }
}
