namespace Attune.Core.Text.Patterns;

/// <summary>One match of a <see cref="PhraseMatcher"/> entry: the entry's index and the first and last token (inclusive).</summary>
internal readonly record struct PhraseMatch(int Entry, int First, int Last);

/// <summary>Finds many phrase patterns in a document in one pass. Entries are indexed by the words they can start with
/// (exact words, and the first three letters of prefix words), so each token costs one or two dictionary lookups plus
/// a run of the few candidate patterns. Immutable and thread-safe.</summary>
internal sealed class PhraseMatcher
{
    private const int PrefixKey = 3;

    private readonly string[] _ids;
    private readonly PhrasePattern[] _patterns;
    private readonly Dictionary<string, int[]>.AlternateLookup<ReadOnlySpan<char>> _byWord;
    private readonly Dictionary<string, int[]>.AlternateLookup<ReadOnlySpan<char>> _byPrefix;
    private readonly bool _hasPrefix;
    private readonly int[] _everywhere;

    /// <summary>Builds a matcher; the entry index of a match is the position of its entry in <paramref name="entries"/>.</summary>
    public PhraseMatcher(IEnumerable<(string Id, PhrasePattern Pattern)> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var ids = new List<string>();
        var patterns = new List<PhrasePattern>();
        var byWord = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var byPrefix = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var everywhere = new List<int>();
        foreach (var (id, pattern) in entries)
        {
            var index = ids.Count;
            ids.Add(id);
            patterns.Add(pattern);
            Index(index, pattern, byWord, byPrefix, everywhere);
        }
        _ids = [.. ids];
        _patterns = [.. patterns];
        _byWord = Freeze(byWord).GetAlternateLookup<ReadOnlySpan<char>>();
        _byPrefix = Freeze(byPrefix).GetAlternateLookup<ReadOnlySpan<char>>();
        _hasPrefix = byPrefix.Count > 0;
        _everywhere = [.. everywhere];
    }

    /// <summary>How many entries.</summary>
    public int Count => _ids.Length;

    /// <summary>The id of entry <paramref name="entry"/>.</summary>
    public string Id(int entry) => _ids[entry];

    /// <summary>The pattern of entry <paramref name="entry"/>.</summary>
    public PhrasePattern Pattern(int entry) => _patterns[entry];

    /// <summary>All matches, ordered by first token. Matches of one entry never overlap (the leftmost wins); matches of
    /// different entries may. No match crosses a sentence boundary.</summary>
    public List<PhraseMatch> Match(Document document)
    {
        var result = new List<PhraseMatch>();
        Match(document, result);
        return result;
    }

    /// <summary>Adds all matches to <paramref name="into"/> (see <see cref="Match(Document)"/>).</summary>
    public void Match(Document document, List<PhraseMatch> into)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(into);
        var from = into.Count;
        var tokens = document.Tokens;
        for (var t = 0; t < tokens.Length; t++)
        {
            var norm = document.Norm(t);
            if (_byWord.TryGetValue(norm, out var candidates))
            {
                Try(document, t, candidates, into, from);
            }
            if (_hasPrefix && norm.Length >= PrefixKey && _byPrefix.TryGetValue(norm[..PrefixKey], out candidates))
            {
                Try(document, t, candidates, into, from);
            }
            if (_everywhere.Length > 0)
            {
                Try(document, t, _everywhere, into, from);
            }
        }
    }

    private void Try(Document document, int start, int[] candidates, List<PhraseMatch> into, int from)
    {
        foreach (var entry in candidates)
        {
            if (Overlaps(into, from, entry, start))
            {
                continue;
            }
            var last = _patterns[entry].MatchAt(document, start);
            if (last >= 0)
            {
                into.Add(new PhraseMatch(entry, start, last));
            }
        }
    }

    private static bool Overlaps(List<PhraseMatch> into, int from, int entry, int start)
    {
        for (var i = into.Count - 1; i >= from; i--)
        {
            var m = into[i];
            if (m.Entry == entry && m.Last >= start)
            {
                return true;
            }
        }
        return false;
    }

    // Each entry goes into exactly one kind of index so that a token never runs the same entry twice.
    private static void Index(int index, PhrasePattern pattern, Dictionary<string, List<int>> byWord, Dictionary<string, List<int>> byPrefix, List<int> everywhere)
    {
        var firsts = pattern.FirstSteps();
        var anyPrefix = false;
        foreach (var step in firsts)
        {
            if (step.Op == PhraseOp.Class || (step.Op == PhraseOp.Prefix && step.Text!.Length < PrefixKey))
            {
                everywhere.Add(index);
                return;
            }
            anyPrefix |= step.Op == PhraseOp.Prefix;
        }
        if (anyPrefix && firsts.Exists(s => s.Op == PhraseOp.Word && s.Text!.Length < PrefixKey))
        {
            everywhere.Add(index);
            return;
        }
        foreach (var step in firsts)
        {
            var (target, key) = anyPrefix ? (byPrefix, step.Text![..PrefixKey]) : (byWord, step.Text!);
            if (!target.TryGetValue(key, out var list))
            {
                target[key] = list = [];
            }
            if (list.Count == 0 || list[^1] != index)
            {
                list.Add(index);
            }
        }
    }

    private static Dictionary<string, int[]> Freeze(Dictionary<string, List<int>> lists)
    {
        var d = new Dictionary<string, int[]>(lists.Count, StringComparer.Ordinal);
        foreach (var (key, list) in lists)
        {
            d[key] = [.. list];
        }
        return d;
    }
}
