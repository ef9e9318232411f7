using System.Collections.Immutable;

namespace Attune.Core.Coaching.Playbooks;

/// <summary>The register a region expects in writing to customers.</summary>
public enum Formality
{
    /// <summary>Casual words ("hey", "no worries", "awesome") are fine.</summary>
    Informal,
    /// <summary>Neither stiff nor casual.</summary>
    Neutral,
    /// <summary>Casual words read as disrespect.</summary>
    Formal,
}

/// <summary>The regional norms of customer communication for one region, as data an organisation can edit.</summary>
/// <param name="Code">Region code, upper case (ISO 3166-1 alpha-2, e.g. <c>JP</c>).</param>
/// <param name="Name">Human name, e.g. "Japan".</param>
/// <param name="Summary">What good service sounds like there, in one or two sentences.</param>
/// <param name="EmotionWeight">Weight of the emotional-reaction mechanism in the score, 0–2 (1 = default).</param>
/// <param name="InterpretationWeight">Weight of interpretation, 0–2 (1 = default).</param>
/// <param name="ExplorationWeight">Weight of exploration, 0–2 (1 = default).</param>
/// <param name="ActionWeight">Weight of action, 0–2 (1 = default; Japan 1.5: action counts more than words).</param>
/// <param name="MaxApologies">More apologies than this without any action reads as performance, not care; null = no limit.</param>
/// <param name="Formality">The register expected.</param>
/// <param name="MaxWords">Replies longer than this read as indirect or padded; null = no limit.</param>
/// <param name="Specifics">True when precise facts are expected: numbers, dates, times, exact steps (Germany).</param>
/// <param name="Warmth">True when a personal, warm greeting or closing is expected before business (Brazil, Mexico).</param>
/// <param name="SeniorEscalation">True when an upset customer expects a senior representative to step in (South Korea).</param>
/// <param name="Discretion">True when dramatic or effusive language, exclamation marks and cheer read badly (Japan).</param>
/// <param name="Notes">Guidance shown to agents, in the organisation's words.</param>
/// <param name="Source">Where the norms came from: an embedded resource path or the organisation's file name.</param>
public sealed record RegionalNorms(
    string Code,
    string Name,
    string Summary,
    double EmotionWeight,
    double InterpretationWeight,
    double ExplorationWeight,
    double ActionWeight,
    int? MaxApologies,
    Formality Formality,
    int? MaxWords,
    bool Specifics,
    bool Warmth,
    bool SeniorEscalation,
    bool Discretion,
    ImmutableArray<string> Notes,
    string Source)
{
    /// <summary>The norms used when no region is given: every weight 1, no expectations.</summary>
    public static RegionalNorms Neutral { get; } =
        new("", "Any region", "No regional expectations.", 1, 1, 1, 1, null, Formality.Neutral, null, false, false, false, false, [], "");
}
