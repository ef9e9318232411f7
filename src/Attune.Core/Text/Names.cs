using System.Text;

namespace Attune.Core.Text;

/// <summary>Names as people read them: <c>LifeEvent</c> → "life event".</summary>
public static class Names
{
    /// <summary>A PascalCase name in lower-case words: a space before each capital after the first letter.</summary>
    /// <param name="pascal">A name such as <c>LowEmotionalResilience</c>; text already in words is returned lower-cased.</param>
    /// <returns>The words, e.g. "low emotional resilience".</returns>
    public static string Words(string pascal)
    {
        ArgumentNullException.ThrowIfNull(pascal);
        var words = new StringBuilder(pascal.Length + 4);
        for (var i = 0; i < pascal.Length; i++)
        {
            if (i > 0 && char.IsUpper(pascal[i]))
            {
                words.Append(' ');
            }
            words.Append(char.ToLowerInvariant(pascal[i]));
        }
        return words.ToString();
    }

    /// <summary>A count with its noun, singular for one: "1 problem", "3 problems".</summary>
    /// <param name="count">How many.</param>
    /// <param name="noun">The singular noun; its plural adds an "s".</param>
    /// <returns>The count and the noun, e.g. "2 conversations".</returns>
    public static string Count(int count, string noun) =>
        count == 1 ? $"1 {noun}" : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{count} {noun}s");

    /// <summary>An enum value's name in lower-case words (<see cref="Words(string)"/>).</summary>
    /// <typeparam name="T">The enum type.</typeparam>
    /// <param name="value">The value, e.g. <c>Characteristic.Bereavement</c>.</param>
    /// <returns>The words, e.g. "bereavement".</returns>
    public static string Words<T>(T value)
        where T : struct, Enum => Words(value.ToString());
}
