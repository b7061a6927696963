using System.Globalization;
using Loopwise.TextEval;

// Loopwise text evaluation harness (issue 4).
//   dotnet run -c Release --project bench/Loopwise.TextEval                      accuracy and macro-F1 of the labelled comments
//   dotnet run -c Release --project bench/Loopwise.TextEval -- --dev-errors      ... and the misclassified DEV comments
//   dotnet run -c Release --project bench/Loopwise.TextEval -- --text-throughput [--seconds 5]   comments/s on one core
//   echo "comment" | dotnet run -c Release --project bench/Loopwise.TextEval -- --explain
// --data <dir> reads comments-*.tsv from another directory (default: bench/Loopwise.TextEval/data).
string? data = RepositoryPaths.DefaultData();
var mode = "eval";
var devErrors = false;
var seconds = 5.0;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--data" when i + 1 < args.Length:
            data = args[++i];
            break;
        case "--seconds" when i + 1 < args.Length:
            seconds = double.Parse(args[++i], CultureInfo.InvariantCulture);
            break;
        case "--dev-errors":
            devErrors = true;
            break;
        case "--text-throughput":
            mode = "throughput";
            break;
        case "--explain":
            mode = "explain";
            break;
        default:
            Console.Error.WriteLine($"Unknown argument {args[i]}. Arguments: [--data <dir>] [--dev-errors] | --text-throughput [--seconds n] | --explain");
            return 2;
    }
}

switch (mode)
{
    case "throughput":
        Throughput.Run(data, TimeSpan.FromSeconds(seconds), Console.Out);
        break;
    case "explain":
        Explain.Run(Console.In, Console.Out);
        break;
    default:
        if (data is null || !Directory.Exists(data))
        {
            Console.Error.WriteLine($"No data directory {data}: pass --data <dir> holding comments-*.tsv.");
            return 2;
        }

        Evaluation.Run(data, devErrors, Console.Out);
        break;
}

return 0;
