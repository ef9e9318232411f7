namespace Attune.Bench;

/// <summary>The few options the benchmarks take: --data DIR and --rounds N.</summary>
internal sealed record BenchArgs(string DataDir, int Rounds)
{
    public const string DefaultDataDir = "/work/shared/data";

    public static BenchArgs Parse(string[] args)
    {
        var data = Environment.GetEnvironmentVariable("ATTUNE_DATA") ?? DefaultDataDir;
        var rounds = 5;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--data" when i + 1 < args.Length:
                    data = args[++i];
                    break;
                case "--rounds" when i + 1 < args.Length && int.TryParse(args[i + 1], out var r) && r > 0:
                    rounds = r;
                    i++;
                    break;
                default:
                    throw new ArgumentException($"unknown or incomplete option '{args[i]}'");
            }
        }
        return new BenchArgs(data, rounds);
    }
}
