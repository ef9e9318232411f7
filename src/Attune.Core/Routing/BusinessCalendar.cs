using System.Collections.Immutable;

namespace Attune.Core.Routing;

/// <summary>Business hours: one open window per weekday (or none), in a fixed offset from UTC. SLA targets count
/// only open time on their calendar.</summary>
/// <param name="Name">The calendar's name, e.g. "uk-office".</param>
/// <param name="Offset">The local time's offset from UTC (e.g. +01:00); fixed, so daylight saving is a second calendar.</param>
/// <param name="Windows">Seven windows indexed by <see cref="DayOfWeek"/> (Sunday = 0); a day with <c>null</c> is closed.</param>
public sealed record BusinessCalendar(string Name, TimeSpan Offset, ImmutableArray<OpenWindow?> Windows)
{
    /// <summary>A calendar open all day, every day (UTC).</summary>
    public static BusinessCalendar AlwaysOpen(string name) =>
        new(name, TimeSpan.Zero, [.. Enumerable.Repeat<OpenWindow?>(OpenWindow.AllDay, 7)]);

    /// <summary>True when every day is open all day.</summary>
    public bool IsAlwaysOpen => Windows.All(w => w is { IsAllDay: true });

    /// <summary>True when <paramref name="at"/> falls in an open window.</summary>
    public bool IsOpen(DateTimeOffset at)
    {
        var local = at.ToOffset(Offset);
        var window = Windows[(int)local.DayOfWeek];
        var time = local.TimeOfDay;
        return window is { } w && time >= w.From && time < w.To;
    }

    /// <summary>The moment when <paramref name="duration"/> of open time has passed after <paramref name="start"/>.
    /// A calendar with no open day never reaches it: <see cref="DateTimeOffset.MaxValue"/>.</summary>
    public DateTimeOffset AddBusinessTime(DateTimeOffset start, TimeSpan duration)
    {
        if (IsAlwaysOpen)
        {
            return start + duration;
        }
        var local = start.ToOffset(Offset);
        var remaining = duration;
        // 3 years of days bounds the walk; a calendar with any open day reaches any sane SLA long before.
        for (var day = 0; day < 1100; day++)
        {
            var dayStart = new DateTimeOffset(local.Date, Offset);
            if (Windows[(int)local.DayOfWeek] is { } w)
            {
                var open = dayStart + w.From;
                var close = dayStart + w.To;
                var from = local > open ? local : open;
                if (from < close)
                {
                    var available = close - from;
                    if (remaining <= available)
                    {
                        return (from + remaining).ToOffset(start.Offset);
                    }
                    remaining -= available;
                }
            }
            local = dayStart.AddDays(1);
        }
        return DateTimeOffset.MaxValue;
    }

    /// <summary>Open time between <paramref name="from"/> and <paramref name="to"/>; zero when <paramref name="to"/> is not later.</summary>
    public TimeSpan BusinessTimeBetween(DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from)
        {
            return TimeSpan.Zero;
        }
        if (IsAlwaysOpen)
        {
            return to - from;
        }
        var total = TimeSpan.Zero;
        var local = from.ToOffset(Offset);
        var end = to.ToOffset(Offset);
        while (local < end)
        {
            var dayStart = new DateTimeOffset(local.Date, Offset);
            if (Windows[(int)local.DayOfWeek] is { } w)
            {
                var open = dayStart + w.From;
                var close = dayStart + w.To;
                var a = local > open ? local : open;
                var b = end < close ? end : close;
                if (b > a)
                {
                    total += b - a;
                }
            }
            local = dayStart.AddDays(1);
        }
        return total;
    }
}

/// <summary>One day's open window, local time.</summary>
/// <param name="From">Opening time of day (00:00–24:00).</param>
/// <param name="To">Closing time of day, after <paramref name="From"/> (24:00 = midnight at the end of the day).</param>
public readonly record struct OpenWindow(TimeSpan From, TimeSpan To)
{
    /// <summary>Open from 00:00 to 24:00.</summary>
    public static OpenWindow AllDay => new(TimeSpan.Zero, TimeSpan.FromHours(24));

    /// <summary>True when open from 00:00 to 24:00.</summary>
    public bool IsAllDay => From == TimeSpan.Zero && To == TimeSpan.FromHours(24);
}
