namespace Attune.Cli.Training;

/// <summary>Placeholder: training of the sentiment lexicon is written by another helper and merged by the lead.</summary>
internal static class SentimentTraining
{
    internal static int Run(string dataDir, string outPath, TextWriter log)
    {
        _ = dataDir;
        _ = outPath;
        log.WriteLine("sentiment training is not built yet");
        return 1;
    }
}
