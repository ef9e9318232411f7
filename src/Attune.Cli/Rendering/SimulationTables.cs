using System.Globalization;
using Attune.Core.Routing.Simulation;
using Spectre.Console;

namespace Attune.Cli.Rendering;

/// <summary>The simulator's results as side-by-side tables: one column per policy.</summary>
internal static class SimulationTables
{
    public static void Write(IAnsiConsole console, IReadOnlyList<SimulationReport> reports, string source, int agentCount)
    {
        var table = new Table().Title($"Simulation: {Markup.Escape(source)}, {agentCount} agents").AddColumn("");
        foreach (var r in reports)
        {
            table.AddColumn(new TableColumn(Markup.Escape($"{r.PolicyName} {r.PolicyVersion}")).RightAligned());
        }
        void Row(string label, Func<SimulationReport, string> value) =>
            table.AddRow([Markup.Escape(label), .. reports.Select(r => Markup.Escape(value(r)))]);

        Row("conversations", r => N(r.Conversations));
        Row("handled by people", r => $"{N(r.HumanHandled)} ({P(r.HumanHandled, r.Conversations)})");
        Row("  of those on a specialist desk", r => $"{N(r.Specialist)} ({P(r.Specialist, r.HumanHandled)})");
        Row("self-service (with 'talk to a person')", r => $"{N(r.SelfServed)} ({P(r.SelfServed, r.Conversations)})");
        Row("handed to a person instead of self-service", r => N(r.Handoffs));
        Row("still waiting at the end", r => N(r.Unassigned));
        Row("first reply within SLA", r => Pct(r.SlaMet));
        Row("escalated: first reply at risk", r => N(r.Escalated));
        Row("vulnerable handled by trained people", r => $"{N(r.VulnerableByTrained)}/{N(r.Vulnerable)} ({P(r.VulnerableByTrained, r.Vulnerable)})");
        Row("vulnerable sent to self-service", r => N(r.VulnerableToSelfService));
        foreach (Segment segment in Enum.GetValues<Segment>())
        {
            Row($"{segment.ToString().ToLowerInvariant()}: wait p50 / p90 (min)", r =>
            {
                var s = r.Segments[(int)segment];
                return s.Handled == 0 ? "–" : $"{M(s.WaitP50)} / {M(s.WaitP90)}";
            });
            Row($"{segment.ToString().ToLowerInvariant()}: SLA met", r => Pct(r.Segments[(int)segment].SlaMet));
        }
        Row("highest agent peak load", r => r.Agents.Length == 0 ? "–" : M(r.Agents.Max(a => a.PeakLoad)));
        Row("longest heavy streak", r => r.Agents.Length == 0 ? "–" : N(r.Agents.Max(a => a.LongestHeavyStreak)));
        Row("breaks taken / lead alerts", r => $"{N(r.Agents.Sum(a => a.Breaks))} / {N(r.Agents.Sum(a => a.LeadAlerts))}");
        console.Write(table);

        var agents = new Table().Title("Agents: conversations, peak / average load, heaviest streak").AddColumn("agent");
        foreach (var r in reports)
        {
            agents.AddColumn(new TableColumn(Markup.Escape(r.PolicyName)).RightAligned());
        }
        for (var i = 0; i < reports[0].Agents.Length; i++)
        {
            var index = i;
            agents.AddRow([Markup.Escape(reports[0].Agents[i].Id), .. reports.Select(r =>
            {
                var a = r.Agents[index];
                return Markup.Escape($"{a.Conversations}  {M(a.PeakLoad)} / {M(a.AverageLoad)}  streak {a.LongestHeavyStreak}");
            })]);
        }
        console.Write(agents);
    }

    private static string N(int n) => n.ToString("N0", CultureInfo.InvariantCulture);

    private static string M(double v) => v.ToString("0.0", CultureInfo.InvariantCulture);

    private static string Pct(double share) => (share * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    private static string P(int part, int whole) => whole == 0 ? "–" : Pct((double)part / whole);
}
