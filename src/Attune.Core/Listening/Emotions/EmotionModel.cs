using System.Buffers;
using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Attune.Core.Text;

namespace Attune.Core.Listening.Emotions;

/// <summary>Scores the emotions of a message with the trained one-vs-rest linear model (<see cref="EmotionModelData"/>).
/// Thread-safe: all state is read-only after construction.</summary>
internal sealed class EmotionModel(EmotionModelData data)
{
    private const int StackFeatures = 512;
    private const int MaxEvidence = 3;

    // Below a tenth of a log-odds point a word hardly moved the score: not worth showing as evidence.
    private const double MinEvidenceWeight = 0.1;

    private static readonly string[] Cues = [.. EmotionHeads.Names.Select(n => "emotions-model." + n)];

    private readonly EmotionModelData _data = data;

    /// <summary>One score per <see cref="Emotion"/>, in enum order. The model reads the words alone (not the sentiment
    /// lexicon), so it does not shift whenever the lexicon is edited. <paramref name="tilt"/> is its sentiment-group
    /// heads' verdict, computed in the same pass for the sentiment reading.</summary>
    public ImmutableArray<EmotionScore> Score(Document document, out SentimentTilt tilt)
    {
        var max = EmotionFeatures.MaxFeatures(document.Tokens.Length);
        FeatureHit[]? rented = null;
        var hits = max <= StackFeatures ? stackalloc FeatureHit[StackFeatures] : (rented = ArrayPool<FeatureHit>.Shared.Rent(max));
        try
        {
            Span<double> z = stackalloc double[EmotionHeads.Count];
            var matched = Logits(document, hits, z);
            tilt = Tilt(hits[..matched], z);
            var cues = ApplyCues(document, z);
            var scores = new EmotionScore[EmotionHeads.EmotionCount];
            for (var h = 0; h < scores.Length; h++)
            {
                var p = Sigmoid(z[h]);
                // Neutral is the absence of the others: no word "raises" it in a way worth showing.
                var evidence = p >= 0.5 && h != (int)Emotion.Neutral ? Evidence(document, hits[..matched], h, cues) : [];
                scores[h] = new EmotionScore((Emotion)h, p, evidence);
            }
            return ImmutableCollectionsMarshal.AsImmutableArray(scores);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<FeatureHit>.Shared.Return(rented);
            }
        }
    }

    // P(positive) - P(negative), and the feature that pushed most in that direction (its words are the evidence).
    private SentimentTilt Tilt(ReadOnlySpan<FeatureHit> hits, ReadOnlySpan<double> z)
    {
        var value = Sigmoid(z[EmotionHeads.Positive]) - Sigmoid(z[EmotionHeads.Negative]);
        var weights = _data.Weights.AsSpan();
        var sign = Math.Sign(value);
        int best = -1, bestPush = 0;
        for (var k = 0; k < hits.Length; k++)
        {
            var row = (int)hits[k].Hash * EmotionHeads.Count;
            var push = sign * (weights[row + EmotionHeads.Positive] - weights[row + EmotionHeads.Negative]);
            if (push > bestPush)
            {
                (best, bestPush) = (k, push);
            }
        }
        return best < 0 ? new SentimentTilt(value, -1, -1) : new SentimentTilt(value, hits[best].First, hits[best].Last);
    }

    /// <summary>The GoEmotions sentiment groups of a message, each a calibrated score in [0, 1] (present at ≥ 0.5).</summary>
    public SentimentGroupScores ScoreGroups(Document document)
    {
        var max = EmotionFeatures.MaxFeatures(document.Tokens.Length);
        FeatureHit[]? rented = null;
        var hits = max <= StackFeatures ? stackalloc FeatureHit[StackFeatures] : (rented = ArrayPool<FeatureHit>.Shared.Rent(max));
        try
        {
            Span<double> z = stackalloc double[EmotionHeads.Count];
            Logits(document, hits, z);
            return new SentimentGroupScores(
                Sigmoid(z[EmotionHeads.Positive]),
                Sigmoid(z[EmotionHeads.Negative]),
                Sigmoid(z[EmotionHeads.Ambiguous]),
                Sigmoid(z[(int)Emotion.Neutral]));
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<FeatureHit>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Fills <paramref name="z"/> with calibrated logits; leaves the known features (hash replaced by the row)
    /// at the start of <paramref name="hits"/> and returns their number.</summary>
    private int Logits(Document document, Span<FeatureHit> hits, Span<double> z)
    {
        var n = EmotionFeatures.Extract(document, _data.Scheme, hits);
        var weights = _data.Weights.AsSpan();
        Span<int> sums = stackalloc int[EmotionHeads.Count];
        sums.Clear();
        var matched = 0;
        for (var k = 0; k < n; k++)
        {
            var hit = hits[k];
            if (!_data.TryRow(hit.Hash, out var row))
            {
                continue;
            }
            var w = weights.Slice(row * EmotionHeads.Count, EmotionHeads.Count);
            for (var h = 0; h < EmotionHeads.Count; h++)
            {
                sums[h] += w[h];
            }
            hits[matched++] = hit with { Hash = (uint)row };
        }
        var scale = (double)_data.Scale;
        for (var h = 0; h < EmotionHeads.Count; h++)
        {
            z[h] = _data.CalibratedBias[h] + (sums[h] / scale);
        }
        return matched;
    }

    // Authored cues add their log-odds to the emotions; the matches are kept (rarely any) for the evidence.
    private List<(EmotionCue Cue, int Start)>? ApplyCues(Document document, Span<double> z)
    {
        var cues = _data.Cues;
        if (cues.Count == 0)
        {
            return null;
        }
        List<(EmotionCue, int)>? found = null;
        var tokens = document.Tokens;
        for (var i = 0; i < tokens.Length; i++)
        {
            if (!tokens[i].IsWord || cues.Match(document, i) is not { } cue)
            {
                continue;
            }
            foreach (var (emotion, weight) in cue.Effects)
            {
                z[(int)emotion] += weight;
            }
            (found ??= []).Add((cue, i));
            i += cue.Words.Length - 1;
        }
        return found;
    }

    // The tokens whose features added most to head h (a bigram's weight is shared between its two tokens), and the
    // authored cues that raised it, strongest first.
    private ImmutableArray<Evidence> Evidence(Document document, ReadOnlySpan<FeatureHit> hits, int head, List<(EmotionCue Cue, int Start)>? cues)
    {
        var model = ModelEvidence(document, hits, head);
        if (cues is null)
        {
            return model;
        }
        var all = new List<Evidence>(model);
        foreach (var (cue, start) in cues)
        {
            foreach (var (emotion, weight) in cue.Effects)
            {
                if ((int)emotion == head && weight > 0)
                {
                    var evidence = document.Evidence(start, start + cue.Words.Length - 1, cue.Id, weight);
                    // A word inside the cue's phrase says nothing the phrase does not.
                    all.RemoveAll(e => e.Span.Start >= evidence.Span.Start && e.Span.End <= evidence.Span.End);
                    all.Add(evidence);
                }
            }
        }
        return [.. all.OrderByDescending(e => e.Weight).Take(MaxEvidence)];
    }

    private ImmutableArray<Evidence> ModelEvidence(Document document, ReadOnlySpan<FeatureHit> hits, int head)
    {
        var tokens = document.Tokens;
        double[]? rented = null;
        var sums = tokens.Length <= StackFeatures ? stackalloc double[tokens.Length] : (rented = ArrayPool<double>.Shared.Rent(tokens.Length)).AsSpan(0, tokens.Length);
        sums.Clear();
        try
        {
            foreach (var hit in hits)
            {
                var w = _data.Weight((int)hit.Hash, head);
                if (hit.First == hit.Last)
                {
                    sums[hit.First] += w;
                }
                else
                {
                    sums[hit.First] += w / 2;
                    sums[hit.Last] += w / 2;
                }
            }
            Span<int> best = stackalloc int[MaxEvidence];
            var found = 0;
            for (; found < MaxEvidence; found++)
            {
                var top = -1;
                for (var i = 0; i < sums.Length; i++)
                {
                    if (sums[i] >= MinEvidenceWeight && tokens[i].Kind is TokenKind.Word or TokenKind.Emoji or TokenKind.Emoticon && (top < 0 || sums[i] > sums[top]))
                    {
                        top = i;
                    }
                }
                if (top < 0)
                {
                    break;
                }
                best[found] = top;
                sums[top] = -sums[top];
            }
            var result = new Evidence[found];
            for (var k = 0; k < found; k++)
            {
                result[k] = document.Evidence(best[k], best[k], Cues[head], Math.Round(-sums[best[k]], 3));
            }
            return ImmutableCollectionsMarshal.AsImmutableArray(result);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<double>.Shared.Return(rented);
            }
        }
    }

    private static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));
}

/// <summary>Calibrated scores (0–1, present at ≥ 0.5) of the GoEmotions sentiment groups.</summary>
internal readonly record struct SentimentGroupScores(double Positive, double Negative, double Ambiguous, double Neutral);

/// <summary>The model's sentiment verdict: <paramref name="Value"/> = P(positive) - P(negative) in [-1, 1], and the
/// tokens (<paramref name="First"/>..<paramref name="Last"/>, -1 when none) of the feature that pushed most toward it.</summary>
internal readonly record struct SentimentTilt(double Value, int First, int Last)
{
    public static SentimentTilt None { get; } = new(0, -1, -1);
}
