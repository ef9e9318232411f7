using System.Collections.Immutable;
using System.Globalization;
using Attune.Core.Routing.Assignment;
using YamlDotNet.RepresentationModel;

namespace Attune.App.Routing;

/// <summary>Reads the agents of a simulation (or a team) from YAML or JSON (docs/routing-policy.md#agents).</summary>
public static class AgentsFile
{
    private static readonly string[] TopFields = ["agents"];
    private static readonly string[] AgentFields = ["id", "name", "desks", "languages", "vulnerability_trained", "capacity", "shifts", "status", "count"];
    private static readonly string[] Days = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

    public static ImmutableArray<Agent> Parse(string text, string file)
    {
        var problems = new List<YamlProblem>();
        var root = YamlReading.Load(text, problems);
        var y = new YamlReading();
        var agents = ImmutableArray.CreateBuilder<Agent>();
        if (root is not null && y.Mapping(root, "", TopFields) is { } map)
        {
            if (YamlReading.Child(map, "agents") is { } list && y.Sequence(list, "agents") is { } seq)
            {
                var ids = new HashSet<string>(StringComparer.Ordinal);
                for (var i = 0; i < seq.Children.Count; i++)
                {
                    foreach (var agent in Agent(y, $"agents[{i}]", seq.Children[i]))
                    {
                        if (!ids.Add(agent.Id))
                        {
                            y.Add(seq.Children[i], $"agents[{i}].id", $"agent id '{agent.Id}' is used twice");
                        }
                        agents.Add(agent);
                    }
                }
            }
            else if (YamlReading.Child(map, "agents") is null)
            {
                y.Add(map, "agents", "is required: a list of agents");
            }
        }
        else if (root is null && problems.Count == 0)
        {
            problems.Add(new YamlProblem(1, 1, "agents", "the file is empty; expected agents: [...]"));
        }
        problems.AddRange(y.Problems);
        if (problems.Count == 0 && agents.Count == 0)
        {
            problems.Add(new YamlProblem(1, 1, "agents", "the list is empty; a simulation needs at least one agent"));
        }
        return problems.Count > 0 ? throw new YamlFileException(file, problems) : agents.ToImmutable();
    }

    private static IEnumerable<Agent> Agent(YamlReading y, string path, YamlNode node)
    {
        var map = y.Mapping(node, path, AgentFields);
        if (map is null)
        {
            return [];
        }
        var id = y.Text(YamlReading.Child(map, "id"), path + ".id", required: true, map);
        var name = y.Text(YamlReading.Child(map, "name"), path + ".name") ?? id;
        var desks = Texts(y, YamlReading.Child(map, "desks"), path + ".desks");
        if (desks.IsEmpty)
        {
            y.Add(map, path + ".desks", "is required: the desks the agent works, or [\"*\"] for any");
        }
        var languages = Texts(y, YamlReading.Child(map, "languages"), path + ".languages");
        var trained = y.Bool(YamlReading.Child(map, "vulnerability_trained"), path + ".vulnerability_trained") ?? false;
        var capacity = ImmutableDictionary.CreateBuilder<string, int>(StringComparer.OrdinalIgnoreCase);
        if (YamlReading.Child(map, "capacity") is { } capacityNode)
        {
            if (capacityNode is YamlMappingNode capacityMap)
            {
                foreach (var (key, value) in capacityMap.Children)
                {
                    var channel = (key as YamlScalarNode)?.Value ?? "";
                    if (y.Integer(value, $"{path}.capacity.{channel}", 0) is { } n)
                    {
                        capacity[channel] = n;
                    }
                }
            }
            else if (y.Integer(capacityNode, path + ".capacity", 0) is { } all)
            {
                capacity["*"] = all;
            }
        }
        else
        {
            y.Add(map, path + ".capacity", "is required: conversations at once per channel, e.g. { chat: 3, email: 5 }, or one number for all");
        }
        var shifts = ImmutableArray.CreateBuilder<Shift>();
        foreach (var item in YamlReading.Items(YamlReading.Child(map, "shifts")))
        {
            var text = y.Text(item, path + ".shifts");
            if (text is null or "always")
            {
                continue;
            }
            if (!TryShifts(text, shifts))
            {
                y.Add(item, path + ".shifts", $"expected \"mon-fri 08:00-16:00\", \"sat 09:00-13:00\" (UTC) or always, got '{text}'");
            }
        }
        var status = y.Enum<AgentStatus>(YamlReading.Child(map, "status"), path + ".status") ?? AgentStatus.Available;
        var count = y.Integer(YamlReading.Child(map, "count"), path + ".count", 1) ?? 1;
        if (id is null)
        {
            return [];
        }
        var agent = new Agent(id, name ?? id, desks, languages.IsEmpty ? ["en"] : languages, trained, capacity.ToImmutable(), shifts.ToImmutable(), status);
        return count == 1
            ? [agent]
            : Enumerable.Range(1, count).Select(n => agent with { Id = $"{id}-{n}", Name = $"{name} {n}" });
    }

    private static bool TryShifts(string text, ImmutableArray<Shift>.Builder shifts)
    {
        var parts = text.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length != 2)
        {
            return false;
        }
        var days = parts[0].Split('-', 2);
        var first = Array.IndexOf(Days, days[0].ToLowerInvariant());
        var last = days.Length == 2 ? Array.IndexOf(Days, days[1].ToLowerInvariant()) : first;
        var times = parts[1].Split('-', 2, StringSplitOptions.TrimEntries);
        if (first < 0 || last < 0 || times.Length != 2
            || !TimeSpan.TryParseExact(times[0], @"hh\:mm", CultureInfo.InvariantCulture, out var from))
        {
            return false;
        }
        TimeSpan to;
        if (times[1] == "24:00")
        {
            to = TimeSpan.FromHours(24);
        }
        else if (!TimeSpan.TryParseExact(times[1], @"hh\:mm", CultureInfo.InvariantCulture, out to))
        {
            return false;
        }
        if (to <= from)
        {
            return false;
        }
        for (var d = first; ; d = (d + 1) % 7)
        {
            shifts.Add(new Shift((DayOfWeek)d, from, to));
            if (d == last)
            {
                break;
            }
        }
        return true;
    }

    private static ImmutableArray<string> Texts(YamlReading y, YamlNode? node, string path)
    {
        var builder = ImmutableArray.CreateBuilder<string>();
        foreach (var item in YamlReading.Items(node))
        {
            if (y.Text(item, path) is { } value)
            {
                builder.Add(value);
            }
        }
        return builder.ToImmutable();
    }
}
