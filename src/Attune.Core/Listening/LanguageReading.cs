namespace Attune.Core.Listening;

/// <summary>The language of a message.</summary>
/// <param name="Code">ISO 639-1 code ("en", "es", "ja", …), or "und" when it cannot be told: empty text, only numbers,
/// emoji or words of no language ("ok"), or letters of a script Attune does not name.</param>
/// <param name="IsSupported">True when Attune reads this language: English, and "und" text with no language evidence
/// either way (emoji, "ok", numbers). False when another language (or script) makes up most of the message; then the
/// other signals are empty and the sentiment is <see cref="SentimentLabel.Unread"/>, not a neutral English score.</param>
/// <param name="Confidence">0–1: how sure the guess is: the share of the message's letters (other scripts) or
/// function-word weight (Latin-script languages) that points to <paramref name="Code"/>; 0 for "und" with no letters
/// or no function words, 0.5 = a coin toss between two languages.</param>
public sealed record LanguageReading(string Code, bool IsSupported, double Confidence);
