using System.Collections.Immutable;
using Attune.Core.Text;

namespace Attune.Core.Coaching.Cues;

/// <summary>One element of a phrase: a token that is one of several normal forms, any word, any number, or a gap.</summary>
internal readonly record struct PhraseElement(ImmutableArray<string> Alternatives, PhraseElementKind Kind, bool Optional);

internal enum PhraseElementKind : byte
{
    Literal,
    AnyWord,
    Number,
    Gap,
}

/// <summary>A phrase written in the cue syntax, matched against the tokens of a <see cref="Document"/>:
/// words are token normal forms (lower case, straight apostrophes); <c>a|b</c> is one token that is either;
/// <c>*</c> any one word; <c>&lt;num&gt;</c> any number; <c>...</c> a gap of up to three tokens within the sentence;
/// a trailing <c>?</c> on a word makes it optional. The first element must be a word (it is the index key).</summary>
internal sealed class CuePhrase
{
    private const int MaxGap = 3;

    private CuePhrase(string text, ImmutableArray<PhraseElement> elements)
    {
        Text = text;
        Elements = elements;
    }

    public string Text { get; }

    public ImmutableArray<PhraseElement> Elements { get; }

    /// <summary>Compiles a phrase; returns null and sets <paramref name="error"/> when it is not valid.</summary>
    public static CuePhrase? TryParse(string text, out string? error)
    {
        var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var elements = ImmutableArray.CreateBuilder<PhraseElement>(parts.Length);
        foreach (var raw in parts)
        {
            var part = raw.Replace('\u2019', '\'').ToLowerInvariant();
            if (part == "...")
            {
                elements.Add(new PhraseElement([], PhraseElementKind.Gap, true));
                continue;
            }
            var optional = part.Length > 1 && part[^1] == '?';
            if (optional)
            {
                part = part[..^1];
            }
            if (part == "*")
            {
                elements.Add(new PhraseElement([], PhraseElementKind.AnyWord, optional));
            }
            else if (part == "<num>")
            {
                elements.Add(new PhraseElement([], PhraseElementKind.Number, optional));
            }
            else
            {
                var alternatives = part.Split('|');
                if (Array.Exists(alternatives, a => a.Length == 0))
                {
                    error = $"empty alternative in '{raw}'";
                    return null;
                }
                elements.Add(new PhraseElement([.. alternatives], PhraseElementKind.Literal, optional));
            }
        }
        if (elements.Count == 0)
        {
            error = "empty phrase";
            return null;
        }
        if (elements[0].Kind is not (PhraseElementKind.Literal or PhraseElementKind.Number) || elements[0].Optional)
        {
            error = $"a phrase must start with a word or <num> that is always there, not '{parts[0]}'";
            return null;
        }
        if (elements[^1].Kind == PhraseElementKind.Gap)
        {
            error = "a phrase cannot end with '...'";
            return null;
        }
        error = null;
        return new CuePhrase(text, elements.ToImmutable());
    }

    /// <summary>Tries to match at token <paramref name="start"/> (whose norm already equals one of the first alternatives);
    /// returns the index of the last token matched, or -1.</summary>
    public int MatchAt(Document document, int start) => Match(document, 1, start + 1, start, document.Tokens[start].Sentence);

    private int Match(Document document, int element, int token, int last, int sentence)
    {
        if (element == Elements.Length)
        {
            return last;
        }
        var e = Elements[element];
        var tokens = document.Tokens;
        if (e.Kind == PhraseElementKind.Gap)
        {
            for (var skip = 0; skip <= MaxGap; skip++)
            {
                var t = token + skip;
                if (t > tokens.Length || (skip > 0 && tokens[t - 1].Sentence != sentence))
                {
                    break;
                }
                var end = Match(document, element + 1, t, last, sentence);
                if (end >= 0)
                {
                    return end;
                }
            }
            return -1;
        }
        if (token < tokens.Length && tokens[token].Sentence == sentence && Accepts(document, e, token))
        {
            var end = Match(document, element + 1, token + 1, token, sentence);
            if (end >= 0)
            {
                return end;
            }
        }
        return e.Optional ? Match(document, element + 1, token, last, sentence) : -1;
    }

    private static bool Accepts(Document document, in PhraseElement e, int token)
    {
        var t = document.Tokens[token];
        switch (e.Kind)
        {
            case PhraseElementKind.AnyWord:
                return t.Kind == TokenKind.Word;
            case PhraseElementKind.Number:
                return t.Kind == TokenKind.Number;
            default:
                var norm = document.Norm(token);
                foreach (var a in e.Alternatives)
                {
                    if (norm.SequenceEqual(a))
                    {
                        return true;
                    }
                }
                return false;
        }
    }
}
