using System.CommandLine;
using System.Text.Json;
using Attune.Cli.Coaching;
using Attune.Cli.Input;
using Attune.Cli.Rendering;
using Attune.Core.Coaching;
using Attune.Core.Coaching.Playbooks;

namespace Attune.Cli.Commands;

/// <summary>`attune coach "reply" --to "customer message"` or `attune coach FILE`: empathy-in-action coaching.</summary>
internal static class CoachCommand
{
    public static Command Create()
    {
        var input = new Argument<string?>("reply-or-file")
        {
            Description = "The agent's reply to assess, or a conversation file (.csv / .jsonl) whose agent replies are assessed. \"-\" reads the reply from standard input.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var to = new Option<string[]>("--to") { Description = "The customer message the reply answers (repeat for several, oldest first).", AllowMultipleArgumentsPerToken = false };
        var region = new Option<string?>("--region") { Description = "The customer's region code or locale (JP, ja-JP, DE, BR, …)." };
        var situation = new Option<string?>("--situation") { Description = "The situation playbook to apply (bereavement, outage, …); inferred from the customer message when absent." };
        var playbooks = new Option<string?>("--playbooks") { Description = "A folder of the organisation's own playbook and regional-norms files, applied over the defaults." };
        var format = new Option<string?>("--format") { Description = "The file format when the extension does not tell: csv or jsonl." };
        var json = new Option<bool>("--json") { Description = "Print the assessment (or the file summary) as JSON." };
        var command = new Command("coach", "Coach an agent reply toward empathy and action: EPITOME mechanisms, action, flags, situation and regional fit, score and suggestions.")
        {
            input,
            to,
            region,
            situation,
            playbooks,
            format,
            json,
        };
        command.SetAction(parse => Run(Consoles.Of(parse), new Options(
            parse.GetValue(input), parse.GetValue(to) ?? [], parse.GetValue(region), parse.GetValue(situation),
            parse.GetValue(playbooks), parse.GetValue(format), parse.GetValue(json))));
        return command;
    }

    internal sealed record Options(string? Input, string[] To, string? Region, string? Situation, string? Playbooks, string? Format, bool Json);

    internal static int Run(CliInvocation io, Options options)
    {
        PlaybookLibrary library;
        try
        {
            library = PlaybookFolder.Load(options.Playbooks);
        }
        catch (PlaybookFormatException e)
        {
            io.Error.WriteLine($"attune coach: the playbooks in '{options.Playbooks}' have errors:");
            foreach (var error in e.Errors)
            {
                io.Error.WriteLine("  " + error);
            }
            return CliApp.Unusable;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            io.Error.WriteLine($"attune coach: {e.Message}");
            return CliApp.Unusable;
        }
        if (options.Situation is not null && library.FindSituation(options.Situation) is null)
        {
            io.Error.WriteLine($"attune coach: unknown situation '{options.Situation}'. Known: {string.Join(", ", library.Situations.Select(s => s.Name))}.");
            return CliApp.Unusable;
        }
        if (options.Region is not null && library.FindRegion(options.Region) is null)
        {
            io.Error.WriteLine($"attune coach: unknown region '{options.Region}'. Known: {string.Join(", ", library.Regions.Select(r => r.Code))}.");
            return CliApp.Unusable;
        }
        var coach = new Coach(library);
        var text = options.Input;
        if (text is not null and not "-" && options.To.Length == 0 && IsFile(text))
        {
            return RunFile(io, coach, text, options);
        }
        if (text is null or "-")
        {
            if (text is null && io.Terminal.Input)
            {
                io.Error.WriteLine("attune coach: give the reply to assess, e.g. attune coach \"I've refunded the charge\" --to \"you charged me twice\", or a conversation file.");
                return CliApp.Unusable;
            }
            text = io.Input.ReadToEnd();
        }
        var assessment = coach.Assess(text, CoachingContext.For(options.To, options.Region, options.Situation));
        if (options.Json)
        {
            io.Output.WriteLine(AssessmentJson.Serialize(assessment));
        }
        else
        {
            io.Out().Write(AssessmentPanel.Create(assessment));
        }
        return CliApp.Ok;
    }

    private static bool IsFile(string text) =>
        text.Length < 1024 && text.IndexOfAny(['\n', '\r']) < 0 && File.Exists(text);

    private static int RunFile(CliInvocation io, Coach coach, string path, Options options)
    {
        RecordFormat? format = null;
        if (options.Format is not null)
        {
            format = RecordReader.ParseFormat(options.Format);
            if (format is null)
            {
                io.Error.WriteLine($"attune coach: unknown format '{options.Format}'; use csv or jsonl.");
                return CliApp.Unusable;
            }
        }
        var errors = new List<RecordError>();
        List<Exchange> exchanges;
        try
        {
            using var reader = RecordReader.Open(path, format);
            exchanges = Conversations.Read(reader, errors);
        }
        catch (Exception e) when (e is RecordFormatException or IOException or UnauthorizedAccessException)
        {
            io.Error.WriteLine($"attune coach: cannot read '{path}': {e.Message}");
            return CliApp.Unusable;
        }
        var report = Assess(coach, Path.GetFileName(path), exchanges, errors.Select(e => e.ToString()).ToList(), options.Region, options.Situation);
        if (options.Json)
        {
            io.Output.WriteLine(JsonSerializer.Serialize(report, AssessmentJson.Indented.CoachFileReport));
        }
        else
        {
            io.Out().Write(AssessmentPanel.Summary(report));
        }
        foreach (var e in errors)
        {
            io.Error.WriteLine($"attune coach: {path}: {e}");
        }
        return errors.Count > 0 ? CliApp.Partial : CliApp.Ok;
    }

    /// <summary>Assesses every exchange and summarises per agent.</summary>
    internal static CoachFileReport Assess(Coach coach, string name, IReadOnlyList<Exchange> exchanges, IReadOnlyList<string> badRows, string? region = null, string? situation = null)
    {
        var summary = new CoachSummaryBuilder();
        foreach (var x in exchanges)
        {
            var assessment = coach.Assess(x.Reply, CoachingContext.For(x.CustomerMessages, region, situation));
            summary.Add(x.IsBot ? x.Author + " (bot)" : x.Author, assessment);
        }
        return new CoachFileReport(name, summary.Agents(), summary.Total(), badRows);
    }
}
