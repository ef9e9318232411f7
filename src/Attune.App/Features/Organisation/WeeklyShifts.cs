using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Attune.App.Common;
using Attune.Core.Routing.Assignment;

namespace Attune.App.Features.Organisation;

/// <summary>A weekly shift as the API takes it: days ("mon".."sun" or full names), start and end "HH:mm" in the
/// agent's time zone; an end before the start runs past midnight.</summary>
public sealed record ShiftRequest(IReadOnlyList<string>? Days, string? Start, string? End);

public sealed record ShiftView(IReadOnlyList<string> Days, string Start, string End);

/// <summary>Weekly shifts stored as text ("mon,tue 09:00-17:00;sat 10:00-14:00") in a time zone, turned into the UTC
/// windows the assignment board uses.</summary>
public static class WeeklyShifts
{
    private const int MinutesPerDay = 1440;
    private const int MinutesPerWeek = 7 * MinutesPerDay;
    private static readonly string[] Short = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
    private static readonly string[] Long = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

    /// <summary>The shifts in their stored form, or the first problem naming its field ("shifts[1].start").</summary>
    public static Result<string> Normalise(IReadOnlyList<ShiftRequest>? shifts)
    {
        if (shifts is null || shifts.Count == 0)
        {
            return "";
        }
        if (shifts.Count > 21)
        {
            return Failure.Invalid("shifts", $"shifts has {shifts.Count} entries; at most 21 are allowed.");
        }
        var parts = new List<string>(shifts.Count);
        for (var i = 0; i < shifts.Count; i++)
        {
            var shift = shifts[i];
            var field = $"shifts[{i}]";
            if (shift is null)
            {
                return Failure.Invalid(field, $"{field} is empty: give days, start and end.");
            }
            if (shift.Days is null || shift.Days.Count == 0)
            {
                return Failure.Invalid(field + ".days", $"{field}.days is required: one or more of mon, tue, wed, thu, fri, sat, sun.");
            }
            var days = new SortedSet<int>();
            for (var d = 0; d < shift.Days.Count; d++)
            {
                var day = DayIndex(shift.Days[d]);
                if (day < 0)
                {
                    return Failure.Invalid($"{field}.days[{d}]", $"{field}.days[{d}] '{shift.Days[d]}' is not a day; use mon, tue, wed, thu, fri, sat or sun.");
                }
                days.Add(day);
            }
            var start = Minutes(shift.Start, allowMidnightEnd: false);
            if (start < 0)
            {
                return Failure.Invalid(field + ".start", $"{field}.start '{shift.Start}' is not a time; use HH:mm from 00:00 to 23:59.");
            }
            var end = Minutes(shift.End, allowMidnightEnd: true);
            if (end < 0)
            {
                return Failure.Invalid(field + ".end", $"{field}.end '{shift.End}' is not a time; use HH:mm from 00:00 to 24:00.");
            }
            if (end == start)
            {
                return Failure.Invalid(field + ".end", $"{field}.end equals its start; a shift lasts at least one minute.");
            }
            parts.Add($"{string.Join(',', days.Select(d => Short[d]))} {Time(start)}-{Time(end)}");
        }
        return string.Join(';', parts);
    }

    /// <summary>The stored shifts as the API shows them.</summary>
    public static IReadOnlyList<ShiftView> Views(string? stored) =>
        [.. Parse(stored).Select(s => new ShiftView([.. s.Days.Select(d => Short[d])], Time(s.Start), Time(s.End)))];

    /// <summary>The time zone with IANA (or Windows) id <paramref name="id"/>, or null when unknown.</summary>
    public static TimeZoneInfo? Zone(string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return null;
        }
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id.Trim());
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return null;
        }
    }

    /// <summary>The shifts as UTC windows for the week around <paramref name="now"/> (the zone's offset at
    /// <paramref name="now"/>, so a board built now sees daylight saving as it is now); empty = always on shift.</summary>
    public static ImmutableArray<Shift> ToUtc(string? stored, string? zoneId, DateTimeOffset now)
    {
        var shifts = Parse(stored);
        if (shifts.Count == 0)
        {
            return [];
        }
        var offset = (int)Math.Round((Zone(zoneId) ?? TimeZoneInfo.Utc).GetUtcOffset(now).TotalMinutes);
        var result = ImmutableArray.CreateBuilder<Shift>();
        foreach (var (days, from, to) in shifts)
        {
            var length = to > from ? to - from : to + MinutesPerDay - from;
            foreach (var day in days)
            {
                var start = Mod((day * MinutesPerDay) + from - offset, MinutesPerWeek);
                var left = length;
                while (left > 0)
                {
                    var dayStart = start % MinutesPerDay;
                    var take = Math.Min(left, MinutesPerDay - dayStart);
                    result.Add(new Shift(DayOfWeekFor(start / MinutesPerDay), TimeSpan.FromMinutes(dayStart), TimeSpan.FromMinutes(dayStart + take)));
                    start = (start + take) % MinutesPerWeek;
                    left -= take;
                }
            }
        }
        return result.ToImmutable();
    }

    /// <summary>True when <paramref name="now"/> is in one of the shifts (or there are none).</summary>
    public static bool OnShift(string? stored, string? zoneId, DateTimeOffset now)
    {
        var shifts = ToUtc(stored, zoneId, now);
        return shifts.IsEmpty || shifts.Any(s => s.Covers(now));
    }

    private static List<(int[] Days, int Start, int End)> Parse(string? stored)
    {
        var result = new List<(int[], int, int)>();
        foreach (var part in (stored ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var space = part.LastIndexOf(' ');
            var dash = part.LastIndexOf('-');
            if (space < 0 || dash < space)
            {
                continue;
            }
            var days = part[..space].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(DayIndex).Where(d => d >= 0).ToArray();
            var start = Minutes(part[(space + 1)..dash], allowMidnightEnd: false);
            var end = Minutes(part[(dash + 1)..], allowMidnightEnd: true);
            if (days.Length > 0 && start >= 0 && end >= 0 && end != start)
            {
                result.Add((days, start, end));
            }
        }
        return result;
    }

    private static int DayIndex(string? day)
    {
        var d = (day ?? "").Trim().ToLowerInvariant();
        var i = Array.IndexOf(Short, d);
        return i >= 0 ? i : Array.IndexOf(Long, d);
    }

    private static int Minutes(string? time, bool allowMidnightEnd)
    {
        var t = (time ?? "").Trim();
        if (t.Length != 5 || t[2] != ':'
            || !int.TryParse(t.AsSpan(0, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var h)
            || !int.TryParse(t.AsSpan(3, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var m))
        {
            return -1;
        }
        if (allowMidnightEnd && h == 24 && m == 0)
        {
            return MinutesPerDay;
        }
        return h is >= 0 and < 24 && m is >= 0 and < 60 ? (h * 60) + m : -1;
    }

    private static string Time(int minutes) =>
        new StringBuilder(5).Append((minutes / 60).ToString("00", CultureInfo.InvariantCulture)).Append(':')
            .Append((minutes % 60).ToString("00", CultureInfo.InvariantCulture)).ToString();

    private static int Mod(int value, int by) => ((value % by) + by) % by;

    // Index 0 is Monday.
    private static DayOfWeek DayOfWeekFor(int index) => (DayOfWeek)((index + 1) % 7);
}
