using Attune.App.Features.Organisation;

namespace Attune.Web.Components.Pages.Settings;

/// <summary>The Settings page's shift box: one shift per line, "mon-fri 09:00-17:00" or "sat,sun 10:00-14:00".</summary>
internal static class ShiftLines
{
    private static readonly string[] Days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

    public static (List<ShiftRequest> Shifts, string? Error) Parse(string? text)
    {
        var shifts = new List<ShiftRequest>();
        var lines = (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var space = line.LastIndexOf(' ');
            var hours = space < 0 ? [] : line[(space + 1)..].Split('-');
            if (space < 0 || hours.Length != 2)
            {
                return (shifts, $"shifts line {i + 1} '{line}': write days then hours, e.g. mon-fri 09:00-17:00.");
            }
            var days = new List<string>();
            foreach (var part in line[..space].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var range = part.Split('-');
                var from = Array.IndexOf(Days, range[0].ToLowerInvariant());
                var to = range.Length == 2 ? Array.IndexOf(Days, range[1].ToLowerInvariant()) : from;
                if (range.Length > 2 || from < 0 || to < from)
                {
                    // Let the server name a bad single day; a bad range is ours to explain.
                    if (range.Length == 1)
                    {
                        days.Add(part);
                        continue;
                    }
                    return (shifts, $"shifts line {i + 1}: '{part}' is not a range of days such as mon-fri.");
                }
                for (var d = from; d <= to; d++)
                {
                    days.Add(Days[d]);
                }
            }
            shifts.Add(new ShiftRequest(days, hours[0], hours[1]));
        }
        return (shifts, null);
    }
}
