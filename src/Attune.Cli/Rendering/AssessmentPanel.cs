using System.Globalization;
using Attune.Cli.Coaching;
using Attune.Core.Coaching;
using Attune.Core.Listening;
using Attune.Core.Text;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Attune.Cli.Rendering;

/// <summary>An <see cref="Assessment"/> as a readable panel: score and parts, empathy, action, flags, situation,
/// region and the suggestions.</summary>
internal static class AssessmentPanel
{
    public static IRenderable Create(Assessment a)
    {
        var p = a.Parts;
        var rows = new List<IRenderable>
        {
            new Markup($"[bold]Empathy in action: {a.Score}/100[/]  " +
                $"[grey](empathy {F(p.Empathy)}/{F(p.EmpathyMax)} + action {F(p.Action)}/{F(p.ActionMax)} + fit {F(p.Fit)}/20 − penalties {F(p.Penalties)})[/]"),
            new Text(""),
        };

        var empathy = new Table().Border(TableBorder.Simple).Title("Empathy (EPITOME)").AddColumn("mechanism").AddColumn("level").AddColumn("evidence");
        Mechanism(empathy, "emotional reaction", a.Empathy.EmotionalReaction);
        Mechanism(empathy, "interpretation", a.Empathy.Interpretation);
        Mechanism(empathy, "exploration", a.Empathy.Exploration);
        rows.Add(empathy);

        var action = new Table().Border(TableBorder.Simple).Title("Action").AddColumn("part").AddColumn("").AddColumn("evidence");
        Part(action, "ownership", a.Action.Ownership);
        Part(action, "next step", a.Action.NextStep);
        Part(action, "timeline", a.Action.Timeline);
        Part(action, "follow-up", a.Action.FollowUp);
        Part(action, "resolution", a.Action.Resolution);
        action.AddRow(new Text("answers the question"), Mark(a.Action.AnswersQuestion), new Text(a.Action.AnswersQuestion is null ? "nothing was asked" : ""));
        rows.Add(action);

        if (a.Flags.Length > 0)
        {
            var flags = new Table().Border(TableBorder.Simple).Title("Flags").AddColumn("severity").AddColumn("flag").AddColumn("words").AddColumn("why / rewrite");
            foreach (var f in a.Flags)
            {
                var colour = f.Severity switch { FlagSeverity.Critical => "red", FlagSeverity.Major => "yellow", _ => "grey" };
                flags.AddRow(new Markup($"[{colour}]{Names.Words(f.Severity)}[/]"), new Text(Names.Words(f.Kind)),
                    new Text(f.Text.Length == 0 ? "(whole reply)" : "\"" + f.Text + "\""),
                    new Markup($"{Markup.Escape(f.Explanation)}\n[green]→ {Markup.Escape(f.Rewrite)}[/]"));
            }
            rows.Add(flags);
        }
        else
        {
            rows.Add(new Markup("[green]No flags.[/]"));
        }

        if (a.Situation.Name.Length > 0)
        {
            var s = a.Situation;
            var table = new Table().Border(TableBorder.Simple)
                .Title($"Situation: {Markup.Escape(s.Title)} ({(s.Inferred ? "inferred from " + Markup.Escape(s.Reason) : "given")}) · fit {Pct(s.Fit)}")
                .AddColumn("").AddColumn("rule").AddColumn("guidance");
            foreach (var c in s.Checks)
            {
                table.AddRow(Mark(c.Passed), new Text((c.Rule.Kind == Core.Coaching.Playbooks.RuleKind.Do ? "do " : "don't ") + c.Rule.Id), new Text(c.Rule.Guidance));
            }
            rows.Add(table);
            if (s.Outcome.Length > 0)
            {
                rows.Add(new Markup($"[grey]Aim: {Markup.Escape(s.Outcome)}[/]"));
            }
        }
        else if (a.Situation.Reason.Length > 0)
        {
            rows.Add(new Markup($"[yellow]Situation: {Markup.Escape(a.Situation.Reason)}[/]"));
        }

        if (a.Region.Region.Length > 0)
        {
            var r = a.Region;
            var table = new Table().Border(TableBorder.Simple).Title($"Region: {Markup.Escape(r.Name)} ({r.Region}) · fit {Pct(r.Fit)}")
                .AddColumn("").AddColumn("check").AddColumn("found / change");
            foreach (var c in r.Checks)
            {
                table.AddRow(Mark(c.Passed), new Text(c.Check), new Text(c.Passed ? c.Message : c.Message + " " + c.Suggestion));
            }
            rows.Add(table);
        }

        if (a.Suggestions.Length > 0)
        {
            rows.Add(new Markup("[bold]Suggestions[/]"));
            for (var i = 0; i < a.Suggestions.Length; i++)
            {
                rows.Add(new Markup($"{i + 1}. {Markup.Escape(a.Suggestions[i].Text)} [grey]({Markup.Escape(a.Suggestions[i].Because)})[/]"));
            }
        }
        return new Panel(new Rows(rows)).Header("attune coach").Border(BoxBorder.Rounded).Expand();
    }

    public static IRenderable Summary(CoachFileReport report)
    {
        var table = new Table().Border(TableBorder.Rounded).Title(Markup.Escape(report.File))
            .AddColumn("agent")
            .AddColumn(new TableColumn("replies").RightAligned())
            .AddColumn(new TableColumn("mean score").RightAligned())
            .AddColumn(new TableColumn("hollow").RightAligned())
            .AddColumn(new TableColumn("scripted").RightAligned())
            .AddColumn(new TableColumn("acts").RightAligned())
            .AddColumn(new TableColumn("empathy").RightAligned())
            .AddColumn(new TableColumn("blame").RightAligned())
            .AddColumn("top flags");
        foreach (var s in report.Agents.Append(report.Total))
        {
            table.AddRow(
                new Text(s.Agent), new Text(s.Replies.ToString(CultureInfo.InvariantCulture)), new Text(F(s.MeanScore)),
                new Text(Pct(s.HollowShare)), new Text(Pct(s.ScriptedShare)), new Text(Pct(s.ActionShare)), new Text(Pct(s.EmpathyShare)),
                new Text(Pct(s.BlameShare)),
                new Text(string.Join(", ", s.TopFlags.Select(f => $"{Names.Words(f.Kind)} {f.Count}"))));
        }
        var parts = new List<IRenderable> { table };
        if (report.BadRows.Count > 0)
        {
            parts.Add(new Markup($"[yellow]{report.BadRows.Count} bad row(s) skipped:[/]"));
            foreach (var e in report.BadRows.Take(20))
            {
                parts.Add(new Text("  " + e));
            }
            if (report.BadRows.Count > 20)
            {
                parts.Add(new Text($"  … and {report.BadRows.Count - 20} more"));
            }
        }
        return new Rows(parts);
    }

    private static void Mechanism(Table table, string name, MechanismReading m) =>
        table.AddRow(new Text(name), new Markup(m.Level switch
        {
            MechanismLevel.Strong => "[green]strong[/]",
            MechanismLevel.Weak => "[yellow]weak[/]",
            _ => "[grey]none[/]",
        }), new Text(Quotes(m.Evidence)));

    private static void Part(Table table, string name, System.Collections.Immutable.ImmutableArray<Evidence> evidence) =>
        table.AddRow(new Text(name), Mark(!evidence.IsDefaultOrEmpty), new Text(Quotes(evidence)));

    private static Markup Mark(bool? ok) => new(ok switch { true => "[green]✓[/]", false => "[red]✗[/]", null => "[grey]–[/]" });

    private static string Quotes(System.Collections.Immutable.ImmutableArray<Evidence> evidence) =>
        evidence.IsDefaultOrEmpty ? "" : string.Join(", ", evidence.Take(3).Select(e => "\"" + e.Text + "\""));

    private static string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);

    private static string Pct(double v) => v.ToString("0%", CultureInfo.InvariantCulture);
}
