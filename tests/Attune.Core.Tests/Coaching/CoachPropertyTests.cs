using Attune.Core.Coaching;
using FsCheck;
using FsCheck.Fluent;

namespace Attune.Core.Tests.Coaching;

public sealed class CoachPropertyTests
{
    private static readonly string[] Pieces =
    [
        "I'm so sorry", "we apologize for any inconvenience", "I'll refund it by Friday", "as I already said", "you should have",
        "how are you holding up?", "Did you try restarting?", "per our policy", "unfortunately there is nothing we can do",
        "upgrade to premium", "great news!", "I understand your frustration", "1. Log in", "within 24 hours", "\n\n", "!!!", "😊",
        "the account holder must call", "my manager", "hey", "", " ", "{{Order Number}}", "it's", "I've escalated this",
    ];

    private static Arbitrary<string> Replies() =>
        Gen.OneOf(
            ArbMap.Default.GeneratorFor<string>().Select(s => s ?? ""),
            Gen.ArrayOf(Gen.Elements(Pieces)).Select(p => string.Join(' ', p))).ToArbitrary();

    private static readonly CoachingContext[] Contexts =
    [
        CoachingContext.Empty,
        CoachingContext.For("My husband passed away and I need to close his account.", "JP"),
        CoachingContext.For("Third time I'm writing! You charged me twice.", "KR"),
        CoachingContext.For("How do I change my address?", "BR", "praise"),
    ];

    [FsCheck.Xunit.Property(MaxTest = 300)]
    public Property AnyReply_ScoresInRangeWithAtMostThreeSuggestions() =>
        Prop.ForAll(Replies(), Gen.Choose(0, Contexts.Length - 1).ToArbitrary(), (reply, c) =>
        {
            var a = Coach.Default.Assess(reply, Contexts[c]);
            return a.Score is >= 0 and <= 100 && a.Suggestions.Length <= 3
                && a.Region.Fit is >= 0 and <= 1 && a.Situation.Fit is >= 0 and <= 1
                && a.Flags.All(f => f.Span.Start >= 0 && f.Span.End <= reply.Length);
        });

    [FsCheck.Xunit.Property(MaxTest = 200)]
    public Property SameReply_SameAssessment() =>
        Prop.ForAll(Replies(), reply =>
        {
            var context = Contexts[1];
            var a = Coach.Default.Assess(reply, context);
            var b = new Coach(Coach.Default.Library).Assess(reply, CoachingContext.For(context.CustomerMessages, context.Region));
            return a.Score == b.Score && a.Parts == b.Parts && a.Flags.SequenceEqual(b.Flags) && a.Suggestions.SequenceEqual(b.Suggestions);
        });

    [Fact]
    public void NullReply_IsReadAsEmpty()
    {
        var a = Coach.Default.Assess(null, CoachingContext.Empty);
        Assert.Equal(0, a.WordCount);
        Assert.Empty(a.Flags);
    }
}
