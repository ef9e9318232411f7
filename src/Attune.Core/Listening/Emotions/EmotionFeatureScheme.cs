using System.Globalization;

namespace Attune.Core.Listening.Emotions;

/// <summary>Which features the emotion model reads; written in the model file so training and reading agree.</summary>
/// <param name="Bigrams">Pairs of adjacent tokens within a sentence (with sentence start).</param>
/// <param name="NegationScope">Words after a negator ("not", "never", "don't"…) read as negated, for this many words
/// or up to punctuation; 0 turns negation marking off.</param>
/// <param name="Prefix">Words of at least <c>Prefix + 1</c> letters also give their first <c>Prefix</c> letters
/// (a cheap stem: "disappointed", "disappointing"); 0 turns it off.</param>
/// <param name="Shape">Shouted (ALL CAPS) and elongated ("sooo") words give a shape feature.</param>
internal sealed record EmotionFeatureScheme(bool Bigrams, int NegationScope, int Prefix, bool Shape)
{
    public static EmotionFeatureScheme Default { get; } = new(true, 3, 5, true);

    /// <summary>The scheme as written on the model file's <c>features</c> line.</summary>
    public string Describe() => string.Create(
        CultureInfo.InvariantCulture,
        $"unigram bigram={(Bigrams ? 1 : 0)} negation={NegationScope} prefix={Prefix} shape={(Shape ? 1 : 0)}");
}
