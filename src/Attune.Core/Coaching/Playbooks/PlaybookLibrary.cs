using System.Collections.Immutable;
using System.Globalization;
using Attune.Core.Coaching.Cues;
using Attune.Core.Listening;
using Attune.Core.Resources;

namespace Attune.Core.Coaching.Playbooks;

/// <summary>The situation playbooks and regional norms the coach uses. Immutable and thread-safe.</summary>
public sealed class PlaybookLibrary
{
    private static readonly Lazy<PlaybookLibrary> Embedded = new(LoadEmbedded);

    private readonly Dictionary<string, SituationPlaybook> _situations;
    private readonly Dictionary<string, RegionalNorms> _regions;
    private readonly Dictionary<string, CompiledPlaybook> _compiled;

    private PlaybookLibrary(IEnumerable<SituationPlaybook> situations, IEnumerable<RegionalNorms> regions)
    {
        _situations = situations.ToDictionary(s => s.Name, StringComparer.OrdinalIgnoreCase);
        _regions = regions.ToDictionary(r => r.Code, StringComparer.OrdinalIgnoreCase);
        Situations = [.. _situations.Values.OrderByDescending(s => s.Priority).ThenBy(s => s.Name, StringComparer.Ordinal)];
        Regions = [.. _regions.Values.OrderBy(r => r.Code, StringComparer.Ordinal)];
        _compiled = _situations.Values.ToDictionary(s => s.Name, CompiledPlaybook.Compile, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Attune's own playbooks and regional norms (embedded under <c>Resources/coaching/</c>).</summary>
    public static PlaybookLibrary Default => Embedded.Value;

    /// <summary>Every situation playbook, highest priority first.</summary>
    public ImmutableArray<SituationPlaybook> Situations { get; }

    /// <summary>Every region's norms, by code.</summary>
    public ImmutableArray<RegionalNorms> Regions { get; }

    /// <summary>Parses playbook and regional-norms files. A file with a top-level <c>situation:</c> key is a situation
    /// playbook, one with <c>region:</c> is regional norms.</summary>
    /// <exception cref="PlaybookFormatException">Any file is invalid; every error found is listed with file, line and field.</exception>
    public static PlaybookLibrary Parse(IEnumerable<PlaybookSource> sources) => Build([], [], sources);

    /// <summary>This library with the given files added; a file whose name (situation) or code (region) already
    /// exists replaces it. Used to apply an organisation's own folder over the defaults.</summary>
    /// <exception cref="PlaybookFormatException">Any file is invalid.</exception>
    public PlaybookLibrary With(IEnumerable<PlaybookSource> sources) => Build(_situations.Values, _regions.Values, sources);

    /// <summary>The situation playbook named <paramref name="name"/> (case-insensitive), or null.</summary>
    public SituationPlaybook? FindSituation(string? name) =>
        name is not null && _situations.TryGetValue(name.Trim(), out var s) ? s : null;

    /// <summary>The norms of a region given as a code (<c>JP</c>) or a locale (<c>ja-JP</c>, <c>pt_BR</c>), or null.</summary>
    public RegionalNorms? FindRegion(string? region)
    {
        if (string.IsNullOrWhiteSpace(region))
        {
            return null;
        }
        var code = region.Trim();
        var sep = code.LastIndexOfAny(['-', '_']);
        if (sep >= 0)
        {
            code = code[(sep + 1)..];
        }
        return _regions.TryGetValue(code, out var r) ? r : null;
    }

    internal CompiledPlaybook Compiled(SituationPlaybook playbook) =>
        _compiled.TryGetValue(playbook.Name, out var c) && ReferenceEquals(c.Playbook, playbook) ? c : CompiledPlaybook.Compile(playbook);

    private static PlaybookLibrary LoadEmbedded() =>
        Parse(EmbeddedResource.List("coaching/situations").Concat(EmbeddedResource.List("coaching/regions"))
            .Where(p => p.EndsWith(".yaml", StringComparison.Ordinal))
            .Select(p => new PlaybookSource(p, EmbeddedResource.ReadText(p))));

    private static PlaybookLibrary Build(IEnumerable<SituationPlaybook> situations, IEnumerable<RegionalNorms> regions, IEnumerable<PlaybookSource> sources)
    {
        var s = situations.ToDictionary(x => x.Name, StringComparer.OrdinalIgnoreCase);
        var r = regions.ToDictionary(x => x.Code, StringComparer.OrdinalIgnoreCase);
        var errors = new List<PlaybookError>();
        var seen = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var source in sources)
        {
            var before = errors.Count;
            var root = DataParser.Parse(source.Name, source.Text, errors);
            if (errors.Count > before)
            {
                continue;
            }
            var reader = new FieldReader(source.Name, errors);
            if (root.Get("situation") is not null)
            {
                var playbook = ReadSituation(reader, root);
                if (playbook is not null && errors.Count == before)
                {
                    if (seen.TryGetValue("s:" + playbook.Name, out var other))
                    {
                        errors.Add(new PlaybookError(source.Name, root.Get("situation")!.Line, "situation", $"'{playbook.Name}' is also defined in {other}"));
                    }
                    seen["s:" + playbook.Name] = source.Name;
                    s[playbook.Name] = playbook;
                }
            }
            else if (root.Get("region") is not null)
            {
                var norms = ReadRegion(reader, root);
                if (norms is not null && errors.Count == before)
                {
                    if (seen.TryGetValue("r:" + norms.Code, out var other))
                    {
                        errors.Add(new PlaybookError(source.Name, root.Get("region")!.Line, "region", $"'{norms.Code}' is also defined in {other}"));
                    }
                    seen["r:" + norms.Code] = source.Name;
                    r[norms.Code] = norms;
                }
            }
            else
            {
                errors.Add(new PlaybookError(source.Name, 1, "", "a playbook file starts with 'situation: NAME' or 'region: CODE'"));
            }
        }
        if (errors.Count > 0)
        {
            throw new PlaybookFormatException(errors);
        }
        return new PlaybookLibrary(s.Values, r.Values);
    }

    private static readonly string[] SituationKeys = ["situation", "title", "summary", "outcome", "priority", "when", "do", "dont", "phrases", "action-needed"];
    private static readonly string[] WhenKeys = ["vulnerability", "emotions", "topics", "topics-if-negative", "churn", "repeat-contact", "urgency", "phrases"];
    private static readonly string[] RegionKeys = ["region", "name", "summary", "weights", "expect", "notes"];
    private static readonly string[] WeightKeys = ["emotional-reaction", "interpretation", "exploration", "action"];
    private static readonly string[] ExpectKeys = ["max-apologies", "formality", "max-words", "specifics", "warmth", "senior-escalation", "discretion"];

    private static SituationPlaybook? ReadSituation(FieldReader f, MapNode root)
    {
        f.OnlyKeys(root, "", SituationKeys);
        var name = f.Name(root, "situation");
        var title = f.Text(root, "title", required: true);
        var phrases = ImmutableDictionary.CreateBuilder<string, ImmutableArray<string>>(StringComparer.Ordinal);
        if (root.Get("phrases") is { } phraseNode)
        {
            if (phraseNode is MapNode map)
            {
                foreach (var (id, node) in map.Entries)
                {
                    var list = f.Phrases(node, "phrases." + id);
                    if (list.IsEmpty)
                    {
                        f.Error(node.Line, "phrases." + id, "give at least one phrase");
                    }
                    phrases[id] = list;
                }
            }
            else
            {
                f.Error(phraseNode.Line, "phrases", "must be a mapping of check ids to lists of phrases");
            }
        }
        var rules = ImmutableArray.CreateBuilder<PlaybookRule>();
        foreach (var (key, kind) in new[] { ("do", RuleKind.Do), ("dont", RuleKind.Dont) })
        {
            if (root.Get(key) is not { } node)
            {
                continue;
            }
            if (node is not MapNode map)
            {
                f.Error(node.Line, key, "must be a mapping of check ids to guidance, e.g. 'ownership: Say what you will do.'");
                continue;
            }
            foreach (var (id, value) in map.Entries)
            {
                var field = key + "." + id;
                if (!BuiltInChecks.All.ContainsKey(id) && !phrases.ContainsKey(id))
                {
                    f.Error(value.Line, field, $"unknown check '{id}': use a built-in check ({string.Join(", ", BuiltInChecks.All.Keys)}) or define its phrases under 'phrases'");
                }
                if (value is not ScalarNode { Value.Length: > 0 } guidance)
                {
                    f.Error(value.Line, field, "must be the guidance text shown to agents");
                    continue;
                }
                rules.Add(new PlaybookRule(id, kind, guidance.Value, value.Line));
            }
        }
        if (rules.Count == 0)
        {
            f.Error(root.Line, "do", "a situation needs at least one 'do' or 'dont' rule");
        }
        var triggers = ReadTriggers(f, root.Get("when"));
        if (name is null || title is null || triggers is null)
        {
            return null;
        }
        return new SituationPlaybook(
            name,
            title,
            f.Text(root, "summary", required: false) ?? "",
            f.Text(root, "outcome", required: false) ?? "",
            f.Int(root, "priority", 0, 1000) ?? 0,
            triggers,
            rules.ToImmutable(),
            phrases.ToImmutable(),
            f.File,
            f.Bool(root, "action-needed", "") ?? true);
    }

    private static SituationTriggers? ReadTriggers(FieldReader f, DataNode? node)
    {
        if (node is null)
        {
            return new SituationTriggers([], [], [], [], false, false, null, []);
        }
        if (node is not MapNode when)
        {
            f.Error(node.Line, "when", "must be a mapping of triggers");
            return null;
        }
        f.OnlyKeys(when, "when.", WhenKeys);
        UrgencyLevel? urgency = null;
        if (when.Get("urgency") is { } u)
        {
            urgency = f.Enum<UrgencyLevel>(u, "when.urgency");
        }
        return new SituationTriggers(
            f.Enums<VulnerabilityCharacteristic>(when.Get("vulnerability"), "when.vulnerability"),
            f.Enums<Emotion>(when.Get("emotions"), "when.emotions"),
            f.Enums<Topic>(when.Get("topics"), "when.topics"),
            f.Enums<Topic>(when.Get("topics-if-negative"), "when.topics-if-negative"),
            f.Bool(when, "churn", "when.") ?? false,
            f.Bool(when, "repeat-contact", "when.") ?? false,
            urgency,
            when.Get("phrases") is { } p ? f.Phrases(p, "when.phrases") : []);
    }

    private static RegionalNorms? ReadRegion(FieldReader f, MapNode root)
    {
        f.OnlyKeys(root, "", RegionKeys);
        var code = f.Text(root, "region", required: true);
        if (code is not null && (code.Length != 2 || !code.All(char.IsAsciiLetterUpper)))
        {
            f.Error(root.Get("region")!.Line, "region", $"'{code}' is not a two-letter upper-case region code (ISO 3166-1, e.g. JP)");
        }
        var name = f.Text(root, "name", required: true);
        var weights = new double[] { 1, 1, 1, 1 };
        if (root.Get("weights") is { } wNode)
        {
            if (wNode is MapNode w)
            {
                f.OnlyKeys(w, "weights.", WeightKeys);
                for (var i = 0; i < WeightKeys.Length; i++)
                {
                    weights[i] = f.Double(w, WeightKeys[i], "weights.", 0, 2) ?? 1;
                }
            }
            else
            {
                f.Error(wNode.Line, "weights", "must be a mapping");
            }
        }
        int? maxApologies = null, maxWords = null;
        var formality = Formality.Neutral;
        bool specifics = false, warmth = false, senior = false, discretion = false;
        if (root.Get("expect") is { } eNode)
        {
            if (eNode is MapNode e)
            {
                f.OnlyKeys(e, "expect.", ExpectKeys);
                maxApologies = f.Int(e, "max-apologies", 0, 100, "expect.");
                maxWords = f.Int(e, "max-words", 10, 10000, "expect.");
                if (e.Get("formality") is { } fNode)
                {
                    formality = f.Enum<Formality>(fNode, "expect.formality") ?? Formality.Neutral;
                }
                specifics = f.Bool(e, "specifics", "expect.") ?? false;
                warmth = f.Bool(e, "warmth", "expect.") ?? false;
                senior = f.Bool(e, "senior-escalation", "expect.") ?? false;
                discretion = f.Bool(e, "discretion", "expect.") ?? false;
            }
            else
            {
                f.Error(eNode.Line, "expect", "must be a mapping");
            }
        }
        var notes = root.Get("notes") is { } n ? f.Texts(n, "notes") : [];
        if (code is null || name is null)
        {
            return null;
        }
        return new RegionalNorms(code, name, f.Text(root, "summary", required: false) ?? "", weights[0], weights[1], weights[2], weights[3],
            maxApologies, formality, maxWords, specifics, warmth, senior, discretion, notes, f.File);
    }

    private sealed class FieldReader(string file, List<PlaybookError> errors)
    {
        public string File => file;

        public void Error(int line, string field, string message) => errors.Add(new PlaybookError(file, line, field, message));

        public void OnlyKeys(MapNode map, string prefix, string[] allowed)
        {
            foreach (var (key, value) in map.Entries)
            {
                if (Array.IndexOf(allowed, key) < 0)
                {
                    Error(value.Line, prefix + key, $"unknown field; expected one of: {string.Join(", ", allowed)}");
                }
            }
        }

        public string? Text(MapNode map, string key, bool required)
        {
            var node = map.Get(key);
            if (node is ScalarNode { Value.Length: > 0 } s)
            {
                return s.Value;
            }
            if (node is not null)
            {
                Error(node.Line, key, "must be a text");
            }
            else if (required)
            {
                Error(0, key, "is required");
            }
            return null;
        }

        public string? Name(MapNode map, string key)
        {
            var name = Text(map, key, required: true);
            if (name is not null && !name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
            {
                Error(map.Get(key)!.Line, key, $"'{name}' must be kebab-case: lower-case letters, digits and '-'");
            }
            return name;
        }

        public int? Int(MapNode map, string key, int min, int max, string prefix = "")
        {
            if (map.Get(key) is not { } node)
            {
                return null;
            }
            if (node is ScalarNode s && int.TryParse(s.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max)
            {
                return v;
            }
            Error(node.Line, prefix + key, $"must be a whole number from {min} to {max}");
            return null;
        }

        public double? Double(MapNode map, string key, string prefix, double min, double max)
        {
            if (map.Get(key) is not { } node)
            {
                return null;
            }
            if (node is ScalarNode s && double.TryParse(s.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max)
            {
                return v;
            }
            Error(node.Line, prefix + key, $"must be a number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}");
            return null;
        }

        public bool? Bool(MapNode map, string key, string prefix)
        {
            if (map.Get(key) is not { } node)
            {
                return null;
            }
            if (node is ScalarNode { Value: "true" or "false" } s)
            {
                return s.Value == "true";
            }
            Error(node.Line, prefix + key, "must be true or false");
            return null;
        }

        public T? Enum<T>(DataNode node, string field)
            where T : struct, Enum
        {
            if (node is ScalarNode s && TryEnum<T>(s.Value, out var v))
            {
                return v;
            }
            Error(node.Line, field, $"'{(node as ScalarNode)?.Value}' is not one of: {string.Join(", ", System.Enum.GetNames<T>())}");
            return null;
        }

        public ImmutableArray<T> Enums<T>(DataNode? node, string field)
            where T : struct, Enum
        {
            if (node is null)
            {
                return [];
            }
            var result = ImmutableArray.CreateBuilder<T>();
            foreach (var item in CueLexicon.Items(node))
            {
                if (Enum<T>(item, field) is { } v)
                {
                    result.Add(v);
                }
            }
            return result.ToImmutable();
        }

        public ImmutableArray<string> Texts(DataNode node, string field)
        {
            var result = ImmutableArray.CreateBuilder<string>();
            if (node is MapNode)
            {
                Error(node.Line, field, "must be a list of texts");
                return [];
            }
            foreach (var item in CueLexicon.Items(node))
            {
                if (item is ScalarNode s)
                {
                    result.Add(s.Value);
                }
                else
                {
                    Error(item.Line, field, "must be a text");
                }
            }
            return result.ToImmutable();
        }

        public ImmutableArray<string> Phrases(DataNode node, string field)
        {
            var texts = Texts(node, field);
            if (node is MapNode)
            {
                return texts;
            }
            foreach (var item in CueLexicon.Items(node))
            {
                if (item is ScalarNode s && CueIndex.Compile(s.Value, out var error) is null)
                {
                    Error(s.Line, field, $"invalid phrase '{s.Value}': {error}");
                }
            }
            return texts;
        }

        private static bool TryEnum<T>(string text, out T value)
            where T : struct, Enum
        {
            var compact = text.Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal);
            return System.Enum.TryParse(compact, ignoreCase: true, out value) && System.Enum.IsDefined(value) && !char.IsDigit(compact[0]);
        }
    }
}
