using System.Collections.Immutable;
using Attune.Core.Listening.Emotions;
using Attune.Core.Listening.Sentiment;
using Attune.Core.Listening.Signals;
using Attune.Core.Text;

namespace Attune.Core.Listening;

/// <summary>The listening engine: reads one customer message for how the person feels and what they need.
/// Deterministic and thread-safe; build one (or use <see cref="Default"/>) and share it.</summary>
public sealed class Listener
{
    private static readonly Lazy<Listener> Shared = new(() => new Listener(ListeningResources.LoadEmbedded()));

    private readonly SentimentAnalyzer _sentiment;
    private readonly EmotionModel _emotions;
    private readonly SignalDetector _signals;

    /// <summary>Creates a listener over the given resources.</summary>
    internal Listener(ListeningResources resources)
    {
        _sentiment = new SentimentAnalyzer(resources.Sentiment);
        _emotions = new EmotionModel(resources.Emotions);
        _signals = new SignalDetector(resources.Signals);
    }

    /// <summary>The emotion model, for the GoEmotions evaluation of its sentiment-group heads.</summary>
    internal EmotionModel Emotions => _emotions;

    /// <summary>The listener over Attune's own embedded lexicons, rules and model.</summary>
    public static Listener Default => Shared.Value;

    /// <summary>Reads one message. Never throws for any string; <c>null</c> is read as empty.</summary>
    /// <param name="text">The message: plain text or an HTML e-mail body, possibly with quoted replies and a signature.</param>
    public Reading Read(string? text)
    {
        var document = TextPreparer.Prepare(text ?? string.Empty);
        var language = LanguageDetector.Detect(document);
        if (!language.IsSupported)
        {
            return Unread(language, document.Info);
        }

        var emotions = _emotions.Score(document, out var tilt);
        var sentiment = _sentiment.Analyze(document, tilt);
        var signals = _signals.Detect(document);
        return new Reading(language, sentiment, emotions, signals.Vulnerability, signals.Urgency, signals.Effort, signals.Churn, signals.Topic, document.Info);
    }

    private static Reading Unread(LanguageReading language, TextInfo info)
    {
        ImmutableArray<EmotionScore> emotions = [.. Enum.GetValues<Emotion>().Select(e => new EmotionScore(e, 0, []))];
        return new Reading(
            language,
            new SentimentReading(0, 0, 0, 0, SentimentLabel.Unread, []),
            emotions,
            [],
            new UrgencyReading(UrgencyLevel.Normal, []),
            new EffortReading(0, false, null, false, []),
            new ChurnReading(0, []),
            new TopicReading(Topic.Other, [], []),
            info);
    }
}
