using Attune.Core.Text;
using Attune.Core.Text.Patterns;

namespace Attune.Core.Coaching.Cues;

/// <summary>Finds the coaching cues in a document in one pass, over the shared <see cref="PhraseMatcher"/>, and keeps
/// each pattern's coaching metadata (kind, id, suggested rewrite).</summary>
internal sealed class CueIndex
{
    internal readonly record struct Entry(PhrasePattern Pattern, CueKind Kind, string Id, string Rewrite);

    private readonly Entry[] _entries;
    private readonly PhraseMatcher _matcher;

    public CueIndex(IEnumerable<Entry> entries)
    {
        _entries = [.. entries];
        _matcher = new PhraseMatcher(_entries.Select(e => (e.Id, e.Pattern)));
    }

    public int Count => _entries.Length;

    /// <summary>Adds every match in <paramref name="document"/> to <paramref name="matches"/>, in token order.</summary>
    public void FindAll(Document document, List<CueMatch> matches)
    {
        if (_entries.Length == 0)
        {
            return;
        }
        var found = _matcher.Match(document);
        foreach (var m in found)
        {
            var e = _entries[m.Entry];
            matches.Add(new CueMatch(e.Kind, e.Id, m.First, m.Last, e.Rewrite));
        }
    }

    /// <summary>Compiles a pattern; null with <paramref name="error"/> set when it is invalid.</summary>
    public static PhrasePattern? Compile(string text, out string? error) =>
        PhrasePattern.TryParse(text, out var pattern, out error) ? pattern : null;
}
