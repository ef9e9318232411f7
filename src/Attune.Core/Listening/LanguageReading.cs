namespace Attune.Core.Listening;

/// <summary>The language of a message.</summary>
/// <param name="Code">ISO 639-1 code ("en", "es", "ja", …), or "und" when it cannot be told (empty text, only numbers or emoji).</param>
/// <param name="IsSupported">True when Attune reads this language (English). When false, the other signals are empty
/// and the sentiment is <see cref="SentimentLabel.Unread"/>, not a neutral English score.</param>
/// <param name="Confidence">0–1: how sure the guess is (0.5 = a coin toss between two languages).</param>
public sealed record LanguageReading(string Code, bool IsSupported, double Confidence);
