namespace Attune.Core.Text.Patterns;

internal enum PhraseOp : byte
{
    /// <summary>Consume a token whose normal form equals <see cref="PhraseInstr.Text"/>.</summary>
    Word,
    /// <summary>Consume a token whose normal form is one of <see cref="PhraseInstr.Set"/> (a group of single words).</summary>
    WordSet,
    /// <summary>Consume a token whose normal form starts with <see cref="PhraseInstr.Text"/>.</summary>
    Prefix,
    /// <summary>Consume a token of class <see cref="PhraseInstr.Class"/>.</summary>
    Class,
    /// <summary>Try <see cref="PhraseInstr.X"/> first, then <see cref="PhraseInstr.Y"/>.</summary>
    Split,
    /// <summary>Continue at <see cref="PhraseInstr.X"/>.</summary>
    Jump,
    /// <summary>The whole pattern matched.</summary>
    Match,
}

/// <summary>One step of a compiled pattern: a tiny backtracking program with no loops, so every run ends.</summary>
internal readonly record struct PhraseInstr(PhraseOp Op, string? Text, PhraseClass Class, int X, int Y)
{
    public PhraseWordSet? Set { get; init; }
}

/// <summary>Words of one group, looked up without allocating.</summary>
internal sealed class PhraseWordSet
{
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public PhraseWordSet(IEnumerable<string> words)
    {
        Words = new HashSet<string>(words, StringComparer.Ordinal);
        _lookup = Words.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public HashSet<string> Words { get; }

    public bool Contains(ReadOnlySpan<char> word) => _lookup.Contains(word);
}
