namespace Attune.Core.Text;

/// <summary>What kind of token.</summary>
internal enum TokenKind : byte
{
    Word,
    Number,
    Emoji,
    Emoticon,
    Punctuation,
    Symbol,
    Url,
    Mention,
}

[Flags]
internal enum TokenFlags : byte
{
    None = 0,
    /// <summary>Two or more letters, all upper case ("NEVER").</summary>
    AllCaps = 1,
    /// <summary>A letter repeated three or more times ("sooo"); the normal form keeps two of them.</summary>
    Elongated = 2,
    /// <summary>First letter upper case.</summary>
    Capitalized = 4,
    /// <summary>Written as a hashtag; the normal form has no '#'.</summary>
    Hashtag = 8,
}

/// <summary>One token of the read text. Positions are in <see cref="Document.Text"/>; the normal form (lower case,
/// typographic apostrophes straightened, elongations cut to two letters) is in the document's norm buffer.</summary>
internal readonly record struct Token(
    int Start,
    int Length,
    int NormStart,
    int NormLength,
    TokenKind Kind,
    TokenFlags Flags,
    int Sentence)
{
    public int End => Start + Length;

    public bool IsWord => Kind == TokenKind.Word;

    public bool Has(TokenFlags flag) => (Flags & flag) != 0;
}
