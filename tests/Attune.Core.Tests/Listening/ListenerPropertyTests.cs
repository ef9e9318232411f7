using System.Text.Json;
using Attune.Core.Listening;
using Attune.Core.Text;
using FsCheck.Xunit;

namespace Attune.Core.Tests.Listening;

/// <summary>Invariants of the whole listening pipeline, whatever the analysers read.</summary>
public class ListenerPropertyTests
{
    [Property(Arbitrary = [typeof(AnyMessageArbitrary)], MaxTest = 300)]
    public bool AnyText_ScoresInRange(AnyMessage message)
    {
        var reading = Listener.Default.Read(message.Text);
        var s = reading.Sentiment;
        return s.Compound is >= -1 and <= 1
            && s.Positive is >= 0 and <= 1 && s.Negative is >= 0 and <= 1 && s.Neutral is >= 0 and <= 1
            && reading.Emotions.Length == Enum.GetValues<Emotion>().Length
            && reading.Emotions.All(e => e.Score is >= 0 and <= 1)
            && reading.Vulnerability.All(v => v.Confidence is >= 0 and <= 1)
            && reading.Effort.Score is >= 0 and <= 1 && reading.Churn.Score is >= 0 and <= 1
            && reading.Topic.Scores.All(t => t.Score is >= 0 and <= 1)
            && reading.Language.Confidence is >= 0 and <= 1;
    }

    [Property(Arbitrary = [typeof(AnyMessageArbitrary)], MaxTest = 300)]
    public bool AnyText_EvidencePointsIntoOriginal(AnyMessage message)
    {
        var reading = Listener.Default.Read(message.Text);
        return ReadingEvidence.All(reading).All(e =>
            e.Span.Start >= 0 && e.Span.Length >= 0 && e.Span.End <= message.Text.Length && e.Text == e.Span.Of(message.Text));
    }

    [Property(Arbitrary = [typeof(AnyMessageArbitrary)], MaxTest = 300)]
    public bool AnyText_TextInfoIsTruthful(AnyMessage message)
    {
        var info = Listener.Default.Read(message.Text).Text;
        var untouched = !info.WasHtml && !info.QuotedReplyRemoved && !info.SignatureRemoved && !info.Truncated;
        return info.Length == message.Text.Length
            && info.ReadLength >= 0 && info.ReadLength <= info.Length && info.ReadLength <= TextPreparer.MaxReadLength
            && (!info.Truncated || info.Length > TextPreparer.MaxReadLength)
            && (!untouched || info.ReadLength == info.Length);
    }

    [Property(Arbitrary = [typeof(AnyMessageArbitrary)], MaxTest = 200)]
    public bool SameText_SameReading(AnyMessage message)
    {
        var first = JsonSerializer.Serialize(Listener.Default.Read(message.Text));
        var second = JsonSerializer.Serialize(Listener.Default.Read(new string(message.Text.AsSpan())));
        return first == second;
    }

    [Fact]
    public void ParallelReading_MatchesSequentialReading()
    {
        // A fixed corpus: every fragment, and pairs and triples of fragments, so that every preparation path runs.
        var fragments = AnyMessageArbitrary.Fragments;
        var texts = new List<string>();
        for (var i = 0; i < fragments.Length; i++)
        {
            texts.Add(fragments[i]);
            texts.Add(fragments[i] + fragments[(i * 7 + 3) % fragments.Length]);
            texts.Add(fragments[(i * 5 + 1) % fragments.Length] + fragments[i] + fragments[(i * 11 + 2) % fragments.Length]);
        }
        texts.Add(EmailSamples.ReplyEmailHtml);
        texts.Add(EmailSamples.Long);

        var sequential = texts.Select(t => JsonSerializer.Serialize(Listener.Default.Read(t))).ToArray();
        var parallel = new string[texts.Count];
        Parallel.For(0, texts.Count * 4, new ParallelOptions { MaxDegreeOfParallelism = 4 }, k =>
        {
            var i = k % texts.Count;
            parallel[i] = JsonSerializer.Serialize(Listener.Default.Read(texts[i]));
        });

        Assert.Equal(sequential, parallel);
    }
}
