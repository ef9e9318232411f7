using Attune.Core.Listening;
using Attune.Core.Listening.Emotions;
using Attune.Core.Listening.Sentiment;
using Attune.Core.Text;

namespace Attune.Core.Tests.Listening;

public class SentimentAnalyzerTests
{
    private static SentimentReading Read(string text) => Listener.Default.Read(text).Sentiment;

    // The lexicon's evidence, without the learned model's whole-message share.
    private static Evidence[] Lexical(SentimentReading reading) => [.. reading.Evidence.Where(e => e.Cue != "sentiment.model")];

    [Theory]
    // The two messages VADER scores 0.000.
    [InlineData("My husband passed away last month and I need to close his account")]
    [InlineData("Third time I'm contacting you about this. If it isn't fixed by Friday I'm switching to another provider.")]
    [InlineData("not happy at all")]
    [InlineData("Your staff were rude and unhelpful")]
    [InlineData("I've been on hold for an hour")]
    [InlineData("The app doesn't work")]
    [InlineData("Never again.")]
    [InlineData("Still waiting for my refund :(")]
    [InlineData("This is a joke 😡")]
    [InlineData("It works, however the setup was a nightmare")]
    [InlineData("Although the agent was friendly, the problem is still not resolved")]
    [InlineData("The engineer didn't turn up again. I took a day off work for this.")]
    [InlineData("Could you please call me back? I've tried three times already.")]
    [InlineData("I have been a loyal customer for 10 years and this is how you treat me?")]
    [InlineData("Hi, I was charged twice for my order. Can you refund the duplicate payment please?")]
    [InlineData("I'm really struggling to pay my bill this month because I lost my job.")]
    [InlineData("Great, another week without internet. Fantastic service as always.")]
    public void CustomerComplaint_IsNegative(string text)
    {
        var reading = Read(text);
        Assert.True(reading.Compound <= -0.05, $"compound {reading.Compound}");
        Assert.Equal(SentimentLabel.Negative, reading.Label);
    }

    [Theory]
    [InlineData("The service was great")]
    [InlineData("No problem, thanks for your help!")]
    [InlineData("I'm happy with it 👍")]
    [InlineData("The refund finally arrived :)")]
    [InlineData("Sorted in five minutes, brilliant support")]
    public void CustomerPraise_IsPositive(string text)
    {
        var reading = Read(text);
        Assert.Equal(SentimentLabel.Positive, reading.Label);
    }

    [Theory]
    [InlineData("Can you tell me my balance?")]
    [InlineData("I'd like to know the status of my order please.")]
    [InlineData("Please update the address on my account to 12 High Street.")]
    [InlineData("")]
    [InlineData("   ")]
    public void PlainRequest_IsNeutral(string text)
    {
        var reading = Read(text);
        Assert.Equal(0, reading.Compound);
        Assert.Equal(SentimentLabel.Neutral, reading.Label);
        Assert.Empty(reading.Evidence);
    }

    [Theory]
    [InlineData("I'm not unhappy with the service")]
    [InlineData("Not bad at all")]
    [InlineData("The delivery wasn't terrible")]
    public void NegatedComplaint_IsMildlyPositive(string text)
    {
        var compound = Read(text).Compound;
        Assert.InRange(compound, 0.05, 0.5);
    }

    [Theory]
    [InlineData("I am happy with the service", "I am not happy with the service")]
    [InlineData("The support was helpful", "The support was never helpful")]
    [InlineData("It works", "It doesn't work")]
    [InlineData("The parcel arrived", "The parcel hasn't arrived")]
    [InlineData("Resolved quickly", "Nothing was resolved")]
    public void Negation_TurnsPraiseIntoComplaint(string plain, string negated)
    {
        Assert.True(Read(plain).Compound > 0);
        Assert.True(Read(negated).Compound < -0.05, $"compound {Read(negated).Compound}");
    }

    [Fact]
    public void Negator_IsSpentOnTheFirstFeelingWord()
    {
        var reading = Read("I don't like the slow service");
        Assert.Contains(reading.Evidence, e => e.Cue == "sentiment.not.like" && e.Weight < 0);
        Assert.Contains(reading.Evidence, e => e.Cue == "sentiment.slow" && e.Weight < 0);
    }

    [Theory]
    [InlineData("I have never been so happy")]
    [InlineData("Nothing better than this service")]
    public void ComparativeNegator_DoesNotReverse(string text)
    {
        Assert.True(Read(text).Compound > 0.05);
    }

    [Fact]
    public void NegatedExpectation_IsAClearComplaint()
    {
        var reading = Read("The refund hasn't arrived");
        var evidence = Assert.Single(Lexical(reading));
        Assert.Equal("hasn't arrived", evidence.Text);
        Assert.Equal("sentiment.not.arrived", evidence.Cue);
        Assert.True(evidence.Weight <= -1.3);
    }

    [Theory]
    [InlineData("The service was slow", "The service was extremely slow")]
    [InlineData("The agent was helpful", "The agent was really helpful")]
    [InlineData("The service was a bit slow", "The service was slow")]
    [InlineData("It was kind of disappointing", "It was disappointing")]
    public void Intensity_SecondIsStronger(string weaker, string stronger)
    {
        Assert.True(Math.Abs(Read(stronger).Compound) > Math.Abs(Read(weaker).Compound));
    }

    [Theory]
    [InlineData("The service was great", "The service was GREAT")]
    [InlineData("The service was great", "The service was great!!!")]
    [InlineData("The service was good", "The service was sooo good")]
    [InlineData("Why is my order late?", "Why is my order late???")]
    public void Emphasis_Strengthens(string plain, string emphasised)
    {
        Assert.True(Math.Abs(Read(emphasised).Compound) > Math.Abs(Read(plain).Compound));
    }

    [Fact]
    public void ElongatedWordNotInLexiconAsTwoLetters_IsFoundWithOne()
    {
        var evidence = Assert.Single(Lexical(Read("I'm so happyyyy")));
        Assert.Equal("sentiment.happy", evidence.Cue);
        Assert.True(evidence.Weight > 2.6);
    }

    [Fact]
    public void WholeMessageInCapitals_IsNotEmphasis()
    {
        Assert.Equal(Assert.Single(Lexical(Read("the service was great"))).Weight, Assert.Single(Lexical(Read("THE SERVICE WAS GREAT"))).Weight);
    }

    [Theory]
    [InlineData("The agent was lovely but the refund still hasn't arrived")]
    [InlineData("Good app however it crashes every day")]
    public void Contrast_ClauseAfterButWeighsMore(string text)
    {
        var reading = Read(text);
        Assert.Contains(reading.Label, new[] { SentimentLabel.Negative, SentimentLabel.Mixed });
    }

    [Fact]
    public void Contrast_PraiseAfterButWins()
    {
        Assert.True(Read("The wait was annoying but the agent was wonderful").Compound > 0);
    }

    [Theory]
    [InlineData("Thanks for nothing")]
    [InlineData("Yeah right, like that will ever happen")]
    [InlineData("Great, just great. My parcel is lost again.")]
    [InlineData("Oh great, the app crashed again")]
    [InlineData("Love the product /s")]
    public void Sarcasm_IsNegative(string text)
    {
        Assert.True(Read(text).Compound < -0.05);
    }

    [Fact]
    public void IronicPraiseWithoutComplaint_StaysPositive()
    {
        Assert.True(Read("Oh great, that worked").Compound > 0);
    }

    [Theory]
    [InlineData("Thanks :)", 1)]
    [InlineData("Thanks :D", 1)]
    [InlineData("Order arrived broken :(", -1)]
    [InlineData("ok >:(", -1)]
    [InlineData("Delivered today 😍", 1)]
    [InlineData("Delivered today 👍🏽", 1)]
    [InlineData("Still nothing 😡", -1)]
    [InlineData("Order number 12345 💔", -1)]
    public void EmojiAndEmoticons_CarryFeeling(string text, int sign)
    {
        Assert.Equal(sign, Math.Sign(Read(text).Compound));
    }

    [Theory]
    [InlineData("thanks:)", 1)]
    [InlineData("fixed it!:D", 1)]
    [InlineData("broken again:(", -1)]
    [InlineData("Thanks :)))", 1)]
    [InlineData("still waiting :((((", -1)]
    [InlineData("XDDD", 1)]
    [InlineData("you guys <333", 1)]
    [InlineData("yay \\o/", 1)]
    [InlineData("ugh =/", -1)]
    [InlineData("so cute ^.^", 1)]
    [InlineData("missed it ;(", -1)]
    [InlineData("see you soon xx", 1)]
    [InlineData("♥♥♥", 1)]
    [InlineData("this again \U0001F926\u200D\u2640\uFE0F", -1)]
    [InlineData("new phone \U0001F64C\U0001F3FD", 1)]
    public void SocialMediaEmoticonsAndEmoji_CarryFeeling(string text, int sign)
    {
        Assert.Equal(sign, Math.Sign(Read(text).Compound));
    }

    [Theory]
    [InlineData("got my refund :)", "got my refund :)))")]
    [InlineData("still broken :(", "still broken :((((")]
    public void RepeatedEmoticonMouth_IsEmphasis(string plain, string repeated)
    {
        var before = Assert.Single(Lexical(Read(plain)), e => e.Text.StartsWith(':'));
        var after = Assert.Single(Lexical(Read(repeated)), e => e.Text.StartsWith(':'));
        Assert.Equal(Math.Sign(before.Weight), Math.Sign(after.Weight));
        Assert.True(Math.Abs(after.Weight) > Math.Abs(before.Weight));
    }

    [Theory]
    [InlineData("hahahah")]
    [InlineData("ahahahaha")]
    [InlineData("bwahahaha")]
    [InlineData("hehehehe")]
    [InlineData("lololol")]
    public void LaughterOfAnyLength_IsPositive(string text)
    {
        var evidence = Assert.Single(Lexical(Read(text)));
        Assert.Equal("sentiment.laughter", evidence.Cue);
        Assert.True(evidence.Weight >= 1.5);
    }

    [Theory]
    [InlineData("haha")]
    [InlineData("hahahahaha")]
    [InlineData("lolol")]
    [InlineData("bwahaha")]
    public void Laughter_IsRecognised(string norm)
    {
        Assert.True(SentimentAnalyzer.IsLaughter(norm));
    }

    [Theory]
    [InlineData("hah")]
    [InlineData("hahe")]
    [InlineData("hhaa")]
    [InlineData("hello")]
    [InlineData("lolo")]
    [InlineData("ahha")]
    [InlineData("alohaha")]
    public void NotLaughter_IsNotRecognised(string norm)
    {
        Assert.False(SentimentAnalyzer.IsLaughter(norm));
    }

    [Theory]
    [InlineData("yayy", "sentiment.yay")]
    [InlineData("so sadd", "sentiment.sad")]
    [InlineData("Yess!", "sentiment.yes")]
    public void DoubledLastLetter_IsTheFeelingWord(string text, string cue)
    {
        Assert.Contains(Read(text).Evidence, e => e.Cue == cue);
    }

    [Theory]
    [InlineData("the staff were free")]
    [InlineData("my boss called")]
    public void DoubledLastLetterOfAnOrdinaryWord_IsNotStripped(string text)
    {
        Assert.DoesNotContain(Read(text).Evidence, e => e.Cue is "sentiment.fre" or "sentiment.bos" or "sentiment.staf");
    }

    [Theory]
    [InlineData("Loving this weather #not")]
    [InlineData("Great service as always #sarcasm")]
    [InlineData("love waiting on hold for an hour #sarcastic")]
    public void SarcasmHashtag_TurnsPraiseNegative(string text)
    {
        Assert.True(Read(text).Compound < -0.05, $"compound {Read(text).Compound}");
    }

    [Theory]
    [InlineData("I couldnt be happier with the fix", 1)]
    [InlineData("Could not have been more helpful", 1)]
    [InlineData("couldn't ask for a better agent", 1)]
    [InlineData("The service couldnt be worse", -1)]
    public void CouldNotBeComparative_IsTheLimitNotADenial(string text, int sign)
    {
        Assert.Equal(sign, Math.Sign(Read(text).Compound));
    }

    [Fact]
    public void CouldNotWithoutComparative_StillNegates()
    {
        Assert.True(Read("I could not be happy with this").Compound < 0);
    }

    [Theory]
    [InlineData("lolz that was good", 1)]
    [InlineData("smfh", -1)]
    [InlineData("it neva works", -1)]
    [InlineData("that was freakin awesome", 1)]
    public void SocialMediaSlang_CarriesFeeling(string text, int sign)
    {
        Assert.Equal(sign, Math.Sign(Read(text).Compound));
    }

    [Fact]
    public void EmojiAfterNegator_IsNotReversed()
    {
        Assert.True(Read("no worries at all, nothing more to add 😊").Compound > 0);
    }

    [Fact]
    public void StrongPraiseAndStrongComplaint_AreMixed()
    {
        Assert.Equal(SentimentLabel.Mixed, Read("I love the product. I hate the billing.").Label);
    }

    [Fact]
    public void Evidence_IsStrongestFirstWithSpansInTheOriginalText()
    {
        const string text = "The agent was great, the wait was terrible and the app is slow";
        var all = Read(text).Evidence;
        Assert.Equal("sentiment.model", all[^1].Cue);
        Assert.Contains(all[^1].Text, text, StringComparison.Ordinal);
        Assert.True(all[^1].Text.Length < text.Length);
        var evidence = Lexical(Read(text));
        Assert.True(evidence.Length >= 3);
        for (var i = 1; i < evidence.Length; i++)
        {
            Assert.True(Math.Abs(evidence[i - 1].Weight) >= Math.Abs(evidence[i].Weight));
        }
        foreach (var e in evidence)
        {
            Assert.Equal(e.Text, text.Substring(e.Span.Start, e.Span.Length));
        }
    }

    [Theory]
    [InlineData("The service was great")]
    [InlineData("The wait was terrible")]
    [InlineData("The agent was great but the wait was terrible")]
    public void ModelTilt_MovesTheCompoundByItsWeight(string text)
    {
        var analyzer = new SentimentAnalyzer(SentimentLexicon.LoadEmbedded());
        var document = TextPreparer.Prepare(text);
        var lexiconOnly = new SentimentAnalyzer(SentimentLexicon.LoadEmbedded(), SentimentSettings.Default with { ModelWeight = 0 }).Analyze(document).Compound;
        var w = SentimentSettings.Default.ModelWeight;
        Assert.Equal(((1 - w) * lexiconOnly) + w, analyzer.Analyze(document, new SentimentTilt(1, 1, 1)).Compound, 9);
        Assert.Equal(((1 - w) * lexiconOnly) - w, analyzer.Analyze(document, new SentimentTilt(-1, 1, 1)).Compound, 9);
        var model = Assert.Single(analyzer.Analyze(document, new SentimentTilt(1, 1, 1)).Evidence, e => e.Cue == "sentiment.model");
        Assert.Equal(Math.Round(w, 2), model.Weight);
        Assert.Equal(text.Split(' ')[1], model.Text);
    }

    [Theory]
    [InlineData("Can you tell me my balance?")]
    [InlineData("Please update the address on my account.")]
    [InlineData("")]
    public void ModelTilt_NeverInventsFeeling(string text)
    {
        var reading = new SentimentAnalyzer(SentimentLexicon.LoadEmbedded()).Analyze(TextPreparer.Prepare(text), new SentimentTilt(1, 0, 0));
        Assert.Equal(0, reading.Compound);
        Assert.Empty(reading.Evidence);
    }

    [Fact]
    public void Shares_SumToOne()
    {
        var reading = Read("The agent was great but the wait was terrible and I was on hold for an hour");
        Assert.Equal(1, reading.Positive + reading.Negative + reading.Neutral, 9);
        Assert.True(reading.Positive > 0 && reading.Negative > 0 && reading.Neutral > 0);
    }

    [Theory]
    [InlineData("wonderful\tx\n", 1, "value 'x' is not a number")]
    [InlineData("# header\n\nwonderful\t5\n", 3, "outside -4..4")]
    [InlineData("good\t2\nbad\t-2\ngood\t1.5\n", 3, "'good' is listed twice")]
    [InlineData("good\t2\tboster\n", 1, "unknown tag 'boster'")]
    [InlineData("good\n", 1, "expected 'entry<TAB>value")]
    [InlineData("very\t2\tbooster\n", 1, "outside -1..1 for a booster")]
    [InlineData("but\t0.5\tcontrast\n", 1, "outside 1..2 for a contrast")]
    [InlineData("ok\t1\n\t1\n", 2, "the entry is empty")]
    public void BadLexiconLine_IsRejectedWithItsLineNumber(string text, int line, string problem)
    {
        var error = Assert.Throws<FormatException>(() => SentimentLexicon.Parse(text, "test.tsv"));
        Assert.Contains($"test.tsv line {line}:", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AuthoredEntry_OverridesLearnedEntry()
    {
        var learned = SentimentLexicon.Parse("refund\t-2\tlearned\nbrill\t2\tlearned\n");
        var authored = SentimentLexicon.Parse("refund\t0\tauthored\n");
        var lexicon = learned.Overlay(authored);
        Assert.Equal(0, lexicon.Word("refund")!.Value);
        Assert.Equal(2, lexicon.Word("brill")!.Value);
    }

    [Fact]
    public void EmbeddedLexicon_Loads()
    {
        var lexicon = SentimentLexicon.LoadEmbedded();
        Assert.True(lexicon.WordCount > 2000);
        Assert.True(lexicon.PhraseCount > 100);
        Assert.Equal(SentimentRole.Negator, lexicon.Word("not")!.Role);
    }
}
