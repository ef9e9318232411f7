using System.Text;

namespace Attune.Cli.Rendering;

/// <summary>Enum names as people read them: <c>LifeEvent</c> → "life event".</summary>
internal static class Names
{
    public static string Words<T>(T value)
        where T : struct, Enum
    {
        var name = value.ToString();
        var words = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                words.Append(' ');
            }
            words.Append(char.ToLowerInvariant(name[i]));
        }
        return words.ToString();
    }
}
