using System.Collections.Immutable;
using Attune.Core.Text;

namespace Attune.Core.Coaching.Cues;

/// <summary>Finds many phrases in one pass over a document: phrases are indexed by the normal forms of their first word,
/// so each token costs one dictionary lookup.</summary>
internal sealed class CueIndex
{
    internal readonly record struct Entry(CuePhrase Phrase, CueKind Kind, string Id, string Rewrite);

    private const string NumberKey = "<num>";

    private readonly Dictionary<string, Entry[]> _byFirst;
    private readonly Entry[]? _numbers;
    private readonly Dictionary<string, Entry[]>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public CueIndex(IEnumerable<Entry> entries)
    {
        var lists = new Dictionary<string, List<Entry>>(StringComparer.Ordinal);
        var count = 0;
        foreach (var entry in entries)
        {
            count++;
            var head = entry.Phrase.Elements[0];
            foreach (var first in head.Kind == PhraseElementKind.Number ? [NumberKey] : head.Alternatives.AsSpan())
            {
                if (!lists.TryGetValue(first, out var list))
                {
                    lists[first] = list = [];
                }
                list.Add(entry);
            }
        }
        Count = count;
        _byFirst = new Dictionary<string, Entry[]>(StringComparer.Ordinal);
        foreach (var (key, list) in lists)
        {
            _byFirst[key] = [.. list];
        }
        _lookup = _byFirst.GetAlternateLookup<ReadOnlySpan<char>>();
        _numbers = _byFirst.GetValueOrDefault(NumberKey);
    }

    public int Count { get; }

    /// <summary>Adds every match in <paramref name="document"/> to <paramref name="matches"/>, in token order. A phrase
    /// is reported once per start token (its longest-first alternative as written).</summary>
    public void FindAll(Document document, List<CueMatch> matches)
    {
        var tokens = document.Tokens;
        for (var i = 0; i < tokens.Length; i++)
        {
            if (_lookup.TryGetValue(document.Norm(i), out var candidates))
            {
                Try(document, i, candidates, matches);
            }
            if (_numbers is not null && tokens[i].Kind == TokenKind.Number)
            {
                Try(document, i, _numbers, matches);
            }
        }
    }

    private static void Try(Document document, int i, Entry[] candidates, List<CueMatch> matches)
    {
        foreach (var c in candidates)
        {
            var last = c.Phrase.MatchAt(document, i);
            if (last >= 0)
            {
                matches.Add(new CueMatch(c.Kind, c.Id, i, last, c.Rewrite));
            }
        }
    }

    public static ImmutableArray<CueMatch> FindAll(CueIndex index, Document document)
    {
        var list = new List<CueMatch>();
        index.FindAll(document, list);
        return [.. list];
    }
}
