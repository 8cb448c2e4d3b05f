using Cairn.Bench;
using Cairn.Bench.Generation;

// Usage:
//   generate --db PATH [--people N] [--entries N] [--busiest N] [--postcodes ONS_FILE]
//   generate-shares --db PATH [--shares N] [--due N]   (adds open shares to a generated database)
//   generate-casework --db PATH [--children N] [--plans N] [--assessments N]   (adds plans and assessments to a generated database)
//   generate-meetings --db PATH [--protection N] [--looked-after N]   (adds statutory meetings to a database with casework)
//   generate-placements --db PATH [--settings N] [--dangers N]   (adds a placement register, residents and a referral to match)
//   run --db PATH [BenchmarkDotNet options, e.g. --filter *Search*]
//   load --db PATH [--seconds 8] [WORD…]   (casework cases under 1, 2, 4 and 8 concurrent callers)
//   trace --db PATH [--repeat N] [WORD…]   (each case once, or those whose name holds a word, with every SQL command and its time)
//   matching [--seconds 5] [BenchmarkDotNet options]   (placement matching, no database: BenchmarkDotNet, then 1, 2 and 8 callers)
//   rules --db PATH [--repeat N] [--skip-full] [--trace-sql] [--in-place]   (concern rules: the whole area twice, then one entry at a time, on a copy)
var command = args.Length > 0 ? args[0] : "";
var options = BenchOptions.Parse(args.Length > 0 ? args[1..] : []);
switch (command)
{
    case "generate":
        return await Generator.RunAsync(options);
    case "generate-shares":
        return await SharesGenerator.RunAsync(options);
    case "generate-casework":
        return await CaseworkGenerator.RunAsync(options);
    case "generate-meetings":
        return await MeetingsGenerator.RunAsync(options);
    case "generate-placements":
        return await PlacementsGenerator.RunAsync(options);
    case "run":
        return BenchRunner.Run(options);
    case "load":
        return await LoadRunner.RunAsync(options, options.Rest);
    case "trace":
        return await BenchRunner.TraceAsync(options);
    case "matching":
        return BenchRunner.Matching(options);
    case "rules":
        var at = Array.IndexOf(args, "--repeat");
        return await RulesLoad.RunAsync(options, at > 0 && at + 1 < args.Length ? int.Parse(args[at + 1], System.Globalization.CultureInfo.InvariantCulture) : 50,
            args.Contains("--skip-full"), args.Contains("--trace-sql"), args.Contains("--in-place"));
    default:
        await Console.Error.WriteLineAsync("""
            Cairn benchmarks.
              generate --db PATH [--people 100000] [--entries 2000000] [--busiest 5000] [--postcodes ONS_POSTCODES.csv.gz]
              generate-shares --db PATH [--shares 1000000] [--due 10000]
              generate-casework --db PATH [--children 100000] [--plans 5] [--assessments 10]
              generate-meetings --db PATH [--protection 5000] [--looked-after 800]
              generate-placements --db PATH [--settings 5000] [--dangers 200]
              run --db PATH [BenchmarkDotNet options, e.g. --filter *Search*]
              load --db PATH [--seconds 8] [WORD...]
              trace --db PATH [--repeat N] [WORD...]
              matching [--seconds 5] [BenchmarkDotNet options]
              rules --db PATH [--repeat 50] [--skip-full] [--trace-sql] [--in-place]
            """);
        return 2;
}
