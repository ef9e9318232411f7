using System.Buffers;
using System.Collections.Immutable;
using Attune.Core.Listening.Emotions;
using Attune.Core.Text;

namespace Attune.Core.Listening.Sentiment;

/// <summary>Scores a message's overall feeling from the lexicon and the rules: negation, boosters and dampeners,
/// contrast, capitals, exclamation and question marks, elongation, emoji, emoticons, irony and sarcasm markers.</summary>
internal sealed class SentimentAnalyzer(SentimentLexicon lexicon, SentimentSettings? settings = null)
{
    private static readonly SentimentEntry ContractedNegator = new("n't", SentimentRole.Negator, 0, SentimentTags.None);
    private const string ModelCue = "sentiment.model";
    private static readonly SentimentReading Nothing = new(0, 0, 0, 1, SentimentLabel.Neutral, []);
    // "Loving Mondays #not": on social media these hashtags mark what came before as sarcasm.
    private static readonly SentimentEntry SarcasmHashtag = new("#sarcasm", SentimentRole.Valence, -1.0, SentimentTags.Sarcasm | SentimentTags.Fixed);

    private readonly SentimentLexicon _lexicon = lexicon;
    private readonly SentimentSettings _s = settings ?? SentimentSettings.Default;
    private readonly SentimentEntry _laughter = new("laughter", SentimentRole.Valence, lexicon.Word("hahaha")?.Value ?? 1.8, SentimentTags.Fixed);

    /// <summary>Reads the message's feeling from the lexicon and rules; the learned model's <paramref name="tilt"/>
    /// (P(positive) - P(negative), -1..1) takes <see cref="SentimentSettings.ModelWeight"/> of the compound when the
    /// lexicon found feeling.</summary>
    public SentimentReading Analyze(Document document, SentimentTilt tilt = default)
    {
        var n = document.Tokens.Length;
        if (n == 0)
        {
            return Nothing;
        }
        var modifiers = ArrayPool<SentimentEntry?>.Shared.Rent(n);
        var items = ArrayPool<SentimentItem>.Shared.Rent(n);
        var clause = ArrayPool<double>.Shared.Rent(n);
        try
        {
            return Score(document, modifiers, items, clause, tilt);
        }
        finally
        {
            ArrayPool<SentimentEntry?>.Shared.Return(modifiers, clearArray: true);
            ArrayPool<SentimentItem>.Shared.Return(items, clearArray: true);
            ArrayPool<double>.Shared.Return(clause);
        }
    }

    private SentimentReading Score(Document document, SentimentEntry?[] modifiers, SentimentItem[] items, double[] clause, SentimentTilt tilt)
    {
        var tokens = document.Tokens;
        var n = tokens.Length;
        int count = 0, units = 0, sentimentUnits = 0, exclamations = 0, questions = 0, capsWords = 0, lowerWords = 0;
        var lastContrast = -1;
        for (var i = 0; i < n;)
        {
            ref readonly var t = ref tokens[i];
            clause[i] = 1;
            if (t.IsWord && t.NormLength >= 2)
            {
                if (t.Has(TokenFlags.AllCaps))
                {
                    capsWords++;
                }
                else
                {
                    lowerWords++;
                }
            }
            if (t.Kind is TokenKind.Word or TokenKind.Emoji or TokenKind.Emoticon)
            {
                units++;
            }
            else if (t.Kind == TokenKind.Punctuation && t.Length == 1)
            {
                var c = document.Text[t.Start];
                exclamations += c == '!' ? 1 : 0;
                questions += c == '?' ? 1 : 0;
            }

            var (entry, last) = Find(document, i);
            if (entry is null)
            {
                i++;
                continue;
            }
            for (var k = i + 1; k <= last; k++)
            {
                clause[k] = 1;
                units += tokens[k].Kind is TokenKind.Word or TokenKind.Emoji or TokenKind.Emoticon ? 1 : 0;
            }
            if (entry.Role == SentimentRole.Valence)
            {
                // Zero entries exist to block a learned or shorter match ("i'd like"); they carry nothing.
                if (entry.Value == 0 || Math.Abs(entry.Value) < _s.IgnoreBelow)
                {
                    i = last + 1;
                    continue;
                }
                items[count++] = new SentimentItem { First = i, Last = last, NegatorAt = -1, Entry = entry, Weight = entry.Value };
                sentimentUnits += last - i + 1;
            }
            else
            {
                modifiers[last] = entry;
                if (entry.Role == SentimentRole.Contrast)
                {
                    lastContrast = last;
                }
            }
            i = last + 1;
        }
        if (count == 0)
        {
            return Nothing;
        }

        ApplyContrast(tokens, modifiers, clause, lastContrast);
        var shouting = capsWords > 0 && lowerWords > 0;
        var sarcastic = false;
        var complaint = false;
        for (var k = 0; k < count; k++)
        {
            ref var item = ref items[k];
            item.Weight = Weigh(document, modifiers, ref item, k == 0 ? -1 : items[k - 1].Last, shouting) * clause[item.First];
            sarcastic |= item.Entry.Has(SentimentTags.Sarcasm);
            complaint |= item.Weight < 0 && !item.Entry.Has(SentimentTags.Ironic);
        }

        double sum = 0, positive = 0, negative = 0, strongestPositive = 0, strongestNegative = 0;
        for (var k = 0; k < count; k++)
        {
            ref var item = ref items[k];
            if (item.Weight > 0 && item.Entry.Has(SentimentTags.Ironic) && (complaint || sarcastic))
            {
                item.Weight = -item.Weight;
            }
            else if (item.Weight > 0 && sarcastic && !item.Entry.Has(SentimentTags.Sarcasm))
            {
                item.Weight *= _s.SarcasticPraise;
            }
            var w = item.Weight;
            sum += w;
            if (w > 0)
            {
                positive += w;
                strongestPositive = Math.Max(strongestPositive, w);
            }
            else
            {
                negative -= w;
                strongestNegative = Math.Max(strongestNegative, -w);
            }
        }

        if (sum != 0)
        {
            var marks = Math.Min(exclamations, _s.MaxMarks) * _s.Exclamation
                + Math.Clamp(questions - 1, 0, _s.MaxMarks) * _s.Question;
            sum += Math.Sign(sum) * marks;
        }
        var compound = Math.Clamp(sum / Math.Sqrt(sum * sum + _s.Alpha), -1, 1);
        // The learned model reads the whole message; it refines the lexicon's verdict, it never invents feeling.
        var model = _s.ModelWeight * Math.Clamp(tilt.Value, -1, 1);
        compound = Math.Clamp(((1 - _s.ModelWeight) * compound) + model, -1, 1);
        var neutral = units == 0 ? 0 : Math.Clamp((units - sentimentUnits) / (double)units, 0, 1);
        var felt = positive + negative;
        var positiveShare = felt == 0 ? 0 : (1 - neutral) * positive / felt;
        var negativeShare = felt == 0 ? 0 : (1 - neutral) * negative / felt;
        if (felt == 0)
        {
            neutral = 1;
        }

        var label = compound >= _s.NeutralBand ? SentimentLabel.Positive
            : compound <= -_s.NeutralBand ? SentimentLabel.Negative
            : SentimentLabel.Neutral;
        if (strongestPositive >= _s.MixedStrong && strongestNegative >= _s.MixedStrong
            && Math.Min(positive, negative) >= _s.MixedBalance * Math.Max(positive, negative))
        {
            label = SentimentLabel.Mixed;
        }

        return new SentimentReading(compound, positiveShare, negativeShare, neutral, label, Evidence(document, items, count, model, tilt));
    }

    /// <summary>The longest phrase starting at token <paramref name="i"/>, else the token's own entry.</summary>
    private (SentimentEntry? Entry, int Last) Find(Document document, int i)
    {
        var tokens = document.Tokens;
        ref readonly var t = ref tokens[i];
        if (t.Kind is TokenKind.Number or TokenKind.Url or TokenKind.Mention)
        {
            return (null, i);
        }
        var norm = document.Norm(i);
        if (t.Has(TokenFlags.Hashtag) && norm is "not" or "sarcasm" or "sarcastic" or "irony")
        {
            return (SarcasmHashtag, i);
        }
        var entry = _lexicon.Find(norm, out var phrases);
        foreach (var phrase in phrases)
        {
            var words = phrase.Tokens;
            if (i + words.Length > tokens.Length)
            {
                continue;
            }
            var match = true;
            for (var k = 1; k < words.Length && match; k++)
            {
                match = document.Norm(i + k).SequenceEqual(words[k]);
            }
            if (match)
            {
                return (phrase.Entry, i + words.Length - 1);
            }
        }
        if (t.Kind == TokenKind.Punctuation || t.Kind == TokenKind.Symbol)
        {
            return (null, i);
        }

        if (entry is null && t.Kind == TokenKind.Emoji && norm.Length <= 32)
        {
            Span<char> buffer = stackalloc char[norm.Length];
            var stripped = buffer[..SentimentLexicon.StripEmoji(norm, buffer)];
            entry = _lexicon.Word(stripped);
            // A zero-width-joined sequence ("🤦‍♀️", "❤️‍🔥") feels like the emoji it starts with.
            var joiner = stripped.IndexOf('\u200D');
            if (entry is null && joiner > 0)
            {
                entry = _lexicon.Word(stripped[..joiner]);
            }
        }
        if (entry is null && t.Has(TokenFlags.Elongated) && norm.Length <= 64)
        {
            entry = Unelongated(norm);
        }
        if (entry is null && t.IsWord && norm.EndsWith("n't", StringComparison.Ordinal))
        {
            entry = ContractedNegator;
        }
        // Laughter and doubled last letters read as the authored word, over any learned entry for that spelling.
        if (t.IsWord && (entry is null || entry.Has(SentimentTags.Learned)))
        {
            entry = IsLaughter(norm) ? _laughter : DoubledEnd(norm) ?? entry;
        }
        return (entry, i);
    }

    /// <summary>Written laughter of any length: "hahahah", "ahahaha", "hehehe", "bwahaha", "lolol".</summary>
    internal static bool IsLaughter(ReadOnlySpan<char> norm)
    {
        if (norm.StartsWith("bw") || norm.StartsWith("mw"))
        {
            norm = norm[2..];
        }
        if (norm.Length < 4)
        {
            return false;
        }
        var consonant = norm[0] is 'l' or 'o' ? 'l' : 'h';
        var vowel = '\0';
        var consonants = 0;
        for (var k = 0; k < norm.Length; k++)
        {
            var c = norm[k];
            var isConsonant = c == consonant;
            if (k > 0 && isConsonant == (norm[k - 1] == consonant))
            {
                return false;
            }
            if (isConsonant)
            {
                consonants++;
                continue;
            }
            vowel = vowel == '\0' ? c : vowel;
            if (c != vowel || (consonant == 'l' ? c != 'o' : c is not ('a' or 'e' or 'i')))
            {
                return false;
            }
        }
        return consonants >= 2 && norm.Length - consonants >= 2 && (consonant == 'h' || norm[^1] == 'l');
    }

    // "yayy", "sadd", "lovee": a doubled last letter is emphasis when the word without it is an authored feeling word.
    private SentimentEntry? DoubledEnd(ReadOnlySpan<char> norm)
    {
        if (norm.Length < 4 || norm[^1] != norm[^2] || !char.IsLetter(norm[^1]))
        {
            return null;
        }
        return _lexicon.Word(norm[..^1]) is { Role: SentimentRole.Valence } entry && !entry.Has(SentimentTags.Learned) ? entry : null;
    }

    // The normal form keeps two letters of an elongation ("happyy"); try it with one.
    private SentimentEntry? Unelongated(ReadOnlySpan<char> norm)
    {
        Span<char> buffer = stackalloc char[norm.Length];
        for (var j = norm.Length - 1; j > 0; j--)
        {
            if (norm[j] != norm[j - 1] || !char.IsLetter(norm[j]))
            {
                continue;
            }
            norm[..j].CopyTo(buffer);
            norm[(j + 1)..].CopyTo(buffer[j..]);
            var entry = _lexicon.Word(buffer[..(norm.Length - 1)]);
            if (entry is not null)
            {
                return entry;
            }
        }
        return null;
    }

    private static void ApplyContrast(Token[] tokens, SentimentEntry?[] modifiers, double[] clause, int lastContrast)
    {
        var n = tokens.Length;
        if (lastContrast >= 0)
        {
            var after = modifiers[lastContrast]!.Value;
            for (var k = 0; k < n; k++)
            {
                clause[k] *= k < lastContrast ? 2 - after : after;
            }
        }
        for (var c = 0; c < n; c++)
        {
            if (modifiers[c] is not { Role: SentimentRole.Concessive } concessive)
            {
                continue;
            }
            // The conceded clause runs to the next comma, semicolon or sentence end; the rest of the sentence weighs more.
            var k = c + 1;
            while (k < n && tokens[k].Sentence == tokens[c].Sentence && !IsClauseBreak(tokens[k], modifiers[k]))
            {
                clause[k++] *= 2 - concessive.Value;
            }
            while (k < n && tokens[k].Sentence == tokens[c].Sentence)
            {
                clause[k++] *= concessive.Value;
            }
        }
    }

    private static bool IsClauseBreak(in Token token, SentimentEntry? modifier) =>
        (token.Kind == TokenKind.Punctuation && token.Length == 1) || modifier is { Role: SentimentRole.Contrast };

    private double Weigh(Document document, SentimentEntry?[] modifiers, ref SentimentItem item, int previousItem, bool shouting)
    {
        var tokens = document.Tokens;
        var v = item.Entry.Value;
        if (item.Entry.Has(SentimentTags.Learned))
        {
            v *= _s.LearnedWeight;
        }

        // Look back a few words within the clause for negators and boosters.
        var boost = 0.0;
        var negatorAt = -1;
        var distance = 0;
        for (var j = item.First - 1; j >= 0 && distance < _s.Scope; j--)
        {
            ref readonly var t = ref tokens[j];
            if (t.Sentence != tokens[item.First].Sentence)
            {
                break;
            }
            if (t.Kind == TokenKind.Punctuation)
            {
                var p = document.Text[t.Start];
                if (p is ',' or ';' or ':' or '.' or '!' or '?')
                {
                    break;
                }
                continue;
            }
            var m = modifiers[j];
            if (m is { Role: SentimentRole.Contrast or SentimentRole.Concessive })
            {
                break;
            }
            if (m is { Role: SentimentRole.Negator } && negatorAt < 0)
            {
                if (!IsComparative(document, j))
                {
                    negatorAt = j;
                }
            }
            else if (m is { Role: SentimentRole.Booster })
            {
                boost += m.Value * (1 - _s.BoosterFade * distance);
            }
            distance++;
        }

        v *= Math.Max(0, 1 + boost);
        ref readonly var word = ref tokens[item.First];
        if (shouting && word.Has(TokenFlags.AllCaps))
        {
            v *= _s.Caps;
        }
        if (word.Has(TokenFlags.Elongated))
        {
            v *= _s.Elongation;
        }
        // Emoji, emoticons and interjections say how the writer feels whatever the words around them.
        // A negator is spent on the first feeling word after it: "don't like the slow service" keeps "slow" negative.
        if (_s.NegateFirstOnly && negatorAt >= 0 && previousItem > negatorAt)
        {
            negatorAt = -1;
        }
        if (negatorAt >= 0 && word.Kind == TokenKind.Word && !item.Entry.Has(SentimentTags.Fixed))
        {
            item.NegatorAt = negatorAt;
            v = v > 0
                ? item.Entry.Has(SentimentTags.Expectation) ? Math.Min(_s.NegatedExpectation * (1 + boost), -v) : v * _s.NegatedPositive
                : v * _s.NegatedNegative;
        }
        return v;
    }

    // "never been so happy", "nothing better": the negator compares rather than denies.
    private static bool IsComparative(Document document, int negator)
    {
        var next = negator + 1;
        if (next < document.Tokens.Length && document.Norm(next) is "been")
        {
            next++;
        }
        if (next >= document.Tokens.Length)
        {
            return false;
        }
        var word = document.Norm(next);
        var norm = document.Norm(negator);
        if (norm is "couldn't" or "couldnt" || (norm is "not" && negator > 0 && document.Norm(negator - 1) is "could"))
        {
            return CouldNotBeMore(document, next);
        }
        return norm switch
        {
            "never" => word is "so" or "this" or "that" or "as",
            "nothing" => word is "better" or "more",
            _ => false,
        };
    }

    // "couldn't be happier", "could not have been worse", "couldnt get any better": the limit of the comparative.
    private static bool CouldNotBeMore(Document document, int next)
    {
        var n = document.Tokens.Length;
        var verb = false;
        while (next < n && document.Norm(next) is "be" or "been" or "have" or "get" or "feel" or "possibly" or "any" or "ask" or "for" or "a")
        {
            verb |= document.Norm(next) is "be" or "been" or "get" or "feel" or "ask";
            next++;
        }
        if (!verb || next >= n || !document.Tokens[next].IsWord)
        {
            return false;
        }
        var word = document.Norm(next);
        return word is "more" or "less" or "better" or "worse" || (word.Length > 4 && word.EndsWith("er", StringComparison.Ordinal));
    }

    private static ImmutableArray<Evidence> Evidence(Document document, SentimentItem[] items, int count, double model, SentimentTilt tilt)
    {
        var evidence = new Evidence[count + 1];
        var kept = 0;
        for (var k = 0; k < count; k++)
        {
            ref readonly var item = ref items[k];
            if (item.Weight == 0)
            {
                continue;
            }
            var negated = item.NegatorAt >= 0;
            evidence[kept++] = document.Evidence(
                negated ? item.NegatorAt : item.First,
                item.Last,
                negated ? item.Entry.NegatedCue : item.Entry.Cue,
                Math.Round(item.Weight, 2));
        }
        Array.Sort(evidence, 0, kept, StrongestFirst.Instance);
        // The model's share (in compound points, not valence points) comes last, on the words that pushed it most.
        if (Math.Round(model, 2) != 0 && tilt.First >= 0)
        {
            evidence[kept++] = document.Evidence(tilt.First, tilt.Last, ModelCue, Math.Round(model, 2));
        }
        return ImmutableArray.Create(evidence, 0, kept);
    }

    private sealed class StrongestFirst : IComparer<Evidence>
    {
        public static readonly StrongestFirst Instance = new();

        public int Compare(Evidence? x, Evidence? y)
        {
            var byWeight = Math.Abs(y!.Weight).CompareTo(Math.Abs(x!.Weight));
            return byWeight != 0 ? byWeight : x.Span.Start.CompareTo(y.Span.Start);
        }
    }
}
