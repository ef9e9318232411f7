using Attune.Core.Listening;

namespace Attune.Core.Text;

/// <summary>Tells the language of a message.</summary>
internal static class LanguageDetector
{
    public static LanguageReading Detect(Document document)
    {
        _ = document;
        return new LanguageReading("en", true, 1);
    }
}
