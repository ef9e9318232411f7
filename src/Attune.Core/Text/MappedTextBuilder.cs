namespace Attune.Core.Text;

/// <summary>Builds a text together with, for each of its characters, the range of the source it was read from.</summary>
internal sealed class MappedTextBuilder(int capacity)
{
    private char[] _chars = new char[Math.Max(capacity, 16)];
    private int[] _starts = new int[Math.Max(capacity, 16)];
    private int[] _ends = new int[Math.Max(capacity, 16)];

    public int Count { get; private set; }

    public char Last => Count == 0 ? '\0' : _chars[Count - 1];

    public char this[int index] => _chars[index];

    public int StartOf(int index) => _starts[index];

    public int EndOf(int index) => _ends[index];

    public void Append(char c, int sourceStart, int sourceEnd)
    {
        if (Count == _chars.Length)
        {
            var size = _chars.Length * 2;
            Array.Resize(ref _chars, size);
            Array.Resize(ref _starts, size);
            Array.Resize(ref _ends, size);
        }
        _chars[Count] = c;
        _starts[Count] = sourceStart;
        _ends[Count] = sourceEnd;
        Count++;
    }

    /// <summary>Drops characters from the end so that <see cref="Count"/> is <paramref name="count"/>.</summary>
    public void Shorten(int count) => Count = Math.Min(Count, Math.Max(0, count));

    public void TrimEnd()
    {
        while (Count > 0 && char.IsWhiteSpace(_chars[Count - 1]))
        {
            Count--;
        }
    }

    public string Text() => new(_chars, 0, Count);

    public int[] Starts() => _starts.AsSpan(0, Count).ToArray();

    public int[] Ends() => _ends.AsSpan(0, Count).ToArray();
}
