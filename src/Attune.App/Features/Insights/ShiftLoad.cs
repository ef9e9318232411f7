using System.Text.Json;
using Attune.App.Common;
using Attune.Core.Listening;
using Attune.Core.Routing.Assignment;

namespace Attune.App.Features.Insights;

/// <summary>An agent's load over the shift replayed with the assignment board's <see cref="LoadModel"/>: each conversation
/// they replied in adds its cost (from the customer's latest reading and the minutes between first and last reply) at
/// their first reply, and everything recovers with the working half-life.</summary>
internal static class ShiftLoad
{
    /// <summary>Minutes counted for writing a reply, so a single reply still weighs something.</summary>
    private const double ReplyMinutes = 10;

    public static (DateTimeOffset At, double Cost) Cost(DateTimeOffset firstReply, DateTimeOffset lastReply, double intensity) =>
        (firstReply, LoadModel.Cost(intensity, (lastReply - firstReply).TotalMinutes + ReplyMinutes));

    /// <summary>The load carried into a shift starting at <paramref name="from"/>: the board's last saved load, recovered
    /// to then; 0 when it was saved later (the replay counts that work itself).</summary>
    public static double Carried(double savedLoad, DateTimeOffset? savedAt, DateTimeOffset from) =>
        savedAt is { } at && at <= from ? LoadModel.Recover(savedLoad, (from - at).TotalMinutes, onBreak: false) : 0;

    public static double At(DateTimeOffset t, DateTimeOffset from, double carried, IEnumerable<(DateTimeOffset At, double Cost)> costs)
    {
        var load = LoadModel.Recover(carried, (t - from).TotalMinutes, onBreak: false);
        foreach (var (at, cost) in costs)
        {
            if (at <= t)
            {
                load += LoadModel.Recover(cost, (t - at).TotalMinutes, onBreak: false);
            }
        }
        return load;
    }

    /// <summary>How heavy a conversation is to carry (1 calm … about 7.5) from its stored reading; 1 when unread.</summary>
    public static double Intensity(string? readingJson)
    {
        if (readingJson is null)
        {
            return 1;
        }
        try
        {
            return JsonSerializer.Deserialize<Reading>(readingJson, Json.Options) is { } reading ? LoadModel.Intensity(reading) : 1;
        }
        catch (JsonException)
        {
            return 1;
        }
    }
}
