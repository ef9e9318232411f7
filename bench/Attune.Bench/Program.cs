Console.WriteLine("Attune benchmarks: see bench/README.md");
