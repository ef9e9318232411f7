using Attune.Core.Coaching.Cues;
using Attune.Core.Text;

namespace Attune.Core.Coaching;

/// <summary>Counts and positions in a reply that several checks use, gathered in one pass over its tokens.</summary>
internal readonly struct ReplyFacts
{
    private readonly bool[] _actionVerb;
    private readonly bool[] _followUp;

    private ReplyFacts(bool[] actionVerb, bool[] followUp)
    {
        _actionVerb = actionVerb;
        _followUp = followUp;
    }

    public int Words { get; private init; }

    public int Numbers { get; private init; }

    public int Paragraphs { get; private init; }

    public int Exclamations { get; private init; }

    public int FirstExclamation { get; private init; }

    public int FirstStep { get; private init; }

    public int FirstSentence { get; private init; }

    public int LongestSentence { get; private init; }

    public int LongestSentenceFirst { get; private init; }

    public int LongestSentenceLast { get; private init; }

    /// <summary>True when the token is an action verb that is not part of a follow-up promise ("I'll update you").</summary>
    public bool IsActionVerb(int token) => _actionVerb[token] && !_followUp[token];

    public static ReplyFacts Of(Document doc, List<CueMatch> matches)
    {
        var tokens = doc.Tokens;
        var verbs = new bool[tokens.Length];
        var followUp = new bool[tokens.Length];
        foreach (var m in matches)
        {
            var mark = m.Kind switch { CueKind.ActionVerb => verbs, CueKind.FollowUp => followUp, _ => null };
            if (mark is not null)
            {
                for (var i = m.First; i <= m.Last; i++)
                {
                    mark[i] = true;
                }
            }
        }
        int words = 0, numbers = 0, exclamations = 0, firstExclamation = -1, firstStep = -1;
        int longest = 0, longestFirst = 0, longestLast = 0, run = 0, runFirst = 0;
        for (var i = 0; i < tokens.Length; i++)
        {
            var t = tokens[i];
            if (i > 0 && tokens[i - 1].Sentence != t.Sentence)
            {
                run = 0;
                runFirst = i;
            }
            if (t.Kind is TokenKind.Word or TokenKind.Number)
            {
                words++;
                run++;
                if (run > longest)
                {
                    longest = run;
                    longestFirst = runFirst;
                    longestLast = i;
                }
            }
            if (t.Kind == TokenKind.Number)
            {
                numbers++;
                var lineStart = i == 0 || tokens[i - 1].Sentence != t.Sentence;
                if (firstStep < 0 && lineStart && i + 1 < tokens.Length && doc.Norm(i + 1) is "." or ")")
                {
                    firstStep = i;
                }
            }
            else if (t.Kind == TokenKind.Punctuation && doc.Norm(i) is "!")
            {
                exclamations++;
                if (firstExclamation < 0)
                {
                    firstExclamation = i;
                }
            }
        }
        return new ReplyFacts(verbs, followUp)
        {
            Words = words,
            Numbers = numbers,
            Paragraphs = CountParagraphs(doc.Text),
            Exclamations = exclamations,
            FirstExclamation = firstExclamation,
            FirstStep = firstStep,
            FirstSentence = tokens.Length == 0 ? 0 : tokens[0].Sentence,
            LongestSentence = longest,
            LongestSentenceFirst = longestFirst,
            LongestSentenceLast = longestLast,
        };
    }

    public static int SentenceAt(Document doc, int originalStart)
    {
        foreach (var t in doc.Tokens)
        {
            if (doc.ToOriginal(t.Start, t.Length).Start >= originalStart)
            {
                return t.Sentence;
            }
        }
        return int.MaxValue;
    }

    public static int SharedWords(Document doc, CustomerSide customer)
    {
        var n = 0;
        var tokens = doc.Tokens;
        for (var i = 0; i < tokens.Length; i++)
        {
            var norm = doc.Norm(i);
            if (tokens[i].IsWord && CustomerSide.IsContentWord(norm) && customer.ContentLookup.Contains(norm))
            {
                n++;
            }
        }
        return n;
    }

    private static int CountParagraphs(string text)
    {
        var paragraphs = 1;
        var newlines = 0;
        foreach (var c in text)
        {
            if (c == '\n')
            {
                newlines++;
                if (newlines == 2)
                {
                    paragraphs++;
                }
            }
            else if (c is not ('\r' or ' ' or '\t'))
            {
                newlines = 0;
            }
        }
        return paragraphs;
    }
}
