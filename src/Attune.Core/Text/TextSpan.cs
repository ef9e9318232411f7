namespace Attune.Core.Text;

/// <summary>A range of characters in the original message text: <see cref="Start"/> is a 0-based UTF-16 index.</summary>
/// <param name="Start">Index of the first character, 0-based, in the text given to the engine.</param>
/// <param name="Length">Number of UTF-16 characters; 0 only for an empty text.</param>
public readonly record struct TextSpan(int Start, int Length)
{
    /// <summary>Index one past the last character.</summary>
    public int End => Start + Length;

    /// <summary>The characters this span covers in <paramref name="text"/>.</summary>
    public string Of(string text) => text.Substring(Start, Length);
}
