namespace Attune.Bench;

/// <summary>Placeholder until the coaching benchmark is written (the coaching helper replaces this file).</summary>
internal static class CoachBench
{
    public static int Run(string[] args)
    {
        _ = args;
        Console.WriteLine("coach benchmark not built yet");
        return 0;
    }
}
