using Attune.Core.Text;

namespace Attune.Core.Listening.Emotions;

/// <summary>Turns a document's tokens into hashed features; shared by training and reading so they always agree.</summary>
internal static class EmotionFeatures
{
    private static readonly uint UnigramKind = FeatureHash.Of("u");
    private static readonly uint NegatedKind = FeatureHash.Of("n");
    private static readonly uint BigramKind = FeatureHash.Of("b");
    private static readonly uint PrefixKind = FeatureHash.Of("p");
    private static readonly uint ShapeKind = FeatureHash.Of("s");
    private static readonly uint SentenceStart = FeatureHash.Of("<s>");
    private static readonly uint NumberUnit = FeatureHash.Of("<num>");
    private static readonly uint UrlUnit = FeatureHash.Of("<url>");
    private static readonly uint MentionUnit = FeatureHash.Of("<user>");
    private static readonly uint CapsFeature = FeatureHash.Combine(ShapeKind, FeatureHash.Of("caps"));
    private static readonly uint ElongatedFeature = FeatureHash.Combine(ShapeKind, FeatureHash.Of("elongated"));

    private static readonly HashSet<string> Negators = new(StringComparer.Ordinal)
    {
        "not", "no", "never", "cannot", "without", "nothing", "nobody", "none", "nor", "neither", "hardly", "dont",
        "cant", "wont", "didnt", "doesnt", "isnt", "wasnt", "arent", "aint", "couldnt", "wouldnt", "shouldnt", "havent",
        "hasnt", "nope",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> NegatorLookup =
        Negators.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The most features <see cref="Extract"/> writes for a document of <paramref name="tokens"/> tokens.</summary>
    public static int MaxFeatures(int tokens) => (tokens * 5) + 1;

    /// <summary>Writes the features of <paramref name="document"/> into <paramref name="into"/> (at least
    /// <see cref="MaxFeatures"/> long) and returns how many were written.</summary>
    public static int Extract(Document document, EmotionFeatureScheme scheme, Span<FeatureHit> into)
    {
        var tokens = document.Tokens;
        var n = 0;
        var previous = SentenceStart;
        var sentence = -1;
        var negated = 0;
        for (var i = 0; i < tokens.Length; i++)
        {
            ref readonly var token = ref tokens[i];
            var norm = document.Norm(in token);
            if (token.Sentence != sentence)
            {
                sentence = token.Sentence;
                previous = SentenceStart;
                negated = 0;
            }

            var unit = token.Kind switch
            {
                TokenKind.Number => NumberUnit,
                TokenKind.Url => UrlUnit,
                TokenKind.Mention => MentionUnit,
                _ => FeatureHash.Of(norm),
            };

            var isWord = token.Kind == TokenKind.Word;
            into[n++] = new FeatureHit(FeatureHash.Combine(isWord && negated > 0 ? NegatedKind : UnigramKind, unit), i, i);
            if (scheme.Bigrams)
            {
                into[n++] = new FeatureHit(FeatureHash.Combine(FeatureHash.Combine(BigramKind, previous), unit), previous == SentenceStart ? i : i - 1, i);
            }
            if (isWord)
            {
                if (scheme.Prefix > 0 && norm.Length > scheme.Prefix)
                {
                    into[n++] = new FeatureHit(FeatureHash.Combine(PrefixKind, FeatureHash.Of(norm[..scheme.Prefix])), i, i);
                }
                if (scheme.Shape && token.Has(TokenFlags.AllCaps))
                {
                    into[n++] = new FeatureHit(CapsFeature, i, i);
                }
                if (scheme.Shape && token.Has(TokenFlags.Elongated))
                {
                    into[n++] = new FeatureHit(ElongatedFeature, i, i);
                }
                negated = negated > 0 ? negated - 1 : 0;
                if (scheme.NegationScope > 0 && IsNegator(norm))
                {
                    negated = scheme.NegationScope;
                }
            }
            else if (token.Kind == TokenKind.Punctuation)
            {
                negated = 0;
            }
            previous = unit;
        }
        return n;
    }

    private static bool IsNegator(ReadOnlySpan<char> norm) =>
        norm.EndsWith("n't", StringComparison.Ordinal) || NegatorLookup.Contains(norm);
}
