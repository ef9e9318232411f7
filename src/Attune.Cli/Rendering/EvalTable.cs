using System.Globalization;
using Attune.Cli.Evaluation;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Attune.Cli.Rendering;

/// <summary>An <see cref="EvalReport"/> as a table: metric | Attune | anchor | Δ | note, then the notes.</summary>
internal static class EvalTable
{
    public static IRenderable Create(EvalReport report)
    {
        var table = new Table().Title(report.Title).Border(TableBorder.Rounded)
            .AddColumn("metric")
            .AddColumn(new TableColumn("Attune").RightAligned())
            .AddColumn(new TableColumn(Markup.Escape(report.AnchorName)).RightAligned())
            .AddColumn(new TableColumn("Δ").RightAligned())
            .AddColumn("note");
        foreach (var row in report.Rows)
        {
            table.AddRow(
                new Text(row.Metric),
                new Text(F(row.Attune)),
                new Text(row.Anchor is { } anchor ? F(anchor) : "-"),
                new Text(row.Anchor is { } a ? (row.Attune - a).ToString("+0.000;-0.000;0.000", CultureInfo.InvariantCulture) : "-"),
                new Text(row.Note ?? ""));
        }
        if (report.Rows.Count == 0)
        {
            table.AddRow(new Text("(no figures)"), new Text("-"), new Text("-"), new Text("-"), new Text(""));
        }
        var parts = new List<IRenderable> { table };
        foreach (var note in report.Notes)
        {
            parts.Add(new Text("• " + note));
        }
        return new Rows(parts);
    }

    private static string F(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);
}
