namespace Attune.Core.Listening.Sentiment;

/// <summary>What a lexicon entry does: carries valence itself, or changes the valence of the words near it.</summary>
internal enum SentimentRole : byte
{
    /// <summary>A sentiment-bearing word, phrase, emoji or emoticon; value = valence -4..+4.</summary>
    Valence,
    /// <summary>Flips the sentiment of the next few words ("not", "never", "without"); value unused.</summary>
    Negator,
    /// <summary>Scales the next sentiment word by 1 + value; value -1..+1 (boosters &gt; 0, dampeners &lt; 0).</summary>
    Booster,
    /// <summary>Shifts weight to what follows ("but", "however"); value = weight after (1..2), before = 2 - value.</summary>
    Contrast,
    /// <summary>Concedes the clause it opens ("although"): that clause weighs 2 - value, the rest of the sentence value (1..2).</summary>
    Concessive,
}

/// <summary>Extra behaviour of a valence entry.</summary>
[Flags]
internal enum SentimentTags : byte
{
    None = 0,
    /// <summary>Learned from data (GoEmotions train) rather than authored.</summary>
    Learned = 1,
    /// <summary>Something the customer expects to happen ("fixed", "arrived"): mild alone, clearly negative when negated.</summary>
    Expectation = 2,
    /// <summary>Praise that turns sour next to a complaint ("oh great", "just perfect").</summary>
    Ironic = 4,
    /// <summary>A sarcasm marker ("yeah right", "/s"): praise elsewhere in the message counts against.</summary>
    Sarcasm = 8,
    /// <summary>Not reversed by a negator: interjections and thanks ("lol", "thank you").</summary>
    Fixed = 16,
}

/// <summary>One lexicon entry. <paramref name="Key"/> is the normal form of a word or, for a phrase, its tokens'
/// normal forms joined by spaces.</summary>
internal sealed record SentimentEntry(string Key, SentimentRole Role, double Value, SentimentTags Tags)
{
    public string Cue { get; } = "sentiment." + Key;

    public string NegatedCue { get; } = "sentiment.not." + Key;

    public bool Has(SentimentTags tag) => (Tags & tag) != 0;
}

/// <summary>A multi-token entry: the normal forms of its tokens, in order.</summary>
internal sealed record SentimentPhrase(string[] Tokens, SentimentEntry Entry);
