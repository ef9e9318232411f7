using System.CommandLine;
using System.Text.Json;
using Attune.Cli.Coaching;
using Attune.Cli.Rendering;
using Attune.Core.Coaching.Playbooks;
using Spectre.Console;

namespace Attune.Cli.Commands;

/// <summary>`attune playbook list|show NAME|check DIR`: the situation playbooks and regional norms.</summary>
internal static class PlaybookCommand
{
    public static Command Create()
    {
        var playbooks = new Option<string?>("--playbooks") { Description = "A folder of the organisation's own playbook files, applied over the defaults.", Recursive = true };
        var list = new Command("list", "List the situation playbooks and regional norms.");
        list.SetAction(parse => List(Consoles.Of(parse), parse.GetValue(playbooks)));

        var name = new Argument<string>("name") { Description = "A situation (bereavement, outage, …) or a region code (JP, DE, …)." };
        var json = new Option<bool>("--json") { Description = "Print it as JSON." };
        var show = new Command("show", "Show one situation playbook or one region's norms.") { name, json };
        show.SetAction(parse => Show(Consoles.Of(parse), parse.GetValue(playbooks), parse.GetValue(name)!, parse.GetValue(json)));

        var folder = new Argument<string>("folder") { Description = "The folder of playbook files to validate." };
        var check = new Command("check", "Validate a folder of playbook files; prints every error with file, line and field.") { folder };
        check.SetAction(parse => Check(Consoles.Of(parse), parse.GetValue(folder)!));

        return new Command("playbook", "Situation playbooks and regional norms: list, show, check.") { playbooks, list, show, check };
    }

    private static PlaybookLibrary? Load(CliInvocation io, string? folder)
    {
        try
        {
            return PlaybookFolder.Load(folder);
        }
        catch (PlaybookFormatException e)
        {
            io.Error.WriteLine($"attune playbook: the playbooks in '{folder}' have errors:");
            foreach (var error in e.Errors)
            {
                io.Error.WriteLine("  " + error);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            io.Error.WriteLine($"attune playbook: {e.Message}");
        }
        return null;
    }

    internal static int List(CliInvocation io, string? folder)
    {
        if (Load(io, folder) is not { } library)
        {
            return CliApp.Unusable;
        }
        var situations = new Table().Border(TableBorder.Rounded).Title("Situations").AddColumn("name").AddColumn(new TableColumn("priority").RightAligned()).AddColumn("title").AddColumn("rules").AddColumn("source");
        foreach (var s in library.Situations)
        {
            situations.AddRow(s.Name, s.Priority.ToString(System.Globalization.CultureInfo.InvariantCulture), Markup.Escape(s.Title),
                $"{s.Rules.Count(r => r.Kind == RuleKind.Do)} do, {s.Rules.Count(r => r.Kind == RuleKind.Dont)} don't", Markup.Escape(s.Source));
        }
        var regions = new Table().Border(TableBorder.Rounded).Title("Regions").AddColumn("code").AddColumn("name").AddColumn("summary");
        foreach (var r in library.Regions)
        {
            regions.AddRow(r.Code, Markup.Escape(r.Name), Markup.Escape(r.Summary));
        }
        var console = io.Out();
        console.Write(situations);
        console.Write(regions);
        return CliApp.Ok;
    }

    internal static int Show(CliInvocation io, string? folder, string name, bool json)
    {
        if (Load(io, folder) is not { } library)
        {
            return CliApp.Unusable;
        }
        if (library.FindSituation(name) is { } s)
        {
            if (json)
            {
                io.Output.WriteLine(JsonSerializer.Serialize(s, AssessmentJson.Indented.SituationPlaybook));
                return CliApp.Ok;
            }
            var table = new Table().Border(TableBorder.Simple).AddColumn("").AddColumn("check").AddColumn("guidance");
            foreach (var rule in s.Rules)
            {
                table.AddRow(rule.Kind == RuleKind.Do ? "[green]do[/]" : "[red]don't[/]", rule.Id, Markup.Escape(rule.Guidance));
            }
            var t = s.Triggers;
            var when = new List<string>();
            if (!t.Vulnerability.IsEmpty) { when.Add("vulnerability: " + string.Join(", ", t.Vulnerability)); }
            if (!t.Emotions.IsEmpty) { when.Add("emotions: " + string.Join(", ", t.Emotions)); }
            if (!t.Topics.IsEmpty) { when.Add("topics: " + string.Join(", ", t.Topics)); }
            if (!t.TopicsIfNegative.IsEmpty) { when.Add("negative message about: " + string.Join(", ", t.TopicsIfNegative)); }
            if (t.Churn) { when.Add("churn risk"); }
            if (t.RepeatContact) { when.Add("repeat contact"); }
            if (t.MinUrgency is { } u) { when.Add("urgency ≥ " + u); }
            if (!t.Phrases.IsEmpty) { when.Add("words: " + string.Join(", ", t.Phrases.Take(8)) + (t.Phrases.Length > 8 ? ", …" : "")); }
            var rows = new Rows(
                new Markup($"[bold]{Markup.Escape(s.Title)}[/] [grey]({s.Name}, priority {s.Priority}, {Markup.Escape(s.Source)})[/]"),
                new Text(s.Summary),
                new Markup($"[bold]Aim:[/] {Markup.Escape(s.Outcome)}"),
                new Markup($"[bold]Applies when[/] (any): {Markup.Escape(string.Join("; ", when))}"),
                table);
            io.Out().Write(new Panel(rows).Header("attune playbook").Border(BoxBorder.Rounded));
            return CliApp.Ok;
        }
        if (library.FindRegion(name) is { } r)
        {
            if (json)
            {
                io.Output.WriteLine(JsonSerializer.Serialize(r, AssessmentJson.Indented.RegionalNorms));
                return CliApp.Ok;
            }
            var expect = new List<string>();
            if (r.MaxApologies is { } a) { expect.Add($"at most {a} apolog{(a == 1 ? "y" : "ies")} without action"); }
            if (r.MaxWords is { } w) { expect.Add($"at most {w} words"); }
            expect.Add($"{r.Formality.ToString().ToLowerInvariant()} register");
            if (r.Specifics) { expect.Add("precise facts (numbers, dates, steps)"); }
            if (r.Warmth) { expect.Add("a warm, personal greeting or closing"); }
            if (r.SeniorEscalation) { expect.Add("a senior representative for upset customers"); }
            if (r.Discretion) { expect.Add("discretion (no exclamation marks or effusive language)"); }
            var inv = System.Globalization.CultureInfo.InvariantCulture;
            var rows = new List<Spectre.Console.Rendering.IRenderable>
            {
                new Markup($"[bold]{Markup.Escape(r.Name)}[/] [grey]({r.Code}, {Markup.Escape(r.Source)})[/]"),
                new Text(r.Summary),
                new Markup($"[bold]Weights:[/] emotional reaction {r.EmotionWeight.ToString(inv)}, interpretation {r.InterpretationWeight.ToString(inv)}, exploration {r.ExplorationWeight.ToString(inv)}, action {r.ActionWeight.ToString(inv)}"),
                new Markup($"[bold]Expects:[/] {Markup.Escape(string.Join("; ", expect))}"),
            };
            rows.AddRange(r.Notes.Select(n => new Text("• " + n)));
            io.Out().Write(new Panel(new Rows(rows)).Header("attune playbook").Border(BoxBorder.Rounded));
            return CliApp.Ok;
        }
        io.Error.WriteLine($"attune playbook: no situation or region named '{name}'. Situations: {string.Join(", ", library.Situations.Select(x => x.Name))}; regions: {string.Join(", ", library.Regions.Select(x => x.Code))}.");
        return CliApp.Unusable;
    }

    internal static int Check(CliInvocation io, string folder)
    {
        if (Load(io, folder) is null)
        {
            return CliApp.Unusable;
        }
        io.Output.WriteLine($"{folder}: all playbook files are valid.");
        return CliApp.Ok;
    }
}
