using System.Globalization;
using Attune.Core.Listening.Emotions;
using Attune.Core.Listening.Emotions.Training;

namespace Attune.Cli.Evaluation;

/// <summary>One GoEmotions message: its text and the names of its labels.</summary>
internal sealed record GoEmotionsRow(string Text, IReadOnlyList<string> Labels);

/// <summary>Reads the GoEmotions files (text TAB label-ids TAB id; label names in emotions.txt; sentiment groups in
/// sentiment_dict.json) and maps them onto the emotion model's heads.</summary>
internal static class GoEmotionsCorpus
{
    public static readonly string[] Groups = ["positive", "negative", "ambiguous"];

    /// <summary>The GoEmotions folder: <paramref name="dataDir"/> itself, or its <c>goemotions/</c> subfolder when it
    /// is the parent of every data set.</summary>
    public static string Folder(string dataDir) =>
        !File.Exists(Path.Combine(dataDir, "emotions.txt")) && Directory.Exists(Path.Combine(dataDir, "goemotions"))
            ? Path.Combine(dataDir, "goemotions")
            : dataDir;

    public static string[] LabelNames(string dataDir)
    {
        var path = Path.Combine(dataDir, "emotions.txt");
        var names = File.ReadAllLines(path).Where(l => l.Length > 0).ToArray();
        return names.Length == 28 ? names : throw new InvalidDataException($"{path}: expected 28 label names, found {names.Length}.");
    }

    public static List<GoEmotionsRow> Read(string dataDir, string split)
    {
        var names = LabelNames(dataDir);
        var path = Path.Combine(dataDir, split + ".tsv");
        var rows = new List<GoEmotionsRow>();
        var line = 0;
        foreach (var text in File.ReadLines(path))
        {
            line++;
            var parts = text.Split('\t');
            if (parts.Length != 3)
            {
                throw new InvalidDataException($"{path} line {line}: expected 3 tab-separated fields, found {parts.Length}.");
            }
            var labels = new List<string>();
            foreach (var id in parts[1].Split(','))
            {
                if (!int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var k) || k >= names.Length)
                {
                    throw new InvalidDataException($"{path} line {line}: label id '{id}' is not a number from 0 to {names.Length - 1}.");
                }
                labels.Add(names[k]);
            }
            rows.Add(new GoEmotionsRow(parts[0], labels));
        }
        return rows;
    }

    /// <summary>Label name to sentiment group (positive, negative or ambiguous); neutral is in no group.</summary>
    public static Dictionary<string, string> SentimentGroups(string dataDir)
    {
        var path = Path.Combine(dataDir, "sentiment_dict.json");
        using var stream = File.OpenRead(path);
        var groups = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string[]>>(stream)
            ?? throw new InvalidDataException($"{path}: empty.");
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var group in Groups)
        {
            if (!groups.TryGetValue(group, out var labels))
            {
                throw new InvalidDataException($"{path}: no '{group}' group.");
            }
            foreach (var label in labels)
            {
                result[label] = group;
            }
        }
        return result;
    }

    /// <summary>The heads a row is true for: its covered emotions and its sentiment groups.</summary>
    public static EmotionExample ToExample(GoEmotionsRow row, Dictionary<string, string> groups)
    {
        var heads = 0;
        foreach (var label in row.Labels)
        {
            var h = Array.IndexOf(EmotionHeads.Names, label, 0, EmotionHeads.EmotionCount);
            if (h >= 0)
            {
                heads |= 1 << h;
            }
            if (groups.TryGetValue(label, out var group))
            {
                heads |= 1 << (EmotionHeads.EmotionCount + Array.IndexOf(Groups, group));
            }
        }
        return new EmotionExample(row.Text, heads);
    }
}
