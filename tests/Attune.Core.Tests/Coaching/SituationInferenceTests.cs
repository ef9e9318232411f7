using System.Collections.Immutable;
using Attune.Core.Coaching;
using Attune.Core.Listening;

namespace Attune.Core.Tests.Coaching;

public sealed class SituationInferenceTests
{
    // Hand-built readings of a message with no trigger words, so that only the reading can set the situation.
    private static Reading Plain() => Listener.Default.Read("Hello there.");

    private static string Infer(Reading reading) =>
        Coach.Default.Assess("Thanks, I'll look into it today.", new CoachingContext(["Hello there."], [reading])).Situation.Name;

    [Fact]
    public void BereavementCue_InfersBereavement() =>
        Assert.Equal("bereavement", Infer(Plain() with { Vulnerability = [new VulnerabilityCue(VulnerabilityDriver.LifeEvent, VulnerabilityCharacteristic.Bereavement, 0.9, [])] }));

    [Fact]
    public void DebtCue_InfersFinancialHardship() =>
        Assert.Equal("financial-hardship", Infer(Plain() with { Vulnerability = [new VulnerabilityCue(VulnerabilityDriver.Resilience, VulnerabilityCharacteristic.OverIndebtedness, 0.9, [])] }));

    [Fact]
    public void WeakCue_InfersNothing() =>
        Assert.Equal("", Infer(Plain() with { Vulnerability = [new VulnerabilityCue(VulnerabilityDriver.Resilience, VulnerabilityCharacteristic.OverIndebtedness, 0.3, [])] }));

    [Fact]
    public void ChurnRisk_InfersChurnThreat() =>
        Assert.Equal("churn-threat", Infer(Plain() with { Churn = new ChurnReading(0.9, []) }));

    [Fact]
    public void RepeatContact_InfersRepeatedContact() =>
        Assert.Equal("repeated-contact", Infer(Plain() with { Effort = new EffortReading(0.5, true, 3, false, []) }));

    [Fact]
    public void CriticalUrgency_InfersOutage() =>
        Assert.Equal("outage", Infer(Plain() with { Urgency = new UrgencyReading(UrgencyLevel.Critical, []) }));

    [Fact]
    public void NegativeBillingMessage_InfersBillingError()
    {
        var reading = Plain() with
        {
            Sentiment = new SentimentReading(-0.6, 0, 0.6, 0.4, SentimentLabel.Negative, []),
            Topic = new TopicReading(Topic.Billing, [new TopicScore(Topic.Billing, 0.8)], []),
        };
        Assert.Equal("billing-error", Infer(reading));
    }

    [Fact]
    public void NeutralBillingQuestion_IsNotABillingError()
    {
        var reading = Plain() with { Topic = new TopicReading(Topic.Billing, [new TopicScore(Topic.Billing, 0.8)], []) };
        Assert.NotEqual("billing-error", Infer(reading));
    }

    [Fact]
    public void HigherPriority_Wins()
    {
        var reading = Plain() with
        {
            Churn = new ChurnReading(0.9, []),
            Vulnerability = [new VulnerabilityCue(VulnerabilityDriver.LifeEvent, VulnerabilityCharacteristic.Bereavement, 0.9, [])],
        };
        Assert.Equal("bereavement", Infer(reading));
    }

    [Fact]
    public void GivenSituation_OverridesInference()
    {
        var context = new CoachingContext(["My father died."], [Listener.Default.Read("My father died.")], situation: "complaint");
        var fit = Coach.Default.Assess("I'll look into it.", context).Situation;
        Assert.Equal("complaint", fit.Name);
        Assert.False(fit.Inferred);
    }

    [Fact]
    public void CheerToAnUpsetCustomer_IsToneMismatch()
    {
        var angry = Plain() with { Sentiment = new SentimentReading(-0.8, 0, 0.8, 0.2, SentimentLabel.Negative, []) };
        var a = Coach.Default.Assess("Great news! I've reset your password.", new CoachingContext(["Hello there."], [angry]));
        Assert.True(a.Has(FlagKind.ToneMismatch));
        var calm = Coach.Default.Assess("Great news! I've reset your password.", new CoachingContext(["Hello there."], [Plain()]));
        Assert.False(calm.Has(FlagKind.ToneMismatch));
    }

    [Fact]
    public void MismatchedReadings_AreRejected() =>
        Assert.Throws<ArgumentException>(() => new CoachingContext(["a", "b"], ImmutableArray.Create(Plain())));
}

public sealed class RegionalFitTests
{
    private static RegionalFit Fit(string reply, string customer, string region) =>
        Coach.Default.Assess(reply, CoachingContext.For(customer, region)).Region;

    [Fact]
    public void KoreaUpsetCustomer_WantsSeniorRepresentative()
    {
        const string customer = "This is unacceptable, I am very angry. Third time I'm writing about this!";
        var alone = Fit("I'll fix this today.", customer, "KR");
        var senior = Fit("My manager and I will fix this today.", customer, "KR");
        Assert.Contains(alone.Checks, c => c.Check == "senior-escalation" && !c.Passed);
        Assert.Contains(senior.Checks, c => c.Check == "senior-escalation" && c.Passed);
        Assert.True(senior.Fit > alone.Fit);
    }

    [Fact]
    public void GermanyVagueReply_LacksSpecifics()
    {
        var vague = Fit("I'll sort out the invoice soon.", "My invoice is wrong.", "DE");
        var precise = Fit("I've corrected invoice 4471 to 129.00 EUR; the new copy reaches you by 14 May.", "My invoice is wrong.", "DE");
        Assert.Contains(vague.Checks, c => c.Check == "specifics" && !c.Passed);
        Assert.True(precise.Fit > vague.Fit);
    }

    [Fact]
    public void BrazilColdReply_LacksWarmth()
    {
        var cold = Fit("Refund processed.", "Where is my refund?", "BR");
        var warm = Fit("Hi Ana, I hope you're well! Your refund is processed. Take care.", "Where is my refund?", "BR");
        Assert.Contains(cold.Checks, c => c.Check == "warmth" && !c.Passed);
        Assert.True(warm.Fit > cold.Fit);
    }

    [Fact]
    public void NetherlandsLongReply_IsTooIndirect()
    {
        var reply = string.Join(' ', Enumerable.Repeat("We truly value you as a customer and we want to make sure every part of your experience is pleasant.", 8));
        Assert.Contains(Fit(reply, "Where is my order?", "NL").Checks, c => c.Check == "max-words" && !c.Passed);
    }

    [Fact]
    public void JapanCasualExclamations_BreakFormalityAndDiscretion()
    {
        var fit = Fit("Hey, no worries! Awesome, we'll sort it!", "My order arrived broken.", "JP");
        Assert.Contains(fit.Checks, c => c.Check == "formality" && !c.Passed);
        Assert.Contains(fit.Checks, c => c.Check == "discretion" && !c.Passed);
    }

    [Fact]
    public void NoRegion_HasNoChecks()
    {
        var fit = Fit("Hey!", "Hi", "");
        Assert.Equal(1, fit.Fit);
        Assert.Empty(fit.Checks);
    }
}
