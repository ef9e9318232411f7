using Attune.Core.Text;

namespace Attune.Core.Listening.Sentiment;

internal sealed class SentimentLexicon
{
    public static SentimentLexicon LoadEmbedded() => new();
}

internal sealed class SentimentAnalyzer(SentimentLexicon lexicon)
{
    private readonly SentimentLexicon _lexicon = lexicon;

    public SentimentReading Analyze(Document document)
    {
        _ = _lexicon;
        _ = document;
        return new SentimentReading(0, 0, 0, 1, SentimentLabel.Neutral, []);
    }
}
