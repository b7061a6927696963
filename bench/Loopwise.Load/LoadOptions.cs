using System.Globalization;

namespace Loopwise.Load;

/// <summary>Command-line settings of a load run (<c>--name value</c> pairs).</summary>
internal sealed record LoadOptions(string Mode, string? Db, int BatchSize, int Clients, TimeSpan Duration, int? Batches, bool Keep, int SpreadMinutes, TimeSpan Warmup)
{
    public static LoadOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var keep = false;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--keep")
            {
                keep = true;
            }
            else if (args[i].StartsWith("--", StringComparison.Ordinal) && i + 1 < args.Length)
            {
                values[args[i][2..]] = args[++i];
            }
            else
            {
                throw new ArgumentException($"Unknown argument '{args[i]}'. Usage: --mode api|form|page --db CONN --batch 5000 --clients 2 --seconds 20 [--batches N] [--spread-minutes 60] [--warmup 5] [--keep]");
            }
        }

        int Int(string name, int fallback) => values.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        return new LoadOptions(
            values.GetValueOrDefault("mode", "api"),
            values.GetValueOrDefault("db"),
            Int("batch", 5_000),
            Int("clients", 2),
            TimeSpan.FromSeconds(Int("seconds", 20)),
            values.TryGetValue("batches", out var b) ? int.Parse(b, CultureInfo.InvariantCulture) : null,
            keep,
            Int("spread-minutes", 60),
            TimeSpan.FromSeconds(Int("warmup", 5)));
    }
}
