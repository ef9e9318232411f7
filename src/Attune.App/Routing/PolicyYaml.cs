using System.Collections.Immutable;
using System.Globalization;
using Attune.Core.Listening;
using Attune.Core.Routing;
using YamlDotNet.RepresentationModel;

namespace Attune.App.Routing;

/// <summary>Reads a routing policy from YAML (docs/routing-policy.md) into Core's records. Lives in the host, not in
/// Core, so that Core stays BCL-only (ADR 0001); shared by the CLI and the server. Every problem is reported with
/// its line, field and what is allowed, including Core's own checks (<see cref="PolicyValidator"/>), so a policy that
/// parses here may be activated.</summary>
public static class PolicyYaml
{
    private static readonly string[] TopFields = ["policy", "version", "default_calendar", "calendars", "desks", "slas", "rules", "fallback"];
    private static readonly string[] CalendarFields = ["utc_offset", "hours"];
    private static readonly string[] Days = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];
    private static readonly string[] DeskFields = ["name", "vulnerability_training"];
    private static readonly string[] SlaFields = ["calendar", "first_reply", "next_reply", "resolution", "update_every"];
    private static readonly string[] RuleFields = ["id", "when", "then"];
    private static readonly string[] ActionFields = ["desk", "mode", "priority", "sla", "playbook", "label"];
    private static readonly string[] ConditionFields =
    [
        "emotion", "min_intensity", "sentiment_at_most", "upset", "vulnerable", "driver", "characteristic", "min_confidence",
        "urgency", "effort_at_least", "repeat_contact", "churn_at_least", "topic", "asks_for_person", "region",
        "value_at_least", "renewal_within_days", "open_incidents_at_least", "needs", "channel", "business_hours",
    ];

    /// <summary>The default policy shipped in Attune.Core.</summary>
    public static RoutingPolicy Default() => Parse(RoutingResources.DefaultPolicyYaml, "default-policy.yaml");

    /// <summary>Parses and validates; throws <see cref="YamlFileException"/> with every problem when the policy is not valid.</summary>
    public static RoutingPolicy Parse(string text, string file)
    {
        var (policy, problems) = Check(text);
        return problems.Count > 0 || policy is null ? throw new YamlFileException(file, problems) : policy;
    }

    /// <summary>Parses and validates; returns the policy only when there is no problem.</summary>
    public static (RoutingPolicy? Policy, IReadOnlyList<YamlProblem> Problems) Check(string text)
    {
        var problems = new List<YamlProblem>();
        var root = YamlReading.Load(text, problems);
        if (root is null)
        {
            if (problems.Count == 0)
            {
                problems.Add(new YamlProblem(1, 1, "(file)", "the file is empty; a policy needs policy, version, calendars, desks, slas, rules and fallback"));
            }
            return (null, problems);
        }
        var reader = new Reader(new YamlReading());
        var policy = reader.Policy(root);
        problems.AddRange(reader.Y.Problems);
        if (policy is not null && problems.Count == 0)
        {
            foreach (var error in PolicyValidator.Validate(policy))
            {
                var node = reader.NodeFor(error.Path) ?? root;
                problems.Add(new YamlProblem((int)node.Start.Line, (int)node.Start.Column, error.Path, error.Message));
            }
        }
        problems.Sort((a, b) => a.Line != b.Line ? a.Line.CompareTo(b.Line) : a.Column.CompareTo(b.Column));
        return (problems.Count == 0 ? policy : null, problems);
    }

    private sealed class Reader(YamlReading y)
    {
        private readonly Dictionary<string, YamlNode> _nodes = new(StringComparer.Ordinal);

        public YamlReading Y { get; } = y;

        public YamlNode? NodeFor(string path)
        {
            while (path.Length > 0)
            {
                if (_nodes.TryGetValue(path, out var node))
                {
                    return node;
                }
                var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
                path = cut <= 0 ? "" : path[..cut];
            }
            return null;
        }

        private YamlNode? Field(YamlMappingNode map, string path, string key)
        {
            var node = YamlReading.Child(map, key);
            var full = YamlReading.Join(path, key);
            _nodes[full] = node ?? (YamlNode)map;
            return node;
        }

        public RoutingPolicy? Policy(YamlNode root)
        {
            var map = Y.Mapping(root, "", TopFields);
            if (map is null)
            {
                return null;
            }
            var name = Y.Text(Field(map, "", "policy"), "policy", required: true, map);
            var version = Y.Text(Field(map, "", "version"), "version", required: true, map);
            var defaultCalendar = Y.Text(Field(map, "", "default_calendar"), "default_calendar") ?? "";
            var calendars = ImmutableDictionary.CreateBuilder<string, BusinessCalendar>(StringComparer.Ordinal);
            if (Field(map, "", "calendars") is YamlMappingNode calendarMap)
            {
                foreach (var (key, value) in calendarMap.Children)
                {
                    var calendarName = (key as YamlScalarNode)?.Value ?? "";
                    if (Calendar(calendarName, value) is { } calendar)
                    {
                        calendars[calendarName] = calendar;
                    }
                }
            }
            else
            {
                Y.Add(YamlReading.Child(map, "calendars") ?? map, "calendars", "is required: a mapping of business-hour calendars (name: {utc_offset, hours})");
            }
            if (defaultCalendar.Length == 0)
            {
                defaultCalendar = calendars.Keys.Order(StringComparer.Ordinal).FirstOrDefault() ?? "";
            }
            var desks = ImmutableArray.CreateBuilder<Desk>();
            if (Field(map, "", "desks") is { } desksNode && Y.Sequence(desksNode, "desks") is { } deskSeq)
            {
                for (var i = 0; i < deskSeq.Children.Count; i++)
                {
                    var path = $"desks[{i}]";
                    var node = deskSeq.Children[i];
                    _nodes[path] = node;
                    if (node is YamlScalarNode { Value: { } simple })
                    {
                        _nodes[path + ".name"] = node;
                        desks.Add(new Desk(simple, false));
                        continue;
                    }
                    if (Y.Mapping(node, path, DeskFields) is { } deskMap)
                    {
                        var deskName = Y.Text(Field(deskMap, path, "name"), path + ".name", required: true, deskMap);
                        var trained = Y.Bool(Field(deskMap, path, "vulnerability_training"), path + ".vulnerability_training") ?? false;
                        if (deskName is not null)
                        {
                            desks.Add(new Desk(deskName, trained));
                        }
                    }
                }
            }
            else
            {
                Y.Add(map, "desks", "is required: the desks conversations go to");
            }
            var slas = ImmutableDictionary.CreateBuilder<string, SlaTargets>(StringComparer.Ordinal);
            if (Field(map, "", "slas") is YamlMappingNode slaMap)
            {
                foreach (var (key, value) in slaMap.Children)
                {
                    var slaName = (key as YamlScalarNode)?.Value ?? "";
                    if (Sla(slaName, value) is { } sla)
                    {
                        slas[slaName] = sla;
                    }
                }
            }
            else
            {
                Y.Add(YamlReading.Child(map, "slas") ?? map, "slas", "is required: a mapping of SLA profiles (name: {calendar, first_reply, next_reply, resolution})");
            }
            var rules = ImmutableArray.CreateBuilder<RoutingRule>();
            if (Field(map, "", "rules") is { } rulesNode && Y.Sequence(rulesNode, "rules") is { } ruleSeq)
            {
                for (var i = 0; i < ruleSeq.Children.Count; i++)
                {
                    if (Rule($"rules[{i}]", ruleSeq.Children[i]) is { } rule)
                    {
                        rules.Add(rule);
                    }
                }
            }
            var fallback = Field(map, "", "fallback") is { } fallbackNode ? Action("fallback", fallbackNode) : null;
            if (fallback is null && YamlReading.Child(map, "fallback") is null)
            {
                Y.Add(map, "fallback", "is required: where a conversation goes when no rule matches (desk, mode, priority, sla)");
            }
            if (name is null || version is null || fallback is null)
            {
                return null;
            }
            return new RoutingPolicy(name, version, calendars.ToImmutable(), desks.ToImmutable(), slas.ToImmutable(), rules.ToImmutable(), fallback, defaultCalendar);
        }

        private BusinessCalendar? Calendar(string name, YamlNode node)
        {
            var path = "calendars." + name;
            _nodes[path] = node;
            var map = Y.Mapping(node, path, CalendarFields);
            if (map is null)
            {
                return null;
            }
            var offset = TimeSpan.Zero;
            if (Y.Text(Field(map, path, "utc_offset"), path + ".utc_offset") is { } offsetText)
            {
                if (!TimeSpan.TryParseExact(offsetText.TrimStart('+'), @"hh\:mm", CultureInfo.InvariantCulture, out offset)
                    && !TimeSpan.TryParseExact(offsetText.TrimStart('-'), @"hh\:mm", CultureInfo.InvariantCulture, out offset))
                {
                    Y.Add(YamlReading.Child(map, "utc_offset")!, path + ".utc_offset", $"expected an offset such as +01:00 or -05:00, got '{offsetText}'");
                }
                else if (offsetText.StartsWith('-'))
                {
                    offset = -offset;
                }
            }
            var hoursNode = Field(map, path, "hours");
            if (hoursNode is null)
            {
                Y.Add(map, path + ".hours", "is required: 'always', or a mapping of days (mon … sun) to \"08:00-18:00\" or closed");
                return null;
            }
            if (hoursNode is YamlScalarNode { Value: "always" })
            {
                return BusinessCalendar.AlwaysOpen(name) with { Offset = offset };
            }
            var hours = Y.Mapping(hoursNode, path + ".hours", Days);
            if (hours is null)
            {
                return null;
            }
            var windows = new OpenWindow?[7];
            for (var d = 0; d < 7; d++)
            {
                var dayPath = $"{path}.hours.{Days[d]}";
                var text = Y.Text(Field(hours, path + ".hours", Days[d]), dayPath);
                if (text is null or "closed")
                {
                    continue;
                }
                if (text == "always")
                {
                    windows[d] = OpenWindow.AllDay;
                    continue;
                }
                var parts = text.Split('-', 2, StringSplitOptions.TrimEntries);
                if (parts.Length == 2 && Time(parts[0]) is { } from && Time(parts[1]) is { } to && to > from)
                {
                    windows[d] = new OpenWindow(from, to);
                }
                else
                {
                    Y.Add(YamlReading.Child(hours, Days[d])!, dayPath, $"expected \"HH:MM-HH:MM\" (closing after opening, up to 24:00), closed or always, got '{text}'");
                }
            }
            return new BusinessCalendar(name, offset, [.. windows]);
        }

        private static TimeSpan? Time(string text) =>
            text == "24:00" ? TimeSpan.FromHours(24)
            : TimeSpan.TryParseExact(text, @"hh\:mm", CultureInfo.InvariantCulture, out var t) && t < TimeSpan.FromHours(24) ? t : null;

        private SlaTargets? Sla(string name, YamlNode node)
        {
            var path = "slas." + name;
            _nodes[path] = node;
            var map = Y.Mapping(node, path, SlaFields);
            if (map is null)
            {
                return null;
            }
            var calendar = Y.Text(Field(map, path, "calendar"), path + ".calendar", required: true, map);
            var first = Required(map, path, "first_reply");
            var next = Required(map, path, "next_reply");
            var resolution = Required(map, path, "resolution");
            var update = Y.Duration(Field(map, path, "update_every"), path + ".update_every");
            return calendar is null || first is null || next is null || resolution is null
                ? null
                : new SlaTargets(name, calendar, first.Value, next.Value, resolution.Value, update);
        }

        private TimeSpan? Required(YamlMappingNode map, string path, string key)
        {
            var node = Field(map, path, key);
            if (node is null)
            {
                Y.Add(map, path + "." + key, "is required: a duration such as 30m, 4h or 2d");
                return null;
            }
            return Y.Duration(node, path + "." + key);
        }

        private RoutingRule? Rule(string path, YamlNode node)
        {
            _nodes[path] = node;
            var map = Y.Mapping(node, path, RuleFields);
            if (map is null)
            {
                return null;
            }
            var id = Y.Text(Field(map, path, "id"), path + ".id", required: true, map);
            var whenNode = Field(map, path, "when");
            var when = whenNode is null ? new RuleCondition() : Condition(path + ".when", whenNode);
            var thenNode = Field(map, path, "then");
            if (thenNode is null)
            {
                Y.Add(map, path + ".then", "is required: what to do (desk, mode, priority, sla)");
                return null;
            }
            var then = Action(path + ".then", thenNode);
            return id is null || when is null || then is null ? null : new RoutingRule(id, when, then);
        }

        private RuleAction? Action(string path, YamlNode node)
        {
            _nodes[path] = node;
            var map = Y.Mapping(node, path, ActionFields);
            if (map is null)
            {
                return null;
            }
            var desk = Y.Text(Field(map, path, "desk"), path + ".desk", required: true, map);
            var mode = Y.Enum<HandlingMode>(Field(map, path, "mode"), path + ".mode");
            if (mode is null && YamlReading.Child(map, "mode") is null)
            {
                Y.Add(map, path + ".mode", "is required; allowed: self_service, human, specialist");
            }
            var priority = Y.Enum<Priority>(Field(map, path, "priority"), path + ".priority") ?? Priority.Normal;
            var sla = Y.Text(Field(map, path, "sla"), path + ".sla", required: true, map);
            var playbook = Y.Text(Field(map, path, "playbook"), path + ".playbook");
            var label = Y.Text(Field(map, path, "label"), path + ".label");
            return desk is null || mode is null || sla is null ? null : new RuleAction(desk, priority, mode.Value, sla, playbook, label);
        }

        private RuleCondition? Condition(string path, YamlNode node)
        {
            var map = Y.Mapping(node, path, ConditionFields);
            if (map is null)
            {
                return null;
            }
            string P(string key) => path + "." + key;
            YamlNode? F(string key) => Field(map, path, key);
            return new RuleCondition
            {
                Emotions = Enums<Emotion>(F("emotion"), P("emotion")),
                MinIntensity = Y.Number(F("min_intensity"), P("min_intensity"), 0, 1),
                SentimentAtMost = Y.Number(F("sentiment_at_most"), P("sentiment_at_most"), -1, 1),
                Upset = Y.Bool(F("upset"), P("upset")),
                Vulnerable = Y.Bool(F("vulnerable"), P("vulnerable")),
                Drivers = Enums<VulnerabilityDriver>(F("driver"), P("driver")),
                Characteristics = Enums<VulnerabilityCharacteristic>(F("characteristic"), P("characteristic")),
                MinVulnerabilityConfidence = Y.Number(F("min_confidence"), P("min_confidence"), 0, 1),
                UrgencyAtLeast = Y.Enum<UrgencyLevel>(F("urgency"), P("urgency")),
                EffortAtLeast = Y.Number(F("effort_at_least"), P("effort_at_least"), 0, 1),
                RepeatContact = Y.Bool(F("repeat_contact"), P("repeat_contact")),
                ChurnAtLeast = Y.Number(F("churn_at_least"), P("churn_at_least"), 0, 1),
                Topics = Enums<Topic>(F("topic"), P("topic")),
                AsksForPerson = Y.Bool(F("asks_for_person"), P("asks_for_person")),
                Regions = Texts(F("region"), P("region")),
                ValueAtLeast = Y.Number(F("value_at_least"), P("value_at_least"), 0, 1e15) is { } v ? (decimal)v : null,
                RenewalWithinDays = Y.Integer(F("renewal_within_days"), P("renewal_within_days"), 0),
                OpenIncidentsAtLeast = Y.Integer(F("open_incidents_at_least"), P("open_incidents_at_least"), 0),
                Needs = Texts(F("needs"), P("needs")),
                Channels = Texts(F("channel"), P("channel")),
                BusinessHours = Y.Bool(F("business_hours"), P("business_hours")),
            };
        }

        private ImmutableArray<T> Enums<T>(YamlNode? node, string path)
            where T : struct, Enum
        {
            var builder = ImmutableArray.CreateBuilder<T>();
            foreach (var item in YamlReading.Items(node))
            {
                if (Y.Enum<T>(item, path) is { } value)
                {
                    builder.Add(value);
                }
            }
            return builder.ToImmutable();
        }

        private ImmutableArray<string> Texts(YamlNode? node, string path)
        {
            var builder = ImmutableArray.CreateBuilder<string>();
            foreach (var item in YamlReading.Items(node))
            {
                if (Y.Text(item, path) is { } value)
                {
                    builder.Add(value);
                }
            }
            return builder.ToImmutable();
        }
    }
}
