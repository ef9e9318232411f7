using Attune.Core.Listening.Emotions;
using Attune.Core.Listening.Sentiment;
using Attune.Core.Listening.Signals;

namespace Attune.Core.Listening;

/// <summary>The lexicons, rules and model the listening engine reads with.</summary>
internal sealed record ListeningResources(SentimentLexicon Sentiment, EmotionModelData Emotions, SignalRules Signals)
{
    public static ListeningResources LoadEmbedded() =>
        new(SentimentLexicon.LoadEmbedded(), EmotionModelData.LoadEmbedded(), SignalRules.LoadEmbedded());
}
