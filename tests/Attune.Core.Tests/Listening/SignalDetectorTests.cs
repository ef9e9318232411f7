using Attune.Core.Listening;
using Attune.Core.Listening.Signals;
using Attune.Core.Text;

namespace Attune.Core.Tests.Listening;

public class SignalDetectorTests
{
    private static readonly SignalDetector Detector = new(SignalRules.LoadEmbedded());

    private static Attune.Core.Listening.Signals.Signals Detect(string text) => Detector.Detect(TextPreparer.Prepare(text));

    [Theory]
    [InlineData("My husband passed away last month.", VulnerabilityCharacteristic.Bereavement)]
    [InlineData("Mum died in March and I'm sorting out her affairs", VulnerabilityCharacteristic.Bereavement)]
    [InlineData("I lost my wife in the summer", VulnerabilityCharacteristic.Bereavement)]
    [InlineData("I'm writing about my late father's account", VulnerabilityCharacteristic.Bereavement)]
    [InlineData("Since the funeral I haven't opened any post", VulnerabilityCharacteristic.Bereavement)]
    [InlineData("I am the executor and next of kin", VulnerabilityCharacteristic.Bereavement)]
    [InlineData("The probate hasn't come through yet", VulnerabilityCharacteristic.Bereavement)]
    [InlineData("I have cancer and I'm on chemo", VulnerabilityCharacteristic.SeriousIllness)]
    [InlineData("I've just come out of hospital after surgery", VulnerabilityCharacteristic.SeriousIllness)]
    [InlineData("I had a stroke in January", VulnerabilityCharacteristic.SeriousIllness)]
    [InlineData("I'm terminally ill", VulnerabilityCharacteristic.SeriousIllness)]
    [InlineData("I suffer from depression and anxiety", VulnerabilityCharacteristic.MentalHealth)]
    [InlineData("I get panic attacks on the phone", VulnerabilityCharacteristic.MentalHealth)]
    [InlineData("I have bipolar disorder", VulnerabilityCharacteristic.MentalHealth)]
    [InlineData("Honestly I feel suicidal", VulnerabilityCharacteristic.MentalHealth)]
    [InlineData("I'm a wheelchair user", VulnerabilityCharacteristic.PhysicalDisability)]
    [InlineData("I am disabled and can't get to the branch", VulnerabilityCharacteristic.PhysicalDisability)]
    [InlineData("I'm blind and use a screen reader", VulnerabilityCharacteristic.SensoryImpairment)]
    [InlineData("I am deaf so please don't call", VulnerabilityCharacteristic.SensoryImpairment)]
    [InlineData("I wear a hearing aid", VulnerabilityCharacteristic.SensoryImpairment)]
    [InlineData("I have a gambling addiction", VulnerabilityCharacteristic.Addiction)]
    [InlineData("I'm an alcoholic in rehab", VulnerabilityCharacteristic.Addiction)]
    [InlineData("I was diagnosed with dementia", VulnerabilityCharacteristic.LowMentalCapacity)]
    [InlineData("I lost my job last week", VulnerabilityCharacteristic.IncomeShock)]
    [InlineData("I've been made redundant", VulnerabilityCharacteristic.IncomeShock)]
    [InlineData("I was furloughed and my hours cut", VulnerabilityCharacteristic.IncomeShock)]
    [InlineData("We are getting divorced", VulnerabilityCharacteristic.RelationshipBreakdown)]
    [InlineData("I recently separated from my partner", VulnerabilityCharacteristic.RelationshipBreakdown)]
    [InlineData("He controls my money and I can't get at it", VulnerabilityCharacteristic.DomesticAbuse)]
    [InlineData("My ex won't let me see the statements", VulnerabilityCharacteristic.DomesticAbuse)]
    [InlineData("I left an abusive partner", VulnerabilityCharacteristic.DomesticAbuse)]
    [InlineData("I'm scared of him", VulnerabilityCharacteristic.DomesticAbuse)]
    [InlineData("I care for my mum full time", VulnerabilityCharacteristic.CaringResponsibilities)]
    [InlineData("I'm her carer", VulnerabilityCharacteristic.CaringResponsibilities)]
    [InlineData("I just retired", VulnerabilityCharacteristic.OtherLifeEvent)]
    [InlineData("I just moved to the country", VulnerabilityCharacteristic.OtherLifeEvent)]
    [InlineData("We have a new baby", VulnerabilityCharacteristic.OtherLifeEvent)]
    [InlineData("We are being evicted", VulnerabilityCharacteristic.OtherLifeEvent)]
    [InlineData("I'm leaving care next month", VulnerabilityCharacteristic.OtherLifeEvent)]
    [InlineData("I'm on universal credit", VulnerabilityCharacteristic.InadequateIncome)]
    [InlineData("I'm on benefits and zero-hours contracts", VulnerabilityCharacteristic.InadequateIncome)]
    [InlineData("I'm in arrears and the bailiffs are coming", VulnerabilityCharacteristic.OverIndebtedness)]
    [InlineData("Debt collectors keep calling", VulnerabilityCharacteristic.OverIndebtedness)]
    [InlineData("I can't afford this bill", VulnerabilityCharacteristic.OverIndebtedness)]
    [InlineData("I'm behind on payments", VulnerabilityCharacteristic.OverIndebtedness)]
    [InlineData("I took a payday loan", VulnerabilityCharacteristic.OverIndebtedness)]
    [InlineData("I have no savings", VulnerabilityCharacteristic.LowSavings)]
    [InlineData("We live paycheck to paycheck", VulnerabilityCharacteristic.LowSavings)]
    [InlineData("I can't cope with this", VulnerabilityCharacteristic.LowEmotionalResilience)]
    [InlineData("I'm overwhelmed and at breaking point", VulnerabilityCharacteristic.LowEmotionalResilience)]
    [InlineData("I don't understand my bill", VulnerabilityCharacteristic.LowFinancialCapability)]
    [InlineData("My husband used to handle the bills", VulnerabilityCharacteristic.LowFinancialCapability)]
    [InlineData("I've struggled to keep on top of the bills", VulnerabilityCharacteristic.OverIndebtedness)]
    [InlineData("My dad has Alzheimer's and I have power of attorney", VulnerabilityCharacteristic.CaringResponsibilities)]
    [InlineData("My partner has taken out loans in my name", VulnerabilityCharacteristic.DomesticAbuse)]
    [InlineData("I can't read well", VulnerabilityCharacteristic.LowLiteracy)]
    [InlineData("I'm dyslexic", VulnerabilityCharacteristic.LowLiteracy)]
    [InlineData("Sorry for my English", VulnerabilityCharacteristic.PoorEnglish)]
    [InlineData("English is not my first language", VulnerabilityCharacteristic.PoorEnglish)]
    [InlineData("I have no internet at home", VulnerabilityCharacteristic.DigitalExclusion)]
    [InlineData("I don't have a smartphone", VulnerabilityCharacteristic.DigitalExclusion)]
    [InlineData("I'm not good with computers", VulnerabilityCharacteristic.DigitalExclusion)]
    [InlineData("My son has learning difficulties", VulnerabilityCharacteristic.LearningDifficulty)]
    [InlineData("I have no one to help me", VulnerabilityCharacteristic.NoAccessToHelp)]
    public void VulnerabilityPhrase_RaisesCharacteristic(string text, VulnerabilityCharacteristic expected)
    {
        var cues = Detect(text).Vulnerability;
        var cue = Assert.Single(cues, c => c.Characteristic == expected);
        Assert.Equal(VulnerabilityDrivers.Of(expected), cue.Driver);
        Assert.InRange(cue.Confidence, 0.5, 0.95);
        Assert.NotEmpty(cue.Evidence);
        Assert.All(cue.Evidence, e => Assert.Equal(text.Substring(e.Span.Start, e.Span.Length), e.Text));
    }

    [Theory]
    [InlineData("I'm not disabled, I just want a refund")]
    [InlineData("I haven't lost my job, I just changed banks")]
    [InlineData("My phone died yesterday")]
    [InlineData("My account was disabled after the update")]
    [InlineData("The parcel arrived in pieces")]
    [InlineData("My son passed his exams")]
    [InlineData("The deadline has passed")]
    [InlineData("What a rip off")]
    [InlineData("It broke after two days")]
    [InlineData("I paid with my Visa card")]
    [InlineData("Can you send me a breakdown of the charges?")]
    [InlineData("Our call broke up")]
    [InlineData("My top up is pending and I can't afford to wait")]
    [InlineData("Could you close my account?")]
    public void NegatedOrLookalikePhrase_RaisesNoVulnerability(string text)
    {
        Assert.Empty(Detect(text).Vulnerability);
    }

    [Fact]
    public void HypotheticalPhrase_LowersConfidence()
    {
        var cue = Assert.Single(Detect("What happens if I lose my job?").Vulnerability);
        Assert.Equal(VulnerabilityCharacteristic.IncomeShock, cue.Characteristic);
        Assert.True(cue.Confidence < 0.5, $"confidence {cue.Confidence}");
    }

    [Fact]
    public void ConditionNotAboutTheCustomer_IsOnlyAMention()
    {
        var mention = Assert.Single(Detect("Cancer research is a great cause.").Vulnerability);
        var disclosure = Assert.Single(Detect("I have cancer.").Vulnerability);
        Assert.True(mention.Confidence < 0.6, $"mention {mention.Confidence}");
        Assert.True(disclosure.Confidence > mention.Confidence);
    }

    [Theory]
    [InlineData("My mum has dementia and I handle her bills")]
    [InlineData("My husband was diagnosed with cancer")]
    [InlineData("My daughter is in hospital")]
    public void RelativesCondition_RaisesCaringNotOwnHealth(string text)
    {
        var cues = Detect(text).Vulnerability;
        var cue = Assert.Single(cues);
        Assert.Equal(VulnerabilityCharacteristic.CaringResponsibilities, cue.Characteristic);
        Assert.StartsWith("My", cue.Evidence[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void BereavementAndClosingTheirAccount_IsNotChurn()
    {
        var signals = Detect("My husband passed away last month and I need to close his account");
        Assert.Equal(0, signals.Churn.Score);
        Assert.False(signals.Churn.IsAtRisk);
        var cue = Assert.Single(signals.Vulnerability);
        Assert.Equal(VulnerabilityCharacteristic.Bereavement, cue.Characteristic);
        Assert.Equal(0.9, cue.Confidence);
        Assert.Equal("husband passed away", cue.Evidence[0].Text);
    }

    [Theory]
    [InlineData("I want to cancel my account", 0.85)]
    [InlineData("I'm switching to another provider", 0.9)]
    [InlineData("Please close my account", 0.85)]
    [InlineData("I'm leaving you for good", 0.9)]
    [InlineData("I'm taking my business elsewhere", 0.9)]
    [InlineData("Cancel my subscription now", 0.85)]
    [InlineData("I would like to delete my account, your service is awful", 0.85)]
    public void ExplicitChurn_ScoresHigh(string text, double atLeast)
    {
        var churn = Detect(text).Churn;
        Assert.InRange(churn.Score, atLeast, 0.95);
        Assert.True(churn.IsAtRisk);
        Assert.NotEmpty(churn.Evidence);
    }

    [Theory]
    [InlineData("If this isn't fixed by Friday I'm switching to another provider")]
    [InlineData("Unless you sort this out I will cancel my contract")]
    [InlineData("We're thinking about switching to another provider")]
    [InlineData("I'll cancel my subscription if this happens again")]
    public void ConditionalThreat_ScoresBetweenHintAndIntent(string text)
    {
        var churn = Detect(text).Churn;
        Assert.InRange(churn.Score, 0.55, 0.7);
    }

    [Theory]
    [InlineData("I don't want to cancel, I just want it fixed")]
    [InlineData("I'm not leaving you, just annoyed")]
    [InlineData("I want to cancel my order")]
    [InlineData("I need to close my late mother's account")]
    [InlineData("Where is my parcel?")]
    [InlineData("I would like to cancel my previous transaction")]
    [InlineData("I made a transfer that I want to cancel")]
    public void NegatedOrNonChurn_ScoresZero(string text)
    {
        Assert.Equal(0, Detect(text).Churn.Score);
    }

    [Fact]
    public void LookingAround_IsAHint()
    {
        var churn = Detect("We're looking at other providers").Churn;
        Assert.InRange(churn.Score, 0.2, 0.4);
        Assert.False(churn.IsAtRisk);
    }

    [Theory]
    [InlineData("There is a gas leak in the flat", UrgencyLevel.Critical)]
    [InlineData("I smell gas", UrgencyLevel.Critical)]
    [InlineData("The charger caught fire last night", UrgencyLevel.Critical)]
    [InlineData("My ex threatened me when I asked about the account", UrgencyLevel.Critical)]
    [InlineData("Fire the manager who did this", UrgencyLevel.Normal)]
    [InlineData("The exposed cable looks dangerous", UrgencyLevel.High)]
    [InlineData("I feel suicidal", UrgencyLevel.Critical)]
    [InlineData("I'm going to hurt myself", UrgencyLevel.Critical)]
    [InlineData("Someone is using my card right now", UrgencyLevel.Critical)]
    [InlineData("My account has been hacked", UrgencyLevel.Critical)]
    [InlineData("Our site is down and we can't take payments", UrgencyLevel.Critical)]
    [InlineData("Production is down", UrgencyLevel.Critical)]
    [InlineData("None of our staff can log in", UrgencyLevel.Critical)]
    [InlineData("I need this sorted by Friday", UrgencyLevel.High)]
    [InlineData("Third time I'm writing. If it isn't fixed by Friday I'm switching to another provider.", UrgencyLevel.High)]
    [InlineData("Please reply today", UrgencyLevel.High)]
    [InlineData("I need it tonight", UrgencyLevel.High)]
    [InlineData("It must arrive tomorrow", UrgencyLevel.High)]
    [InlineData("Please fix this asap", UrgencyLevel.High)]
    [InlineData("This is urgent", UrgencyLevel.High)]
    [InlineData("Call me immediately", UrgencyLevel.High)]
    [InlineData("I need an answer within the hour", UrgencyLevel.High)]
    [InlineData("I think this is a scam", UrgencyLevel.High)]
    [InlineData("Thank you so much for your help!", UrgencyLevel.Low)]
    [InlineData("No rush, whenever you get a chance", UrgencyLevel.Low)]
    [InlineData("How do I change my address?", UrgencyLevel.Normal)]
    [InlineData("It's not urgent at all", UrgencyLevel.Low)]
    public void UrgencyPhrase_SetsLevel(string text, UrgencyLevel expected)
    {
        var urgency = Detect(text).Urgency;
        Assert.Equal(expected, urgency.Level);
        Assert.Equal(expected == UrgencyLevel.Normal, urgency.Reasons.IsEmpty);
    }

    [Theory]
    [InlineData("This is the third time I'm writing", true, 3, false)]
    [InlineData("This is my 3rd email about this", true, 3, false)]
    [InlineData("I have called 5 times", true, 5, false)]
    [InlineData("I've contacted you twice already", true, 2, false)]
    [InlineData("I've sent 3 emails", true, 3, false)]
    [InlineData("It's still not fixed", true, null, false)]
    [InlineData("Still waiting for a reply", true, null, false)]
    [InlineData("I already told you my account number", true, null, false)]
    [InlineData("Broken again", true, null, false)]
    [InlineData("I called, emailed and chatted and nobody helps", false, null, true)]
    [InlineData("I tried the app and the website", false, null, true)]
    [InlineData("I went to the store and then phoned your helpline", false, null, true)]
    [InlineData("I've emailed four times now and nobody has replied", true, 4, false)]
    [InlineData("I have been trying to call for 3 days and your chat bot is useless", true, null, true)]
    public void EffortPhrase_IsRead(string text, bool repeat, int? count, bool hopping)
    {
        var effort = Detect(text).Effort;
        Assert.Equal(repeat, effort.RepeatContact);
        Assert.Equal(count, effort.ContactCount);
        Assert.Equal(hopping, effort.ChannelHopping);
        Assert.InRange(effort.Score, 0.3, 0.95);
        Assert.NotEmpty(effort.Evidence);
    }

    [Theory]
    [InlineData("I keep being passed around between departments")]
    [InlineData("I was on hold for 2 hours")]
    public void WaitingOrTransfers_RaiseEffortWithoutCount(string text)
    {
        var effort = Detect(text).Effort;
        Assert.InRange(effort.Score, 0.4, 0.95);
        Assert.Null(effort.ContactCount);
    }

    [Theory]
    [InlineData("This is the first time I've ordered")]
    [InlineData("I haven't contacted you before")]
    [InlineData("Hello, where is my parcel?")]
    [InlineData("I was charged twice for the same purchase")]
    [InlineData("Where in the app do I link a new card?")]
    [InlineData("I put the wrong pin too many times")]
    [InlineData("It worked on the first attempt")]
    [InlineData("My card payment went through a second time by mistake")]
    public void NoEffort_ScoresZero(string text)
    {
        var effort = Detect(text).Effort;
        Assert.Equal(0, effort.Score);
        Assert.False(effort.RepeatContact);
    }

    [Fact]
    public void ManyEffortSigns_ScoreHigherThanOne()
    {
        var one = Detect("It's still not fixed").Effort.Score;
        var many = Detect("Third time writing, it's still not fixed and I was on hold for an hour").Effort.Score;
        Assert.True(many >= 0.8, $"many {many}");
        Assert.True(many > one);
    }

    [Theory]
    [InlineData("I was charged twice on my last bill", Topic.Billing)]
    [InlineData("I want my money back, please refund me", Topic.Refund)]
    [InlineData("My parcel hasn't been delivered", Topic.Delivery)]
    [InlineData("The app keeps crashing with an error", Topic.Technical)]
    [InlineData("I'm locked out and forgot my password", Topic.AccountAccess)]
    [InlineData("Please cancel my subscription", Topic.Cancellation)]
    [InlineData("My husband passed away last month and I need to close his account", Topic.Cancellation)]
    [InlineData("Your service is appalling, I want to make a formal complaint", Topic.Complaint)]
    [InlineData("What are your opening hours?", Topic.Information)]
    [InlineData("Thank you, excellent service!", Topic.Praise)]
    [InlineData("I'd like to change my order", Topic.Order)]
    [InlineData("My card payment was declined", Topic.Payment)]
    [InlineData("Hello", Topic.Other)]
    public void TopicWords_SetPrimaryTopic(string text, Topic expected)
    {
        var topic = Detect(text).Topic;
        Assert.Equal(expected, topic.Primary);
        if (expected != Topic.Other)
        {
            Assert.NotEmpty(topic.Evidence);
            Assert.Equal(expected, topic.Scores[0].Topic);
        }
    }

    [Fact]
    public void Listener_ReadsSignalsThroughThePipeline()
    {
        var reading = Listener.Default.Read("My husband passed away last month and I need to close his account. This is the third time I'm writing!");
        Assert.Contains(reading.Vulnerability, c => c.Characteristic == VulnerabilityCharacteristic.Bereavement && c.Driver == VulnerabilityDriver.LifeEvent);
        Assert.Equal(0, reading.Churn.Score);
        Assert.True(reading.Effort.RepeatContact);
        Assert.Equal(3, reading.Effort.ContactCount);
    }
}
