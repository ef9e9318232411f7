using Attune.Core.Listening;

namespace Attune.Core.Text;

/// <summary>A message prepared for reading: the text that is read (markup, quoted replies and signatures set aside),
/// a map back to the original text, and its tokens. Built once per message and shared by every analyser.</summary>
internal sealed class Document
{
    private readonly char[] _norm;
    private readonly int[]? _map;
    private readonly int[]? _mapEnd;
    private readonly int _offset;

    /// <param name="original">The text given to the engine.</param>
    /// <param name="text">The text to read.</param>
    /// <param name="map">For each index of <paramref name="text"/> its index in <paramref name="original"/>; null when
    /// <paramref name="text"/> is the substring of <paramref name="original"/> starting at <paramref name="offset"/>.</param>
    /// <param name="offset">Used when <paramref name="map"/> is null.</param>
    /// <param name="info">How the text was prepared.</param>
    public Document(string original, string text, int[]? map, int offset, TextInfo info)
    {
        Original = original;
        Text = text;
        _map = map;
        _offset = offset;
        Info = info;
        (Tokens, _norm) = Tokenizer.Tokenize(text);
    }

    /// <param name="original">The text given to the engine.</param>
    /// <param name="text">The text to read.</param>
    /// <param name="map">For each index of <paramref name="text"/> the index in <paramref name="original"/> where its
    /// source starts.</param>
    /// <param name="mapEnd">For each index of <paramref name="text"/> the index one past the end of its source (a decoded
    /// entity such as <c>&amp;amp;</c> is one character read from five).</param>
    /// <param name="info">How the text was prepared.</param>
    public Document(string original, string text, int[] map, int[] mapEnd, TextInfo info)
        : this(original, text, map, 0, info)
    {
        _mapEnd = mapEnd;
    }

    public string Original { get; }

    public string Text { get; }

    public TextInfo Info { get; }

    public Token[] Tokens { get; }

    public ReadOnlySpan<char> Norm(int token) => _norm.AsSpan(Tokens[token].NormStart, Tokens[token].NormLength);

    public ReadOnlySpan<char> Norm(in Token token) => _norm.AsSpan(token.NormStart, token.NormLength);

    public string NormString(int token) => Norm(token).ToString();

    /// <summary>Maps a span of <see cref="Text"/> to the original text.</summary>
    public TextSpan ToOriginal(int start, int length)
    {
        if (_map is null)
        {
            return new TextSpan(start + _offset, length);
        }
        if (length == 0)
        {
            return new TextSpan(start < _map.Length ? _map[start] : Original.Length, 0);
        }
        var first = _map[start];
        var end = _mapEnd is null ? _map[start + length - 1] + 1 : _mapEnd[start + length - 1];
        return new TextSpan(first, end - first);
    }

    /// <summary>Evidence covering tokens <paramref name="first"/> to <paramref name="last"/> inclusive.</summary>
    public Evidence Evidence(int first, int last, string cue, double weight)
    {
        var start = Tokens[first].Start;
        var span = ToOriginal(start, Tokens[last].End - start);
        return new Evidence(span, span.Of(Original), cue, weight);
    }
}
