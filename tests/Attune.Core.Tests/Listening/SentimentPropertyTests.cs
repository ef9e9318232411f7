using Attune.Core.Listening;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Attune.Core.Tests.Listening;

public class SentimentPropertyTests
{
    private static readonly string[] Words =
    [
        "not", "never", "very", "a bit", "but", "although", "great", "GREAT", "terrible", "sooo", "happyyy", "refund",
        "hasn't", "arrived", "!", "?", ",", ".", ":)", ":(", "😡", "👍🏽", "yeah right", "/s", "thanks for nothing", "no",
        "at all", "kind of", "\n", "<b>", "e\u0301", "\uD83D", "'", "--",
    ];

    private static Arbitrary<string> Messages() =>
        Gen.OneOf(
                ArbMap.Default.GeneratorFor<string>().Select(s => s ?? string.Empty),
                Gen.ArrayOf(Gen.Elements(Words)).Select(ws => string.Join(' ', ws)))
            .ToArbitrary();

    [Property]
    public Property AnyText_GivesScoresInRange() =>
        Prop.ForAll(Messages(), text =>
        {
            var s = Listener.Default.Read(text).Sentiment;
            // Text in a language Attune does not read (random characters can look like one) is not scored at all.
            if (s.Label == SentimentLabel.Unread)
            {
                return s.Compound == 0 && s.Positive == 0 && s.Negative == 0 && s.Neutral == 0 && s.Evidence.IsEmpty;
            }
            return s.Compound is >= -1 and <= 1
                && s.Positive is >= 0 and <= 1 && s.Negative is >= 0 and <= 1 && s.Neutral is >= 0 and <= 1
                && Math.Abs(s.Positive + s.Negative + s.Neutral - 1) < 1e-9
                && s.Evidence.All(e => e.Span.Start >= 0 && e.Span.End <= text.Length);
        });

    [Property]
    public Property SameText_SameReading() =>
        Prop.ForAll(Messages(), text =>
        {
            var a = Listener.Default.Read(text).Sentiment;
            var b = Listener.Default.Read(text).Sentiment;
            return a.Compound == b.Compound && a.Label == b.Label && a.Evidence.SequenceEqual(b.Evidence);
        });

    [Property]
    public Property Label_AgreesWithCompound() =>
        Prop.ForAll(Messages(), text =>
        {
            var s = Listener.Default.Read(text).Sentiment;
            return s.Label switch
            {
                SentimentLabel.Positive => s.Compound >= 0.05,
                SentimentLabel.Negative => s.Compound <= -0.05,
                SentimentLabel.Neutral => Math.Abs(s.Compound) < 0.05,
                SentimentLabel.Unread => s.Compound == 0,
                _ => s.Label == SentimentLabel.Mixed,
            };
        });
}
