using Attune.Bench;

// One mode per file: `listen` (ListenBench.cs), `coach` (CoachBench.cs), `ingest` (IngestBench.cs), `routing` (RoutingBench.cs) and `pages` (PagesBench.cs); add a mode by adding a case.
var mode = args.Length > 0 ? args[0] : "";
return mode switch
{
    "listen" => ListenBench.Run(args[1..]),
    "coach" => CoachBench.Run(args[1..]),
    "ingest" => IngestBench.Run(args[1..]),
    "routing" => RoutingBench.Run(args[1..]),
    "pages" => PagesBench.Run(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: dotnet run -c Release --project bench/Attune.Bench -- listen|coach|ingest|routing|pages [--data DIR] [--rounds N]   (see bench/README.md)");
    return 2;
}
