using Attune.Core.Listening;
using FsCheck;
using FsCheck.Fluent;

namespace Attune.Core.Tests;

public class EmotionModelTests
{
    [Theory]
    [InlineData("Thank you so much for your help!", Emotion.Gratitude)]
    [InlineData("I'm so confused, where do I find the invoice?", Emotion.Confusion)]
    [InlineData("This is ridiculous, I am furious", Emotion.Anger)]
    [InlineData("My husband passed away last week", Emotion.Sadness)]
    [InlineData("My husband passed away last week", Emotion.Grief)]
    [InlineData("I was really disappointed with the delivery", Emotion.Disappointment)]
    [InlineData("I am scared they will cut off my electricity", Emotion.Fear)]
    [InlineData("Phew, that's a relief, thanks for sorting it", Emotion.Relief)]
    [InlineData("Hope you feel better soon", Emotion.Caring)]
    [InlineData("My mum died on Sunday and the direct debit is still going out", Emotion.Grief)]
    [InlineData("I'm worried sick about this bill", Emotion.Nervousness)]
    public void CustomerMessage_ShowsItsEmotion(string text, Emotion expected)
    {
        var score = Listener.Default.Read(text)[expected];

        Assert.True(score.IsPresent, $"{expected} scored {score.Score:0.00}");
        Assert.NotEmpty(score.Evidence);
    }

    [Theory]
    [InlineData("Thank you so much for your help!", Emotion.Anger)]
    [InlineData("Thank you so much for your help!", Emotion.Sadness)]
    [InlineData("Please send me a copy of the invoice.", Emotion.Grief)]
    [InlineData("I was really disappointed with the delivery", Emotion.Gratitude)]
    public void CustomerMessage_DoesNotShowUnrelatedEmotion(string text, Emotion absent)
    {
        Assert.False(Listener.Default.Read(text)[absent].IsPresent);
    }

    [Fact]
    public void Evidence_PointsAtTheWordInTheOriginalText()
    {
        const string text = "Honestly, I am FURIOUS about this";
        var evidence = Listener.Default.Read(text)[Emotion.Anger].Evidence;

        Assert.InRange(evidence.Length, 1, 3);
        Assert.Equal("FURIOUS", evidence[0].Text);
        Assert.Equal("FURIOUS", text.Substring(evidence[0].Span.Start, evidence[0].Span.Length));
        Assert.StartsWith("emotions-model.anger", evidence[0].Cue, StringComparison.Ordinal);
        Assert.True(evidence.Select(e => e.Weight).SequenceEqual(evidence.Select(e => e.Weight).OrderDescending()));
    }

    [Fact]
    public void BereavementPhrase_IsEvidenceForGrief()
    {
        const string text = "My husband passed away last week and I need to close his account";
        var grief = Listener.Default.Read(text)[Emotion.Grief];

        Assert.Contains(grief.Evidence, e => e.Text == "passed away" && e.Cue == "emotion-cue.passed-away");
        Assert.False(Listener.Default.Read(text)[Emotion.Neutral].IsPresent);
    }

    [Theory]
    [InlineData("I am not angry at all, just asking", Emotion.Anger)]
    [InlineData("Please send me a copy of my latest invoice.", Emotion.Confusion)]
    public void NegatedOrPlainMessage_DoesNotShowTheEmotion(string text, Emotion absent)
    {
        Assert.False(Listener.Default.Read(text)[absent].IsPresent);
    }

    [Fact]
    public void Scores_AreOnePerEmotionInEnumOrder()
    {
        var emotions = Listener.Default.Read("Where is my parcel?").Emotions;

        Assert.Equal(Enum.GetValues<Emotion>(), emotions.Select(e => e.Emotion));
    }

    [Fact]
    public void AnyText_ScoresInRangeAndRepeatable()
    {
        Prop.ForAll<string>(text =>
        {
            var first = Listener.Default.Read(text);
            var second = Listener.Default.Read(text);
            return first.Emotions.All(e => e.Score is >= 0 and <= 1 && e.Evidence.Length <= 3)
                && first.Emotions.Select(e => e.Score).SequenceEqual(second.Emotions.Select(e => e.Score));
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void LongText_IsScored()
    {
        var text = string.Concat(Enumerable.Repeat("Thanks a lot for the quick refund, much appreciated. ", 5000));

        Assert.True(Listener.Default.Read(text)[Emotion.Gratitude].IsPresent);
    }
}
