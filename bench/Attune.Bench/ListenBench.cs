using System.Diagnostics;
using System.Globalization;
using Attune.Core.Listening;

namespace Attune.Bench;

/// <summary>`listen`: the full <see cref="Listener.Read(string)"/> on one thread over a fixed corpus (the texts of
/// the four VADER corpora and the GoEmotions test split), reporting messages/second and bytes allocated/message.</summary>
internal static class ListenBench
{
    private static readonly string[] VaderCorpora = ["tweets", "movieReviewSnippets", "amazonReviewSnippets", "nytEditorialSnippets"];

    public static int Run(string[] args)
    {
        BenchArgs options;
        List<string> texts;
        try
        {
            options = BenchArgs.Parse(args);
            texts = LoadCorpus(options.DataDir);
        }
        catch (Exception e) when (e is ArgumentException or IOException)
        {
            Console.Error.WriteLine($"listen: {e.Message}");
            return 2;
        }
        var characters = texts.Sum(t => (long)t.Length);
        Console.WriteLine($"Attune listen benchmark: Listener.Read on one thread, {options.Rounds} rounds after warm-up");
        Console.WriteLine($"corpus: {texts.Count} texts ({characters} characters, {characters / (double)texts.Count:0} per text) from {options.DataDir}");

        var listener = Listener.Default;
        // Warm-up: lets tiered JIT and dynamic PGO settle before anything is measured.
        var checksum = 0.0;
        for (var w = 0; w < 3; w++)
        {
            checksum += ReadAll(listener, texts);
        }

        var rates = new List<double>();
        var microseconds = new List<double>();
        var bytes = new List<double>();
        for (var round = 1; round <= options.Rounds; round++)
        {
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            var clock = Stopwatch.StartNew();
            checksum += ReadAll(listener, texts);
            clock.Stop();
            allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
            rates.Add(texts.Count / clock.Elapsed.TotalSeconds);
            microseconds.Add(clock.Elapsed.TotalMicroseconds / texts.Count);
            bytes.Add(allocated / (double)texts.Count);
            Console.WriteLine($"round {round}: {rates[^1],10:0} msg/s  {microseconds[^1],7:0.00} µs/msg  {bytes[^1],8:0} B/msg");
        }

        var rate = Median(rates);
        Console.WriteLine($"messages/second: {rate:0} (median of {options.Rounds} rounds)");
        Console.WriteLine($"µs/message: {Median(microseconds):0.00}");
        Console.WriteLine($"bytes allocated/message: {Median(bytes):0}");
        Console.WriteLine($"(checksum {checksum:0.###})");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"RESULT msg_per_s={rate:0}"));
        return 0;
    }

    private static double ReadAll(Listener listener, List<string> texts)
    {
        var sum = 0.0;
        foreach (var text in texts)
        {
            sum += listener.Read(text).Sentiment.Compound;
        }
        return sum;
    }

    /// <summary>VADER files: id, mean rating, text (tab-separated, UTF-8 with BOM, CRLF); GoEmotions test.tsv: text first.</summary>
    public static List<string> LoadCorpus(string dataDir)
    {
        var texts = new List<string>();
        foreach (var corpus in VaderCorpora)
        {
            var path = Path.Combine(dataDir, "vader", corpus + "_GroundTruth.txt");
            foreach (var line in ReadLines(path))
            {
                var fields = line.Split('\t', 3);
                if (fields.Length == 3)
                {
                    texts.Add(fields[2]);
                }
            }
        }
        foreach (var line in ReadLines(Path.Combine(dataDir, "goemotions", "test.tsv")))
        {
            var fields = line.Split('\t');
            if (fields.Length >= 3)
            {
                texts.Add(fields[0]);
            }
        }
        return texts;
    }

    private static IEnumerable<string> ReadLines(string path) =>
        File.Exists(path) ? File.ReadLines(path) : throw new FileNotFoundException($"corpus file not found: {path} (give the data folder with --data DIR)", path);

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
