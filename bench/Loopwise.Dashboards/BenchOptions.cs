using System.Globalization;

namespace Loopwise.Dashboards;

/// <summary>Command-line settings of a dashboard benchmark run.</summary>
internal sealed record BenchOptions(
    string? Db, long Responses, long Tickets, int Customers, int Runs, int Warmup, int RawRuns, int Seed, bool Keep, bool GenerateOnly, bool MeasureOnly, bool ResumeTickets,
    int ResponseBatch, int TicketBatch)
{
    public const string Usage =
        "Usage: --db <sqlite file | PostgreSQL connection string> --responses 10000000 --tickets 1000000 --customers 200000 " +
        "--runs 30 --warmup 10 --raw-runs 5 --seed 42 [--keep [--resume-tickets]] [--generate-only | --measure-only] [--response-batch 10000] [--ticket-batch 5000]";

    public static BenchOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var flags = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] is "--keep" or "--generate-only" or "--measure-only" or "--resume-tickets")
            {
                flags.Add(args[i][2..]);
            }
            else if (args[i].StartsWith("--", StringComparison.Ordinal) && i + 1 < args.Length)
            {
                values[args[i][2..]] = args[++i];
            }
            else
            {
                throw new ArgumentException($"Unknown argument '{args[i]}'. {Usage}");
            }
        }

        long Long(string name, long fallback) => values.TryGetValue(name, out var v) ? long.Parse(v.Replace("_", string.Empty, StringComparison.Ordinal), CultureInfo.InvariantCulture) : fallback;
        var runs = (int)Long("runs", 30);
        var options = new BenchOptions(
            values.GetValueOrDefault("db"),
            Long("responses", 10_000_000),
            Long("tickets", 1_000_000),
            (int)Long("customers", 200_000),
            runs,
            (int)Long("warmup", 10),
            (int)Long("raw-runs", Math.Min(runs, 5)),
            (int)Long("seed", 42),
            flags.Contains("keep") || flags.Contains("measure-only"),
            flags.Contains("generate-only"),
            flags.Contains("measure-only"),
            flags.Contains("resume-tickets"),
            (int)Long("response-batch", 10_000),
            (int)Long("ticket-batch", 5_000));
        if (options.GenerateOnly && options.MeasureOnly)
        {
            throw new ArgumentException("--generate-only and --measure-only exclude each other.");
        }

        if (options.ResponseBatch is < 1 or > 10_000 || options.TicketBatch is < 1 or > 10_000 || options.Runs < 1 || options.Warmup < 0 || options.RawRuns < 0 || options.Customers < 1)
        {
            throw new ArgumentException($"Batches are 1 to 10 000, runs at least 1, warm-up runs at least 0, customers at least 1. {Usage}");
        }

        return options;
    }
}
