using System.Globalization;

namespace Attune.Web.Components.Charts;

/// <summary>One value of a series at a labelled position (a day, a time); null where there is no figure.</summary>
public sealed record ChartPoint(string Label, double? Value);

/// <summary>A named line; <paramref name="Style"/> picks colour and dash pattern (1, 2, 3…) so lines differ by more than colour.</summary>
public sealed record ChartSeries(string Name, IReadOnlyList<ChartPoint> Points, int Style = 1);

/// <summary>A horizontal reference line (e.g. the break threshold) with its label.</summary>
public sealed record ChartThreshold(string Label, double Value);

/// <summary>One bar or one slice: its label, value, and the text shown beside it.</summary>
public sealed record ChartItem(string Label, double? Value, string? Display = null, int Style = 1);

internal static class ChartMath
{
    public static string F(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);

    public static string Show(double? v, string format) => v is { } x ? x.ToString(format, CultureInfo.InvariantCulture) : "—";

    /// <summary>A round tick step at or above <paramref name="x"/>: 1, 2, 2.5 or 5 times a power of ten.</summary>
    public static double Step(double x) => Nice(x);

    /// <summary>A round axis top at or above <paramref name="max"/>: 1, 2, 2.5 or 5 times a power of ten.</summary>
    public static double Nice(double max)
    {
        if (max <= 0)
        {
            return 1;
        }
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(max)));
        foreach (var step in new[] { 1, 2, 2.5, 5, 10 })
        {
            if (step * magnitude >= max)
            {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }
}
