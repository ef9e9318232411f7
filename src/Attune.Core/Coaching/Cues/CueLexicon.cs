using System.Collections.Immutable;
using System.Text;
using Attune.Core.Coaching.Playbooks;
using Attune.Core.Resources;

namespace Attune.Core.Coaching.Cues;

/// <summary>The coaching cue lexicon: phrases by <see cref="CueKind"/>, each with an id and, for flags, a suggested
/// rewrite. Read from <c>coaching/cues.yaml</c> (format: docs/playbooks.md).</summary>
internal sealed class CueLexicon
{
    private CueLexicon(CueIndex index) => Index = index;

    public CueIndex Index { get; }

    public static CueLexicon LoadEmbedded() => Parse("coaching/cues.yaml", EmbeddedResource.ReadText("coaching/cues.yaml"));

    public static string KindName(CueKind kind)
    {
        var name = kind.ToString();
        var sb = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                sb.Append('-');
            }
            sb.Append(char.ToLowerInvariant(name[i]));
        }
        return sb.ToString();
    }

    public static CueLexicon Parse(string file, string text)
    {
        var errors = new List<PlaybookError>();
        var root = DataParser.Parse(file, text, errors);
        var kinds = new Dictionary<string, CueKind>(StringComparer.Ordinal);
        foreach (var kind in Enum.GetValues<CueKind>())
        {
            kinds[KindName(kind)] = kind;
        }
        var rewrites = new Dictionary<string, string>(StringComparer.Ordinal);
        if (root.Get("rewrites") is { } rw)
        {
            if (rw is MapNode rwMap)
            {
                foreach (var (key, value) in rwMap.Entries)
                {
                    if (value is ScalarNode s)
                    {
                        rewrites[key] = s.Value;
                    }
                    else
                    {
                        errors.Add(new PlaybookError(file, value.Line, "rewrites." + key, "must be a text"));
                    }
                }
            }
            else
            {
                errors.Add(new PlaybookError(file, rw.Line, "rewrites", "must be a mapping of 'kind.id' to a suggested rewrite"));
            }
        }

        var entries = new List<CueIndex.Entry>();
        foreach (var (category, node) in root.Entries)
        {
            if (category == "rewrites")
            {
                continue;
            }
            if (!kinds.TryGetValue(category, out var kind))
            {
                errors.Add(new PlaybookError(file, node.Line, category, $"unknown cue category; expected one of: {string.Join(", ", kinds.Keys)}"));
                continue;
            }
            if (node is not MapNode ids)
            {
                errors.Add(new PlaybookError(file, node.Line, category, "must be a mapping of cue ids to lists of phrases"));
                continue;
            }
            foreach (var (id, phrases) in ids.Entries)
            {
                var field = category + "." + id;
                rewrites.TryGetValue(field, out var rewrite);
                foreach (var item in Items(phrases))
                {
                    if (item is not ScalarNode s)
                    {
                        errors.Add(new PlaybookError(file, item.Line, field, "a phrase must be a text"));
                        continue;
                    }
                    var phrase = CueIndex.Compile(s.Value, out var error);
                    if (phrase is null)
                    {
                        errors.Add(new PlaybookError(file, s.Line, field, $"invalid phrase '{s.Value}': {error}"));
                        continue;
                    }
                    entries.Add(new CueIndex.Entry(phrase, kind, id, rewrite ?? ""));
                }
            }
        }
        if (errors.Count > 0)
        {
            throw new PlaybookFormatException(errors);
        }
        return new CueLexicon(new CueIndex(entries));
    }

    internal static ImmutableArray<DataNode> Items(DataNode node) => node switch
    {
        ListNode list => list.Items,
        ScalarNode { Value.Length: > 0 } scalar => [scalar],
        _ => [],
    };
}
