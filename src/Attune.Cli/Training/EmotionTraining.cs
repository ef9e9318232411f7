namespace Attune.Cli.Training;

/// <summary>Placeholder: training of the emotion model is written by another helper and merged by the lead.</summary>
internal static class EmotionTraining
{
    internal static int Run(string dataDir, string outPath, TextWriter log)
    {
        _ = dataDir;
        _ = outPath;
        log.WriteLine("emotion training is not built yet");
        return 1;
    }
}
