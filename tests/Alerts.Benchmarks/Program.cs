using Alerts.Benchmarks;

return args.Length > 0 && args[0] == "score" ? ScoreBenchmark.Run(args[1..])
    : args.Length > 0 && args[0] == "preview" ? await PreviewBenchmark.RunAsync(args[1..])
    : Usage();

static int Usage()
{
    Console.Error.WriteLine("usage: dotnet run -c Release --project tests/Alerts.Benchmarks -- score [--topics 1000,10000,100000] [--articles N]");
    Console.Error.WriteLine("       dotnet run -c Release --project tests/Alerts.Benchmarks -- preview [--articles 100000]");
    Console.Error.WriteLine("The whole pipeline: dotnet run -c Release --project src/Alerts.Cli -- bench pipeline");
    return 2;
}
