using System.Collections.Immutable;
using Attune.Core.Text;

namespace Attune.Core.Listening.Emotions;

internal sealed class EmotionModelData
{
    public static EmotionModelData LoadEmbedded() => new();
}

internal sealed class EmotionModel(EmotionModelData data)
{
    private readonly EmotionModelData _data = data;

    public ImmutableArray<EmotionScore> Score(Document document, SentimentReading sentiment)
    {
        _ = _data;
        _ = document;
        _ = sentiment;
        return [.. Enum.GetValues<Emotion>().Select(e => new EmotionScore(e, 0, []))];
    }
}
