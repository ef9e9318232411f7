namespace Attune.Core.Listening.Emotions;

/// <summary>Stable 32-bit hashes of feature strings (FNV-1a over UTF-16 code units, then mixed), the same on every
/// platform and run, so that a model trained once is read the same way everywhere.</summary>
internal static class FeatureHash
{
    private const uint Offset = 2166136261;
    private const uint Prime = 16777619;

    public static uint Of(ReadOnlySpan<char> text)
    {
        var h = Offset;
        foreach (var c in text)
        {
            h = (h ^ (c & 0xFFu)) * Prime;
            h = (h ^ ((uint)c >> 8)) * Prime;
        }
        return h;
    }

    public static uint Of(string text) => Of(text.AsSpan());

    /// <summary>Combines two hashes (order matters), finished with the murmur3 mixer.</summary>
    public static uint Combine(uint a, uint b)
    {
        var h = a ^ (b + 0x9E3779B9u + (a << 6) + (a >> 2));
        h ^= h >> 16;
        h *= 0x85EBCA6Bu;
        h ^= h >> 13;
        h *= 0xC2B2AE35u;
        h ^= h >> 16;
        return h;
    }
}
