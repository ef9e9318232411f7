using Attune.Core.Listening;

namespace Attune.Core.Text;

/// <summary>Turns a raw message into the <see cref="Document"/> that is read.</summary>
internal static class TextPreparer
{
    public static Document Prepare(string original) =>
        new(original, original, null, 0, new TextInfo(original.Length, original.Length, false, false, false, false));
}
