namespace Attune.Core.Coaching.Cues;

/// <summary>The categories of the coaching cue lexicon (<c>Resources/coaching/cues.yaml</c>); the file's top-level keys
/// are these names in kebab case.</summary>
internal enum CueKind
{
    EmotionStrong,
    EmotionWeak,
    InterpretationStrong,
    InterpretationWeak,
    ExplorationStrong,
    ExplorationWeak,
    OwnershipStrong,
    OwnershipWeak,
    ActionVerb,
    Instruction,
    Timeline,
    FollowUp,
    Resolution,
    Cliche,
    Blame,
    Dismissal,
    Policy,
    DeadEnd,
    Alternative,
    Jargon,
    Upsell,
    Cheer,
    Apology,
    Senior,
    Warmth,
    ContactPoint,
    Casual,
    Troubleshooting,
}

/// <summary>A cue found in a text: its kind, its id in the lexicon and the tokens it covers.</summary>
internal readonly record struct CueMatch(CueKind Kind, string Id, int First, int Last, string Rewrite);
