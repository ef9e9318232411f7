using System.Collections.Immutable;

namespace Attune.Core.Listening;

/// <summary>Everything the listening engine reads in one customer message. Every signal carries its evidence.</summary>
/// <param name="Language">The language the message is written in and whether Attune reads it.</param>
/// <param name="Sentiment">Overall feeling, from -1 (most negative) to +1 (most positive).</param>
/// <param name="Emotions">One score per <see cref="Emotion"/>, in the order of the enum.</param>
/// <param name="Vulnerability">Zero or more cues of vulnerability by the FCA's four drivers.</param>
/// <param name="Urgency">How soon the customer needs help, and why.</param>
/// <param name="Effort">How hard the customer has had to work to be helped (repeat contact, channel hopping).</param>
/// <param name="Churn">Whether the customer says they will leave.</param>
/// <param name="Topic">What the message is about.</param>
/// <param name="Text">How the text was prepared: HTML, quoted replies and signatures that were set aside.</param>
public sealed record Reading(
    LanguageReading Language,
    SentimentReading Sentiment,
    ImmutableArray<EmotionScore> Emotions,
    ImmutableArray<VulnerabilityCue> Vulnerability,
    UrgencyReading Urgency,
    EffortReading Effort,
    ChurnReading Churn,
    TopicReading Topic,
    TextInfo Text)
{
    /// <summary>The score of one emotion.</summary>
    public EmotionScore this[Emotion emotion] => Emotions[(int)emotion];

    /// <summary>True when at least one vulnerability cue was found.</summary>
    public bool IsVulnerable => !Vulnerability.IsDefaultOrEmpty;

    /// <summary>The strongest emotion that is present (score ≥ 0.5), or <see cref="Emotion.Neutral"/>.</summary>
    public Emotion Dominant
    {
        get
        {
            var best = Emotion.Neutral;
            var bestScore = 0.0;
            foreach (var e in Emotions)
            {
                if (e.Emotion != Emotion.Neutral && e.IsPresent && e.Score > bestScore)
                {
                    best = e.Emotion;
                    bestScore = e.Score;
                }
            }
            return best;
        }
    }
}

/// <summary>How the message text was prepared before reading.</summary>
/// <param name="Length">Characters in the original text.</param>
/// <param name="ReadLength">Characters actually read after setting aside markup, quoted replies and signatures.</param>
/// <param name="WasHtml">True when the text was an HTML body and its markup was removed.</param>
/// <param name="QuotedReplyRemoved">True when a quoted earlier message ("On Mon … wrote:", "&gt; …") was set aside.</param>
/// <param name="SignatureRemoved">True when a signature block was set aside.</param>
/// <param name="Truncated">True when the text was longer than the engine reads (the first 20,000 characters, cut back to a
/// whitespace: <c>TextPreparer.MaxReadLength</c>) and its tail was not read; false when a quoted reply or signature
/// delimiter ended the text before that bound.</param>
public sealed record TextInfo(int Length, int ReadLength, bool WasHtml, bool QuotedReplyRemoved, bool SignatureRemoved, bool Truncated);
