namespace Attune.Core.Listening.Emotions;

/// <summary>One feature found in a message: its hash and the tokens it covers (inclusive).</summary>
internal readonly record struct FeatureHit(uint Hash, int First, int Last);
