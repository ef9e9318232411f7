using Attune.Core.Text;

namespace Attune.Core.Listening;

/// <summary>Why a signal fired: the words in the message and the cue (lexicon entry or rule) that matched them.</summary>
/// <param name="Span">Where the words are in the original text given to <see cref="Listener.Read(string)"/>.</param>
/// <param name="Text">The words as they appear in the message.</param>
/// <param name="Cue">The id of the lexicon entry or rule that fired, e.g. <c>bereavement.passed-away</c>.</param>
/// <param name="Weight">The cue's contribution to the signal; its sign and scale are the signal's own
/// (valence points for sentiment, log-odds for emotions, confidence for vulnerability).</param>
public sealed record Evidence(TextSpan Span, string Text, string Cue, double Weight);
