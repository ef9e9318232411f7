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
    private readonly Dictionary<string, Candidate[]>.AlternateLookup<ReadOnlySpan<char>> _byWord;
    private readonly Dictionary<string, Candidate[]>.AlternateLookup<ReadOnlySpan<char>> _byPrefix;
    private readonly bool _hasPrefix;
    private readonly Candidate[] _everywhere;

    /// <summary>Builds a matcher; the entry index of a match is the position of its entry in <paramref name="entries"/>.</summary>
    public PhraseMatcher(IEnumerable<(string Id, PhrasePattern Pattern)> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var ids = new List<string>();
        var patterns = new List<PhrasePattern>();
        var byWord = new Dictionary<string, List<Candidate>>(StringComparer.Ordinal);
        var byPrefix = new Dictionary<string, List<Candidate>>(StringComparer.Ordinal);
        var everywhere = new List<Candidate>();
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

    private void Try(Document document, int start, Candidate[] candidates, List<PhraseMatch> into, int from)
    {
        var sentence = document.Tokens[start].Sentence;
        foreach (var c in candidates)
        {
            if (Overlaps(into, from, c.Entry, start))
            {
                continue;
            }
            // A word-index hit has already consumed the first token: continue after it.
            var last = c.Consumed
                ? _patterns[c.Entry].MatchFrom(document, c.Pc + 1, start + 1, sentence)
                : _patterns[c.Entry].MatchFrom(document, c.Pc, start, sentence);
            if (last >= 0)
            {
                into.Add(new PhraseMatch(c.Entry, start, last));
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

    // Words index exactly (their first token is then already matched); prefixes by their first three letters; classes
    // and shorter prefixes are tried at every token.
    private static void Index(int index, PhrasePattern pattern, Dictionary<string, List<Candidate>> byWord, Dictionary<string, List<Candidate>> byPrefix, List<Candidate> everywhere)
    {
        foreach (var (pc, step) in pattern.FirstSteps())
        {
            switch (step.Op)
            {
                case PhraseOp.Word:
                    Add(byWord, step.Text!, new Candidate(index, pc, true));
                    break;
                case PhraseOp.WordSet:
                    foreach (var word in step.Set!.Words)
                    {
                        Add(byWord, word, new Candidate(index, pc, true));
                    }
                    break;
                case PhraseOp.Prefix when step.Text!.Length >= PrefixKey:
                    Add(byPrefix, step.Text[..PrefixKey], new Candidate(index, pc, false));
                    break;
                default:
                    everywhere.Add(new Candidate(index, pc, false));
                    break;
            }
        }
    }

    private static void Add(Dictionary<string, List<Candidate>> index, string key, Candidate candidate)
    {
        if (!index.TryGetValue(key, out var list))
        {
            index[key] = list = [];
        }
        if (!list.Contains(candidate))
        {
            list.Add(candidate);
        }
    }

    private static Dictionary<string, Candidate[]> Freeze(Dictionary<string, List<Candidate>> lists)
    {
        var d = new Dictionary<string, Candidate[]>(lists.Count, StringComparer.Ordinal);
        foreach (var (key, list) in lists)
        {
            d[key] = [.. list];
        }
        return d;
    }

    /// <summary>An entry to try at a token, from instruction <see cref="Pc"/>; <see cref="Consumed"/> when the index
    /// lookup itself matched that instruction.</summary>
    private readonly record struct Candidate(int Entry, int Pc, bool Consumed);
}
