using Attune.Core.Text;

namespace Attune.Core.Listening.Emotions.Training;

/// <summary>What training produced: the model and its F1 per head on the tuning (dev) data at the tuned thresholds.</summary>
internal sealed record EmotionTrainingResult(EmotionModelData Model, double[] DevF1);

/// <summary>Trains the one-vs-rest logistic regression of the emotion model: AdaGrad over hashed features, one pass
/// order per epoch from a seeded shuffle, single-threaded, so the same data always gives the same model.</summary>
internal static class EmotionTrainer
{
    public static EmotionTrainingResult Train(
        IReadOnlyList<EmotionExample> train,
        IReadOnlyList<EmotionExample> dev,
        EmotionTrainingOptions options,
        Action<string>? log = null)
    {
        const int H = EmotionHeads.Count;
        var trainHashes = Featurize(train, options.Scheme);
        var counts = new Dictionary<uint, int>();
        foreach (var hashes in trainHashes)
        {
            foreach (var hash in hashes)
            {
                counts[hash] = counts.GetValueOrDefault(hash) + 1;
            }
        }
        var kept = counts.Where(p => p.Value >= options.MinCount).Select(p => p.Key).Order().ToArray();
        var rows = new Dictionary<uint, int>(kept.Length);
        for (var r = 0; r < kept.Length; r++)
        {
            rows[kept[r]] = r;
        }
        log?.Invoke($"{train.Count} training messages, {counts.Count} distinct features, {kept.Length} kept (seen ≥ {options.MinCount} times)");

        var examples = trainHashes.Select(h => ToRows(h, rows)).ToArray();
        var w = new double[kept.Length * H];
        var gw = new double[kept.Length * H];
        var b = new double[H];
        var gb = new double[H];
        var order = new int[examples.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }
        var average = new double[w.Length];
        var averageBias = new double[H];
        var averaged = 0;
        var l2 = new double[H];
        var rate = new double[H];
        var positiveWeight = new double[H];
        for (var h = 0; h < H; h++)
        {
            var group = h >= EmotionHeads.EmotionCount || h == (int)Emotion.Neutral;
            l2[h] = group ? options.GroupL2 : options.L2;
            rate[h] = group ? options.GroupLearningRate : options.LearningRate;
            var positives = Math.Max(1, train.Count(e => e.Has(h)));
            positiveWeight[h] = Math.Pow((double)(train.Count - positives) / positives, group ? 0 : options.PositiveWeight);
        }
        for (var run = 0; run < options.Runs; run++)
        {
            // Each run starts afresh with its own shuffling; the snapshots of all runs are averaged together.
            Array.Clear(w);
            Array.Clear(gw);
            Array.Clear(b);
            Array.Clear(gb);
            var random = new SplitMix64(options.Seed + (ulong)run);
            for (var epoch = 0; epoch < options.Epochs; epoch++)
            {
                random.Shuffle(order);
                var loss = 0.0;
                foreach (var index in order)
                {
                    var features = examples[index];
                    var labels = train[index].Heads;
                    for (var h = 0; h < H; h++)
                    {
                        var z = b[h];
                        foreach (var r in features)
                        {
                            z += w[(r * H) + h];
                        }
                        var p = 1 / (1 + Math.Exp(-z));
                        var y = (labels & (1 << h)) != 0 ? 1.0 : 0.0;
                        loss -= y > 0 ? Math.Log(p + 1e-12) : Math.Log(1 - p + 1e-12);
                        var g = y > 0 ? (p - 1) * positiveWeight[h] : p;
                        gb[h] += g * g;
                        b[h] -= rate[h] * g / Math.Sqrt(gb[h] + 1e-8);
                        foreach (var r in features)
                        {
                            var k = (r * H) + h;
                            var gk = g + (l2[h] * w[k]);
                            gw[k] += gk * gk;
                            w[k] -= rate[h] * gk / Math.Sqrt(gw[k] + 1e-8);
                        }
                    }
                }
                if (epoch + 1 >= options.AverageFrom)
                {
                    averaged++;
                    for (var h = 0; h < H; h++)
                    {
                        averageBias[h] += (b[h] - averageBias[h]) / averaged;
                    }
                    for (var k = 0; k < w.Length; k++)
                    {
                        average[k] += (w[k] - average[k]) / averaged;
                    }
                }
                log?.Invoke($"run {run + 1}/{options.Runs} epoch {epoch + 1}/{options.Epochs}: mean loss per head {loss / (examples.Length * H):0.0000}");
            }
        }

        // Quantise first, so the thresholds are tuned on exactly the weights that ship.
        var weights = new sbyte[w.Length];
        for (var k = 0; k < w.Length; k++)
        {
            weights[k] = (sbyte)Math.Clamp(Math.Round((averaged > 0 ? average[k] : w[k]) * options.Scale), -127, 127);
        }
        var bias = (averaged > 0 ? averageBias : b).Select(v => Math.Round(v, 4)).ToArray();
        var thresholds = Enumerable.Repeat(0.5, H).ToArray();
        var table = new FeatureTable(kept);
        var probe = new EmotionModelData(options.Scheme, table, weights, options.Scale, bias, thresholds);
        var probabilities = Probabilities(probe, dev);
        var devF1 = new double[H];
        var truth = new bool[dev.Count];
        for (var h = 0; h < H; h++)
        {
            for (var i = 0; i < dev.Count; i++)
            {
                truth[i] = dev[i].Has(h);
            }
            (thresholds[h], devF1[h]) = ThresholdTuner.Tune(probabilities[h], truth);
        }
        return new EmotionTrainingResult(new EmotionModelData(options.Scheme, table, weights, options.Scale, bias, thresholds), devF1);
    }

    /// <summary>Per head, the uncalibrated probability of each example under <paramref name="model"/> (threshold 0.5
    /// means these are the raw model probabilities).</summary>
    public static double[][] Probabilities(EmotionModelData model, IReadOnlyList<EmotionExample> examples)
    {
        var result = new double[EmotionHeads.Count][];
        for (var h = 0; h < result.Length; h++)
        {
            result[h] = new double[examples.Count];
        }
        var hashes = Featurize(examples, model.Scheme);
        for (var i = 0; i < examples.Count; i++)
        {
            for (var h = 0; h < EmotionHeads.Count; h++)
            {
                var z = model.Bias[h];
                foreach (var hash in hashes[i])
                {
                    if (model.TryRow(hash, out var r))
                    {
                        z += model.Weight(r, h);
                    }
                }
                result[h][i] = 1 / (1 + Math.Exp(-z));
            }
        }
        return result;
    }

    private static uint[][] Featurize(IReadOnlyList<EmotionExample> examples, EmotionFeatureScheme scheme)
    {
        var result = new uint[examples.Count][];
        var buffer = new FeatureHit[256];
        for (var i = 0; i < examples.Count; i++)
        {
            var document = TextPreparer.Prepare(examples[i].Text);
            var max = EmotionFeatures.MaxFeatures(document.Tokens.Length);
            if (buffer.Length < max)
            {
                buffer = new FeatureHit[max];
            }
            var n = EmotionFeatures.Extract(document, scheme, buffer);
            var hashes = new uint[n];
            for (var k = 0; k < n; k++)
            {
                hashes[k] = buffer[k].Hash;
            }
            result[i] = hashes;
        }
        return result;
    }

    private static int[] ToRows(uint[] hashes, Dictionary<uint, int> rows)
    {
        var result = new List<int>(hashes.Length);
        foreach (var hash in hashes)
        {
            if (rows.TryGetValue(hash, out var r))
            {
                result.Add(r);
            }
        }
        return [.. result];
    }
}
