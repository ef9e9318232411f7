using System.Collections.Immutable;
using Attune.Core.Coaching.Playbooks;
using Attune.Core.Listening;
using Attune.Core.Text;

namespace Attune.Core.Coaching;

/// <summary>How strongly a reply shows one empathy mechanism of the EPITOME framework (Sharma et al., 2020).</summary>
public enum MechanismLevel
{
    /// <summary>Not shown.</summary>
    None,
    /// <summary>Shown in a generic way ("I'm sorry", "I understand", "can you tell me more?").</summary>
    Weak,
    /// <summary>Shown specifically and personally ("I'm so sorry for your loss", "it sounds like you've been charged twice").</summary>
    Strong,
}

/// <summary>One empathy mechanism in a reply.</summary>
/// <param name="Level">None, weak or strong.</param>
/// <param name="Evidence">The words in the reply that show it (spans in the reply text), strongest first.</param>
public sealed record MechanismReading(MechanismLevel Level, ImmutableArray<Evidence> Evidence)
{
    /// <summary>Points of the level: 0 none, 0.5 weak, 1 strong.</summary>
    public double Points => Level switch { MechanismLevel.Strong => 1, MechanismLevel.Weak => 0.5, _ => 0 };
}

/// <summary>The empathy of a reply by the three EPITOME mechanisms.</summary>
/// <param name="EmotionalReaction">Expressing warmth, compassion or concern.</param>
/// <param name="Interpretation">Showing understanding of the customer's feelings or situation, restating it.</param>
/// <param name="Exploration">Asking about what the customer feels or needs. A closed troubleshooting question
/// ("Did you try restarting?") is not exploration.</param>
public sealed record EmpathyReading(MechanismReading EmotionalReaction, MechanismReading Interpretation, MechanismReading Exploration)
{
    /// <summary>True when the reply shows any emotional reaction or interpretation.</summary>
    public bool Acknowledges => EmotionalReaction.Level != MechanismLevel.None || Interpretation.Level != MechanismLevel.None;
}

/// <summary>Whether and how a reply acts on the customer's problem. Each part lists the words that show it.</summary>
/// <param name="Ownership">First-person ownership ("I will…", "I have…", "let me…"); "we will" counts only when no "I" is found.</param>
/// <param name="NextStep">A concrete next step: an action the agent takes ("I'll refund…") or exact instructions for the customer.</param>
/// <param name="Timeline">A time or deadline ("by Friday", "within 24 hours", "today").</param>
/// <param name="FollowUp">A promise to follow up or keep the customer informed.</param>
/// <param name="Resolution">The problem solved or the action done ("I've refunded…", "it is now fixed").</param>
/// <param name="AnswersQuestion">True when the customer asked something and the reply answers it; false when it does
/// not; null when the customer asked nothing.</param>
public sealed record ActionReading(
    ImmutableArray<Evidence> Ownership,
    ImmutableArray<Evidence> NextStep,
    ImmutableArray<Evidence> Timeline,
    ImmutableArray<Evidence> FollowUp,
    ImmutableArray<Evidence> Resolution,
    bool? AnswersQuestion)
{
    /// <summary>True when the agent owns the problem in the first person.</summary>
    public bool HasOwnership => !Ownership.IsDefaultOrEmpty;

    /// <summary>True when a concrete next step is named.</summary>
    public bool HasNextStep => !NextStep.IsDefaultOrEmpty;

    /// <summary>True when a time or deadline is given.</summary>
    public bool HasTimeline => !Timeline.IsDefaultOrEmpty;

    /// <summary>True when a follow-up is promised.</summary>
    public bool HasFollowUp => !FollowUp.IsDefaultOrEmpty;

    /// <summary>True when the reply says the problem is solved or the action done.</summary>
    public bool HasResolution => !Resolution.IsDefaultOrEmpty;

    /// <summary>True when the reply does something: a next step, a resolution or a follow-up.</summary>
    public bool Acts => HasNextStep || HasResolution || HasFollowUp;
}

/// <summary>The kinds of problems the coach flags in a reply.</summary>
public enum FlagKind
{
    /// <summary>Acknowledges feelings but does nothing about them: no next step, resolution, follow-up or time.</summary>
    HollowEmpathy,
    /// <summary>A scripted cliché ("we apologise for any inconvenience", "your call is important to us").</summary>
    ScriptedCliche,
    /// <summary>Blames the customer or points back ("as I already said", "you should have").</summary>
    Blame,
    /// <summary>Dismisses the customer ("not our fault", "calm down", "per our policy" with no option).</summary>
    Dismissal,
    /// <summary>A dead end: "unfortunately there is nothing we can do" with no alternative.</summary>
    DeadEnd,
    /// <summary>Internal or technical jargon the customer may not know.</summary>
    Jargon,
    /// <summary>One long block of text that is hard to read.</summary>
    WallOfText,
    /// <summary>Tone that does not fit the situation: cheer or an upsell to someone grieving, upbeat words to someone angry.</summary>
    ToneMismatch,
    /// <summary>Breaks a "never do" rule of the situation's playbook.</summary>
    PlaybookViolation,
}

/// <summary>How much a flag matters.</summary>
public enum FlagSeverity
{
    /// <summary>Worth polishing.</summary>
    Minor,
    /// <summary>Weakens the reply noticeably.</summary>
    Major,
    /// <summary>Will likely hurt the customer or the relationship; fix before sending.</summary>
    Critical,
}

/// <summary>A problem in the reply, where it is and how to fix it.</summary>
/// <param name="Kind">What kind of problem.</param>
/// <param name="Severity">How much it matters.</param>
/// <param name="Span">Where it is in the reply text (0-based UTF-16 offsets); the whole reply for whole-reply flags.</param>
/// <param name="Text">The words flagged, as written.</param>
/// <param name="Cue">The cue or rule id that raised it, e.g. <c>cliche.inconvenience</c> or <c>bereavement.dont.upsell</c>.</param>
/// <param name="Explanation">Why it is a problem, in one sentence.</param>
/// <param name="Rewrite">A suggested rewrite or the change to make.</param>
public sealed record CoachingFlag(FlagKind Kind, FlagSeverity Severity, TextSpan Span, string Text, string Cue, string Explanation, string Rewrite);

/// <summary>One check of the regional norms.</summary>
/// <param name="Check">The expectation checked, e.g. <c>max-apologies</c>, <c>warmth</c>, <c>specifics</c>.</param>
/// <param name="Passed">True when the reply meets it.</param>
/// <param name="Message">What was found, in one sentence.</param>
/// <param name="Suggestion">What to change when it did not pass; empty when it passed.</param>
public sealed record RegionalCheck(string Check, bool Passed, string Message, string Suggestion);

/// <summary>How well the reply fits the customer's region.</summary>
/// <param name="Region">The region code used, or empty when no region was given or it is unknown.</param>
/// <param name="Name">The region's name.</param>
/// <param name="Fit">0–1: 1 meets every regional expectation; each failed expectation lowers it (0.7 = one serious miss).</param>
/// <param name="Checks">Every expectation checked.</param>
/// <param name="Notes">The region's guidance for agents.</param>
public sealed record RegionalFit(string Region, string Name, double Fit, ImmutableArray<RegionalCheck> Checks, ImmutableArray<string> Notes);

/// <summary>The result of one do/don't rule of the situation playbook.</summary>
/// <param name="Rule">The rule.</param>
/// <param name="Passed">True when the reply follows it (does the "do", avoids the "don't").</param>
/// <param name="Evidence">The words that satisfied a "do" or broke a "don't".</param>
public sealed record PlaybookCheck(PlaybookRule Rule, bool Passed, ImmutableArray<Evidence> Evidence);

/// <summary>The situation the reply was assessed in and how it follows that situation's playbook.</summary>
/// <param name="Name">The situation's name (e.g. <c>bereavement</c>), or empty when no situation applies.</param>
/// <param name="Title">The situation's title.</param>
/// <param name="Inferred">True when the situation was inferred from the customer's message, false when given.</param>
/// <param name="Reason">Why the situation was inferred (e.g. "vulnerability: Bereavement"), or "given".</param>
/// <param name="Outcome">The outcome the playbook aims for.</param>
/// <param name="Fit">0–1: the share of the playbook's rules the reply follows (1 when there is no playbook).</param>
/// <param name="Checks">Each rule and whether it passed.</param>
public sealed record SituationFit(string Name, string Title, bool Inferred, string Reason, string Outcome, double Fit, ImmutableArray<PlaybookCheck> Checks);

/// <summary>The parts of the empathy-in-action score. Empathy + Action + Fit − Penalties, clamped to 0–100, is the score.</summary>
/// <param name="Empathy">0 to <see cref="EmpathyMax"/>: the three mechanisms weighted by region.</param>
/// <param name="EmpathyMax">The most the empathy part can give (regional weights move points between empathy and action; with Action max, 80).</param>
/// <param name="Action">0 to <see cref="ActionMax"/>: the share of ownership (0.2), next step (0.3), timeline (0.15), follow-up (0.15),
/// resolution (0.35) and an answered question (0.15), capped at 1, times 0.6 when the customer's question is left unanswered.</param>
/// <param name="ActionMax">The most the action part can give.</param>
/// <param name="Fit">0–20: regional fit (0–10) plus playbook fit (0–10).</param>
/// <param name="Penalties">0 or more: points taken off for flags (critical 20, major 10, minor 3; at most 60).</param>
public sealed record ScoreParts(double Empathy, double EmpathyMax, double Action, double ActionMax, double Fit, double Penalties);

/// <summary>One concrete suggestion to improve the reply.</summary>
/// <param name="Text">What to do, in one or two sentences.</param>
/// <param name="Because">Which finding it comes from (a flag, a missing part, a playbook or regional rule).</param>
public sealed record Suggestion(string Text, string Because);

/// <summary>The coach's assessment of one agent reply: empathy and action, flags, fit to region and situation, the
/// score and what to change.</summary>
/// <param name="Score">The empathy-in-action score, 0–100: 80+ understands and acts and fits; 50–79 solid with gaps;
/// below 50 misses empathy, action or both, or has serious flags.</param>
/// <param name="Parts">The parts the score is made of.</param>
/// <param name="Empathy">The three EPITOME mechanisms.</param>
/// <param name="Action">Ownership, next step, timeline, follow-up, resolution, answering the question.</param>
/// <param name="Flags">Problems found, most severe first.</param>
/// <param name="Region">Fit to the customer's region.</param>
/// <param name="Situation">The situation and how the reply follows its playbook.</param>
/// <param name="Suggestions">At most three suggestions, most important first.</param>
/// <param name="WordCount">Words in the reply.</param>
public sealed record Assessment(
    int Score,
    ScoreParts Parts,
    EmpathyReading Empathy,
    ActionReading Action,
    ImmutableArray<CoachingFlag> Flags,
    RegionalFit Region,
    SituationFit Situation,
    ImmutableArray<Suggestion> Suggestions,
    int WordCount)
{
    /// <summary>True when a flag of the given kind was raised.</summary>
    public bool Has(FlagKind kind)
    {
        foreach (var f in Flags)
        {
            if (f.Kind == kind)
            {
                return true;
            }
        }
        return false;
    }
}
