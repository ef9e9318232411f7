using System.Diagnostics;
using System.Globalization;
using System.Text;
using Attune.Cli.Evaluation;
using Attune.Core.Listening.Emotions;
using Attune.Core.Listening.Emotions.Training;

namespace Attune.Cli.Training;

/// <summary>`attune train emotions`: reads GoEmotions train and dev, trains the emotion model (pure code in Core),
/// tunes the thresholds on dev and writes the model file.</summary>
internal static class EmotionTraining
{
    public static int Run(string dataDir, string outPath, TextWriter log)
    {
        try
        {
            var watch = Stopwatch.StartNew();
            dataDir = GoEmotionsCorpus.Folder(dataDir);
            var groups = GoEmotionsCorpus.SentimentGroups(dataDir);
            var train = GoEmotionsCorpus.Read(dataDir, "train").Select(r => GoEmotionsCorpus.ToExample(r, groups)).ToList();
            var dev = GoEmotionsCorpus.Read(dataDir, "dev").Select(r => GoEmotionsCorpus.ToExample(r, groups)).ToList();
            var options = EmotionTrainingOptions.Default;
            var result = EmotionTrainer.Train(train, dev, options, log.WriteLine);
            var c = CultureInfo.InvariantCulture;
            for (var h = 0; h < EmotionHeads.Count; h++)
            {
                log.WriteLine(string.Create(c, $"dev {EmotionHeads.Names[h],-15} threshold {result.Model.Thresholds[h]:0.00}  F1 {result.DevF1[h]:0.000}"));
            }
            string[] comments =
            [
                "Attune emotion model: one-vs-rest logistic regression over hashed word features.",
                "Trained by `attune train emotions` on GoEmotions train, thresholds tuned on GoEmotions dev.",
                "Data: GoEmotions (Demszky et al. 2020, google-research/goemotions), Apache-2.0.",
                string.Create(c, $"Training: runs={options.Runs} epochs={options.Epochs} average-from={options.AverageFrom} lr={options.LearningRate} l2={options.L2} positive-weight={options.PositiveWeight} group-lr={options.GroupLearningRate} group-l2={options.GroupL2} min-count={options.MinCount} scale={options.Scale} seed={options.Seed}."),
                "Format: src/Attune.Core/Resources/listening/emotions-model.md",
            ];
            var text = EmotionModelFormat.Write(result.Model, comments);
            File.WriteAllText(outPath, text, new UTF8Encoding(false));
            log.WriteLine(string.Create(c, $"wrote {outPath}: {result.Model.RowCount} features, {text.Length / 1024} KiB, in {watch.Elapsed.TotalSeconds:0.0} s"));
            return 0;
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException or System.Text.Json.JsonException)
        {
            log.WriteLine($"error: {e.Message}");
            return 1;
        }
    }
}
