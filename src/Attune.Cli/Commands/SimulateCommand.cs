using System.CommandLine;
using System.Diagnostics;
using Attune.App.Routing;
using Attune.Cli.Input;
using Attune.Cli.Rendering;
using Attune.Cli.Routing;
using Attune.Core.Routing;
using Attune.Core.Routing.Assignment;
using Attune.Core.Routing.SelfService;
using Attune.Core.Routing.Simulation;

namespace Attune.Cli.Commands;

/// <summary>`attune simulate`: replay a day or week of traffic against one or more routing policies with the same
/// agents, and show side by side what each policy does to customers and to the people who serve them.</summary>
internal static class SimulateCommand
{
    public static Command Create()
    {
        var traffic = new Option<string?>("--traffic") { Description = "Conversations to replay: CSV or JSON Lines with conversation_id, customer, channel, text, created_at (optional: region, value, renewal_date, open_incidents, needs, language, handle_minutes)." };
        var generate = new Option<int?>("--generate") { Description = "Instead of --traffic: generate N conversations (deterministic)." };
        var days = new Option<int>("--days") { Description = "Days the generated traffic spans (1 = a day, 7 = a week).", DefaultValueFactory = _ => 1 };
        var seed = new Option<ulong>("--seed") { Description = "Seed for --generate.", DefaultValueFactory = _ => 20261123UL };
        var agents = new Option<string>("--agents") { Description = "The agents: YAML or JSON (docs/routing-policy.md#agents).", Required = true };
        var policies = new Option<string[]>("--policy") { Description = "A routing policy YAML file; repeat to compare (up to 4). 'default' is Attune's built-in policy; none given means default.", AllowMultipleArgumentsPerToken = false };
        var chart = new Option<string?>("--chart") { Description = "Write one SVG load chart per agent into this folder." };
        var knowledge = new Option<string?>("--knowledge") { Description = "A folder of Markdown (.md) articles for self-service; default: Attune's demo articles." };
        var command = new Command("simulate", "Replay traffic against routing policies with the same agents and compare waits, SLAs, self-service and agents' emotional load.")
        {
            traffic, generate, days, seed, agents, policies, chart, knowledge,
        };
        command.SetAction(parse => Run(
            Consoles.Of(parse),
            parse.GetValue(traffic),
            parse.GetValue(generate),
            parse.GetValue(days),
            parse.GetValue(seed),
            parse.GetValue(agents)!,
            parse.GetValue(policies) ?? [],
            parse.GetValue(chart),
            parse.GetValue(knowledge)));
        return command;
    }

    private static int Run(CliInvocation io, string? trafficPath, int? generate, int days, ulong seed, string agentsPath, string[] policyPaths, string? chart, string? knowledgePath)
    {
        var err = io.Error;
        if ((trafficPath is null) == (generate is null))
        {
            err.WriteLine("attune simulate: give exactly one of --traffic FILE or --generate N.");
            return CliApp.Unusable;
        }
        if (generate is < 0 or > 5_000_000 || days is < 1 or > 31)
        {
            err.WriteLine("attune simulate: --generate takes 0 to 5,000,000 conversations and --days 1 to 31.");
            return CliApp.Unusable;
        }
        if (policyPaths.Length > 4)
        {
            err.WriteLine("attune simulate: compare at most 4 policies at once.");
            return CliApp.Unusable;
        }
        if (policyPaths.Length == 0)
        {
            policyPaths = ["default"];
        }

        var routers = new List<PolicyRouter>();
        foreach (var path in policyPaths)
        {
            try
            {
                var policy = path == "default" ? PolicyYaml.Default() : PolicyYaml.Parse(File.ReadAllText(path), path);
                routers.Add(new PolicyRouter(policy));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or YamlFileException)
            {
                err.WriteLine($"attune simulate: {(e is YamlFileException ? e.Message : $"cannot read policy '{path}': {e.Message}")}");
                err.WriteLine("The policy was not used (a policy that fails validation is never activated).");
                return CliApp.Unusable;
            }
        }
        IReadOnlyList<Agent> team;
        try
        {
            team = AgentsFile.Parse(File.ReadAllText(agentsPath), agentsPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or YamlFileException)
        {
            err.WriteLine($"attune simulate: {(e is YamlFileException ? e.Message : $"cannot read agents '{agentsPath}': {e.Message}")}");
            return CliApp.Unusable;
        }
        KnowledgeBase kb;
        try
        {
            kb = knowledgePath is null
                ? KnowledgeBase.Demo()
                : new KnowledgeBase(Directory.EnumerateFiles(knowledgePath, "*.md").Order(StringComparer.Ordinal)
                    .Select(f => KnowledgeArticle.FromMarkdown(Path.GetFileNameWithoutExtension(f), File.ReadAllText(f))));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            err.WriteLine($"attune simulate: cannot read the knowledge folder '{knowledgePath}': {e.Message}");
            return CliApp.Unusable;
        }

        var rowErrors = new List<string>();
        List<GeneratedMessage> messages;
        var handle = new Dictionary<string, double>(StringComparer.Ordinal);
        if (trafficPath is not null)
        {
            try
            {
                messages = TrafficFile.Load(trafficPath, rowErrors);
                ReadHandleMinutes(trafficPath, handle);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or RecordFormatException)
            {
                err.WriteLine($"attune simulate: cannot read traffic '{trafficPath}': {e.Message}");
                return CliApp.Unusable;
            }
            foreach (var line in rowErrors.Take(20))
            {
                err.WriteLine($"attune simulate: {trafficPath}: {line} (row skipped)");
            }
            if (rowErrors.Count > 20)
            {
                err.WriteLine($"attune simulate: … and {rowErrors.Count - 20} more bad rows skipped.");
            }
        }
        else
        {
            var monday = new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero);
            messages = [.. TrafficGenerator.Generate(generate!.Value, monday, days, seed)];
        }

        var clock = Stopwatch.StartNew();
        var conversations = TrafficFile.Prepare(messages, kb, handle.Count > 0 ? handle : null);
        var readTime = clock.Elapsed;
        clock.Restart();
        var reports = routers.Select(r => Simulator.Run(r, team, conversations)).ToList();
        var replayTime = clock.Elapsed;

        var output = io.Out();
        SimulationTables.Write(output, reports, trafficPath ?? $"generated: {generate} conversations over {days} day(s), seed {seed}", team.Count);
        io.Output.WriteLine($"Read {conversations.Length:N0} messages in {readTime.TotalSeconds:0.00} s (each distinct text once); replayed {reports.Count} polic{(reports.Count == 1 ? "y" : "ies")} in {replayTime.TotalSeconds:0.00} s.");
        if (chart is not null)
        {
            try
            {
                var files = LoadChart.Write(chart, reports);
                io.Output.WriteLine($"Wrote {files.Count} load chart(s) to {chart}.");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                err.WriteLine($"attune simulate: cannot write charts to '{chart}': {e.Message}");
                return CliApp.Unusable;
            }
        }
        return rowErrors.Count > 0 ? CliApp.Partial : CliApp.Ok;
    }

    private static void ReadHandleMinutes(string path, Dictionary<string, double> handle)
    {
        using var reader = RecordReader.Open(path);
        if (!reader.Columns.Contains("handle_minutes"))
        {
            return;
        }
        foreach (var item in reader.Read())
        {
            if (item is InputRecord record && record.Get("conversation_id") is { } id
                && double.TryParse(record.Get("handle_minutes"), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var minutes) && minutes > 0)
            {
                handle[id] = minutes;
            }
        }
    }
}
