using System.Globalization;
using System.Text;
using System.Xml.Linq;
using Attune.Core.Routing.Assignment;
using Attune.Core.Routing.Simulation;

namespace Attune.Cli.Routing;

/// <summary>One SVG per agent: their emotional load over the replay, one line per policy, with the break and alert
/// thresholds drawn across.</summary>
internal static class LoadChart
{
    private static readonly string[] Colours = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd"];
    private const int Width = 900;
    private const int Height = 260;
    private const int Left = 50;
    private const int Bottom = 30;
    private const int Top = 30;

    public static List<string> Write(string folder, IReadOnlyList<SimulationReport> reports)
    {
        Directory.CreateDirectory(folder);
        var written = new List<string>();
        for (var a = 0; a < reports[0].Agents.Length; a++)
        {
            var agent = reports[0].Agents[a];
            var path = Path.Combine(folder, $"load-{Safe(agent.Id)}.svg");
            File.WriteAllText(path, Svg(reports, a), new UTF8Encoding(false));
            written.Add(path);
        }
        return written;
    }

    public static string Svg(IReadOnlyList<SimulationReport> reports, int agentIndex)
    {
        var agent = reports[0].Agents[agentIndex];
        var samples = reports.Max(r => r.Agents[agentIndex].Load.Length);
        var peak = Math.Max(LoadModel.AlertThreshold * 1.2, reports.Max(r => r.Agents[agentIndex].PeakLoad));
        var plotW = Width - Left - 20;
        var plotH = Height - Top - Bottom;
        double X(int i) => Left + (samples <= 1 ? 0 : plotW * i / (double)(samples - 1));
        double Y(double load) => Top + plotH - (plotH * Math.Min(load, peak) / peak);
        XNamespace ns = "http://www.w3.org/2000/svg";
        var svg = new XElement(ns + "svg",
            new XAttribute("width", Width), new XAttribute("height", Height), new XAttribute("viewBox", $"0 0 {Width} {Height}"),
            new XAttribute("font-family", "sans-serif"), new XAttribute("font-size", 11));
        svg.Add(new XElement(ns + "title", $"Emotional load of {agent.Name}"));
        svg.Add(new XElement(ns + "rect", new XAttribute("width", Width), new XAttribute("height", Height), new XAttribute("fill", "white")));
        svg.Add(new XElement(ns + "text", new XAttribute("x", Left), new XAttribute("y", 18), new XAttribute("font-size", 13),
            $"{agent.Name} ({agent.Id}): emotional load, sampled every {Simulator.SampleMinutes} min from {reports[0].Start:yyyy-MM-dd}"));
        foreach (var (threshold, label, colour) in new[] { (LoadModel.BreakThreshold, "break", "#ff7f0e"), (LoadModel.AlertThreshold, "lead alert", "#d62728") })
        {
            svg.Add(new XElement(ns + "line", new XAttribute("x1", Left), new XAttribute("x2", Left + plotW), new XAttribute("y1", F(Y(threshold))), new XAttribute("y2", F(Y(threshold))),
                new XAttribute("stroke", colour), new XAttribute("stroke-dasharray", "4 3")));
            svg.Add(new XElement(ns + "text", new XAttribute("x", 4), new XAttribute("y", F(Y(threshold) + 4)), new XAttribute("fill", colour), label));
        }
        svg.Add(new XElement(ns + "line", new XAttribute("x1", Left), new XAttribute("x2", Left + plotW), new XAttribute("y1", Top + plotH), new XAttribute("y2", Top + plotH), new XAttribute("stroke", "#888")));
        var days = samples * Simulator.SampleMinutes / 1440.0;
        for (var d = 0; d <= (int)days; d++)
        {
            var x = X((int)(d * 1440.0 / Simulator.SampleMinutes));
            svg.Add(new XElement(ns + "text", new XAttribute("x", F(x)), new XAttribute("y", Height - 10), $"day {d + 1}"));
        }
        for (var r = 0; r < reports.Count; r++)
        {
            var load = reports[r].Agents[agentIndex].Load;
            var points = new StringBuilder();
            for (var i = 0; i < load.Length; i++)
            {
                points.Append(F(X(i))).Append(',').Append(F(Y(load[i]))).Append(' ');
            }
            var colour = Colours[r % Colours.Length];
            svg.Add(new XElement(ns + "polyline", new XAttribute("fill", "none"), new XAttribute("stroke", colour), new XAttribute("stroke-width", 1.5), new XAttribute("points", points.ToString().TrimEnd())));
            var a = reports[r].Agents[agentIndex];
            svg.Add(new XElement(ns + "text", new XAttribute("x", Left + 10 + (r * 280)), new XAttribute("y", Top + 12), new XAttribute("fill", colour),
                $"{reports[r].PolicyName} {reports[r].PolicyVersion}: peak {a.PeakLoad:0.0}, avg {a.AverageLoad:0.0}"));
        }
        return new XDocument(svg).ToString();
    }

    private static string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);

    private static string Safe(string id) => string.Concat(id.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_'));
}
