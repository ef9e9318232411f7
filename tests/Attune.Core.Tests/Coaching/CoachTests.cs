using Attune.Core.Coaching;

namespace Attune.Core.Tests.Coaching;

public sealed class CoachTests
{
    private static Assessment Assess(string reply, string customer = "", string? region = null, string? situation = null) =>
        Coach.Default.Assess(reply, CoachingContext.For(customer, region, situation));

    [Theory]
    [InlineData("I'm so sorry to hear about your loss.", MechanismLevel.Strong)]
    [InlineData("My deepest condolences to you and your family.", MechanismLevel.Strong)]
    [InlineData("That sounds really stressful.", MechanismLevel.Strong)]
    [InlineData("Sorry about that. I've refunded the order.", MechanismLevel.Weak)]
    [InlineData("We apologise for the delay. Your order ships today.", MechanismLevel.Weak)]
    [InlineData("Your order ships today.", MechanismLevel.None)]
    public void EmotionalReaction_IsLeveled(string reply, MechanismLevel expected) =>
        Assert.Equal(expected, Assess(reply).Empathy.EmotionalReaction.Level);

    [Theory]
    [InlineData("It sounds like you've been waiting for weeks.", "", MechanismLevel.Strong)]
    [InlineData("I can see that you were charged twice.", "", MechanismLevel.Strong)]
    [InlineData("I understand you were charged twice for the subscription.", "You charged me twice for the subscription this month!", MechanismLevel.Strong)]
    [InlineData("I understand.", "You charged me twice for the subscription this month!", MechanismLevel.Weak)]
    [InlineData("Here is the tracking link.", "Where is my parcel?", MechanismLevel.None)]
    public void Interpretation_IsLeveled(string reply, string customer, MechanismLevel expected) =>
        Assert.Equal(expected, Assess(reply, customer).Empathy.Interpretation.Level);

    [Fact]
    public void BereavementReplyThatActs_HasEveryPartOfAction()
    {
        var a = Assess(
            "I'm so sorry for the loss of your husband. I have closed his account today and refunded this month's fee; "
            + "you'll get written confirmation by Friday, and I'm your single point of contact if anything else comes up.",
            "My husband passed away last month and I need to close his account");

        Assert.Equal(MechanismLevel.Strong, a.Empathy.Interpretation.Level);
        Assert.True(a.Action.HasOwnership && a.Action.HasNextStep && a.Action.HasTimeline && a.Action.HasFollowUp && a.Action.HasResolution);
        Assert.Empty(a.Flags);
        Assert.True(a.Score >= 90, $"score {a.Score}");
    }

    [Theory]
    [InlineData("How are you holding up?", MechanismLevel.Strong)]
    [InlineData("What would be most helpful for you right now?", MechanismLevel.Strong)]
    [InlineData("Could you tell me a little about what happened?", MechanismLevel.Strong)]
    [InlineData("Could you share the order number?", MechanismLevel.Weak)]
    [InlineData("Did you try restarting?", MechanismLevel.None)]
    [InlineData("Have you tried clearing the cache?", MechanismLevel.None)]
    public void Exploration_IsLeveled(string reply, MechanismLevel expected) =>
        Assert.Equal(expected, Assess(reply).Empathy.Exploration.Level);

    [Theory]
    [InlineData("I'll refund the charge today.", true, true, true, false, false)]
    [InlineData("I've refunded the second charge; it will show within 5 business days.", true, true, true, false, true)]
    [InlineData("We will look into it and I'll keep you posted.", true, true, false, true, false)]
    [InlineData("Please click Settings and choose Reset.", false, true, false, false, false)]
    [InlineData("Thank you for your message.", false, false, false, false, false)]
    [InlineData("Your account is now unlocked.", false, false, false, false, true)]
    [InlineData("I'll update you by Friday.", true, false, true, true, false)]
    public void Action_PartsAreFound(string reply, bool ownership, bool nextStep, bool timeline, bool followUp, bool resolution)
    {
        var action = Assess(reply).Action;
        Assert.Equal(ownership, action.HasOwnership);
        Assert.Equal(nextStep, action.HasNextStep);
        Assert.Equal(timeline, action.HasTimeline);
        Assert.Equal(followUp, action.HasFollowUp);
        Assert.Equal(resolution, action.HasResolution);
    }

    [Theory]
    [InlineData("How do I change my delivery address?", "To change the delivery address, open Orders and choose Edit address.", true)]
    [InlineData("How do I change my delivery address?", "Thank you for contacting us.", false)]
    [InlineData("My parcel arrived.", "Thank you for letting us know.", null)]
    public void AnswersQuestion_IsJudged(string customer, string reply, bool? expected) =>
        Assert.Equal(expected, Assess(reply, customer).Action.AnswersQuestion);

    [Theory]
    [InlineData("We understand your frustration.", FlagKind.HollowEmpathy, true)]
    [InlineData("I'm so sorry this happened, that must be really frustrating.", FlagKind.HollowEmpathy, true)]
    [InlineData("I'm so sorry this happened. I've refunded the charge and you'll see it within 3 days.", FlagKind.HollowEmpathy, false)]
    [InlineData("I understand how frustrating this is. I'll call the courier today and update you by 5pm.", FlagKind.HollowEmpathy, false)]
    [InlineData("We apologize for any inconvenience caused.", FlagKind.ScriptedCliche, true)]
    [InlineData("Your call is important to us.", FlagKind.ScriptedCliche, true)]
    [InlineData("Thank you for your patience.", FlagKind.ScriptedCliche, true)]
    [InlineData("I've rebooked your delivery for Tuesday.", FlagKind.ScriptedCliche, false)]
    [InlineData("As mentioned in my previous email, you should have selected express shipping.", FlagKind.Blame, true)]
    [InlineData("As I already said, the form must be signed.", FlagKind.Blame, true)]
    [InlineData("I've added the date to the form for you.", FlagKind.Blame, false)]
    [InlineData("Per our policy, refunds are not possible after 30 days.", FlagKind.Dismissal, true)]
    [InlineData("Per our policy refunds end after 30 days, but what I can do is offer a replacement.", FlagKind.Dismissal, false)]
    [InlineData("That's not our fault, the courier lost it.", FlagKind.Dismissal, true)]
    [InlineData("Unfortunately there is nothing we can do.", FlagKind.DeadEnd, true)]
    [InlineData("Unfortunately there is nothing we can do about the fee, however I can split it into three payments.", FlagKind.DeadEnd, false)]
    [InlineData("Your ticket has been moved to tier 2 per the escalation matrix.", FlagKind.Jargon, true)]
    [InlineData("I've asked a specialist to look at it.", FlagKind.Jargon, false)]
    public void Flags_AreRaised(string reply, FlagKind kind, bool expected) =>
        Assert.Equal(expected, Assess(reply, "My order is late and nobody answers.").Has(kind));

    [Fact]
    public void LongBlock_IsWallOfText()
    {
        var reply = string.Join(' ', Enumerable.Repeat("We have received your request and the relevant team is reviewing the details of the account", 12)) + ".";
        var a = Assess(reply);
        Assert.True(a.Has(FlagKind.WallOfText));
    }

    [Fact]
    public void BereavementUpsell_IsFlaggedAsToneMismatch()
    {
        var a = Assess("I'm so sorry for your loss. While you're here, why not try our premium plan with 20% off?",
            "My husband passed away last month and I need to close his account.");
        Assert.Equal("bereavement", a.Situation.Name);
        Assert.True(a.Situation.Inferred);
        var flag = Assert.Single(a.Flags, f => f.Kind == FlagKind.ToneMismatch);
        Assert.Equal(FlagSeverity.Critical, flag.Severity);
        Assert.NotEmpty(flag.Rewrite);
        Assert.Contains(a.Situation.Checks, c => c.Rule.Id == "upsell" && !c.Passed);
    }

    [Fact]
    public void BereavementAccountHolderMustCall_BreaksPlaybook()
    {
        var a = Assess("The account holder must call us to close the account.", "My mother died and I need to close her account.");
        Assert.True(a.Has(FlagKind.PlaybookViolation));
        Assert.Contains(a.Situation.Checks, c => c.Rule.Id == "account-holder-must" && !c.Passed);
    }

    [Fact]
    public void GoodBereavementReply_ScoresHigherThanScript()
    {
        const string customer = "My husband passed away last month and I need to close his account.";
        var good = Assess("I'm so sorry for your loss. I will close the account for you today and send written confirmation by Friday. My name is Ana and you can reply to me directly with anything else.", customer);
        var bad = Assess("We apologize for any inconvenience. The account holder must call us to close the account.", customer);
        Assert.True(good.Score > bad.Score + 30, $"{good.Score} vs {bad.Score}");
        Assert.True(good.Situation.Fit > bad.Situation.Fit);
    }

    [Fact]
    public void JapanApologyWithoutAction_FitsWorseThanPlan()
    {
        const string customer = "My order arrived broken.";
        var apologetic = Assess("We are terribly sorry. We sincerely apologize. Please accept our deepest apologies for this. We are so sorry.", customer, "JP");
        var plan = Assess("We apologise for the damaged item. I have arranged a replacement, which will arrive on 12 March by 18:00.", customer, "JP");
        Assert.True(apologetic.Region.Fit < plan.Region.Fit, $"{apologetic.Region.Fit} vs {plan.Region.Fit}");
        Assert.Contains(apologetic.Region.Checks, c => c.Check == "max-apologies" && !c.Passed);
        Assert.True(apologetic.Score < plan.Score);
    }

    [Fact]
    public void SameApologyReply_FitsJapanWorseThanUnitedStates()
    {
        const string reply = "We are terribly sorry. We sincerely apologize. Please accept our apologies!";
        Assert.True(Assess(reply, "My order arrived broken.", "JP").Region.Fit < Assess(reply, "My order arrived broken.", "US").Region.Fit);
    }

    [Fact]
    public void Suggestions_AreAtMostThreeAndLeadWithTheWorstProblem()
    {
        var a = Assess("Calm down. As I already said, you should have read the terms. We apologize for any inconvenience. Unfortunately there is nothing we can do!",
            "This is the third time I'm writing. I was charged twice!");
        Assert.InRange(a.Suggestions.Length, 1, 3);
        Assert.Equal(FlagSeverity.Critical, a.Flags[0].Severity);
        Assert.Equal(a.Flags[0].Rewrite, a.Suggestions[0].Text);
    }

    [Fact]
    public void ScoreParts_AddUpToTheScore()
    {
        var a = Assess("I'm so sorry you were charged twice. I've refunded the second charge and it will be back within 3 days.", "You charged me twice!");
        var p = a.Parts;
        Assert.Equal(Math.Clamp(p.Empathy + p.Action + p.Fit - p.Penalties, 0, 100), a.Score, 0.6);
        Assert.InRange(a.Score, 70, 100);
    }
}
