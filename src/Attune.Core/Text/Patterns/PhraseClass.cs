namespace Attune.Core.Text.Patterns;

/// <summary>A token class usable in a phrase pattern as <c>{name}</c>.</summary>
internal enum PhraseClass : byte
{
    /// <summary><c>{any}</c>: any one token.</summary>
    Any,
    /// <summary><c>{number}</c>: digits ("3", "2,000") or a number word ("three", "twenty").</summary>
    Number,
    /// <summary><c>{ordinal}</c>: an ordinal word or figure ("third", "3rd", "21st").</summary>
    Ordinal,
}

/// <summary>Recognises and reads the numbers and ordinals the token classes match.</summary>
internal static class PhraseNumbers
{
    private static readonly Dictionary<string, int> NumberWords = Build(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty",
        (30, "thirty"), (40, "forty"), (50, "fifty"), (100, "hundred"));

    private static readonly Dictionary<string, int> OrdinalWords = Build(
        "zeroth first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth",
        (30, "thirtieth"), (40, "fortieth"), (50, "fiftieth"), (100, "hundredth"));

    private static readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> NumberLookup = NumberWords.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> OrdinalLookup = OrdinalWords.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>True when the token matches <paramref name="cls"/>.</summary>
    public static bool Is(PhraseClass cls, in Token token, ReadOnlySpan<char> norm) => cls switch
    {
        PhraseClass.Any => true,
        PhraseClass.Number => token.Kind == TokenKind.Number || NumberLookup.ContainsKey(norm),
        PhraseClass.Ordinal => TryOrdinal(norm, out _),
        _ => false,
    };

    /// <summary>Reads a cardinal ("3", "three") as an integer; false for anything else or for values above int range.</summary>
    public static bool TryNumber(ReadOnlySpan<char> norm, out int value)
    {
        if (NumberLookup.TryGetValue(norm, out value))
        {
            return true;
        }
        return TryDigits(norm, out value);
    }

    /// <summary>Reads an ordinal ("third", "3rd", "21st") as an integer.</summary>
    public static bool TryOrdinal(ReadOnlySpan<char> norm, out int value)
    {
        if (OrdinalLookup.TryGetValue(norm, out value))
        {
            return true;
        }
        if (norm.Length >= 3 && norm[^2..] is "st" or "nd" or "rd" or "th")
        {
            return TryDigits(norm[..^2], out value);
        }
        value = 0;
        return false;
    }

    private static bool TryDigits(ReadOnlySpan<char> s, out int value)
    {
        value = 0;
        if (s.IsEmpty || s.Length > 9)
        {
            return false;
        }
        foreach (var c in s)
        {
            if (c is < '0' or > '9')
            {
                value = 0;
                return false;
            }
            value = value * 10 + (c - '0');
        }
        return true;
    }

    private static Dictionary<string, int> Build(string units, params (int Value, string Word)[] tens)
    {
        var d = new Dictionary<string, int>(StringComparer.Ordinal);
        var i = 0;
        foreach (var w in units.Split(' '))
        {
            d[w] = i++;
        }
        foreach (var (value, word) in tens)
        {
            d[word] = value;
        }
        return d;
    }
}
