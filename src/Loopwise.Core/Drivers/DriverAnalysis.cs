using System.Globalization;
using Loopwise.Core.Metrics;

namespace Loopwise.Core.Drivers;

/// <summary>
/// Key driver analysis (cx-reference.md §5): which predictors (attribute ratings, topic flags, sentiment) explain an
/// outcome (the 0–10 recommend score, overall CSAT). Johnson's relative weights are the headline, signed by r(xⱼ, y),
/// with bootstrap intervals; the exact Shapley/LMG split, Pearson r and standardised OLS betas ride along for
/// comparison. Importance is association, not causation.
/// </summary>
/// <remarks>
/// Guards, in order:
/// <list type="number">
/// <item>Listwise deletion: a response missing the outcome or any predictor in the model is left out.</item>
/// <item>A predictor that is constant on the complete cases is dropped. A flag with fewer than 30 ones or 30 zeros is
/// dropped (not the whole analysis: the other drivers stay readable, and the message names the flag). Dropping a
/// predictor can bring back responses that were missing only that predictor, so the complete cases are recomputed
/// until nothing more is dropped. With fewer than 2 complete cases nothing is dropped: the sample guard reports it.</item>
/// <item>No predictor left: <see cref="DriverStatus.NoPredictors"/>. Constant outcome: <see cref="DriverStatus.ConstantOutcome"/>.</item>
/// <item>Fewer than 15·p complete cases: <see cref="DriverStatus.InsufficientSample"/>, weights suppressed.</item>
/// <item>R_xx singular or not positive definite (smallest eigenvalue ≤ 1e-10 × largest): <see cref="DriverStatus.Singular"/>,
/// naming the predictors of the near-null eigenvector.</item>
/// <item>VIF above 5: a warning per predictor; the analysis runs.</item>
/// </list>
/// </remarks>
public static class DriverAnalysis
{
    // An eigenvector component at least this large names a predictor as part of a linear dependency.
    private const double DependencyLoading = 0.1;

    /// <summary>
    /// Runs the analysis of <paramref name="outcome"/> (one value per response, NaN when missing) on
    /// <paramref name="predictors"/>. With a <paramref name="random"/> (seed it for reproducible output) and
    /// <see cref="DriverOptions.BootstrapResamples"/> &gt; 0, each rescaled weight gets a bootstrap percentile interval:
    /// complete cases are resampled with replacement and the weights refitted, skipping resamples in which a predictor
    /// is constant or R_xx is singular.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// A predictor's length differs from the outcome's, keys are empty or repeated, a value is infinite, a flag holds a
    /// value other than 0, 1 or NaN, or a flag has a top-box minimum.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public static DriverResult Analyze(
        IReadOnlyList<double> outcome, IReadOnlyList<DriverVariable> predictors, DriverOptions? options = null, Random? random = null)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(predictors);
        options ??= DriverOptions.Default;
        options.Validate();
        Validate(outcome, predictors);

        var messages = new List<DriverMessage>();
        var active = Enumerable.Range(0, predictors.Count).ToList();
        var rows = CompleteRows(outcome, predictors, active);
        while (rows.Count > 1 && DropFailing(predictors, active, rows, options, messages))
        {
            rows = CompleteRows(outcome, predictors, active);
        }

        var n = rows.Count;
        var p = active.Count;
        var keys = active.Select(j => predictors[j].Key).ToArray();
        if (n < outcome.Count)
        {
            messages.Add(new DriverMessage(DriverMessageCode.MissingData, null, Format(
                $"{outcome.Count - n} of {outcome.Count} responses miss the outcome or a predictor and were left out (listwise deletion).")));
        }

        DriverResult Refuse(DriverStatus status, DriverMessageCode code, string text, double? rSquared = null)
        {
            messages.Add(new DriverMessage(code, null, text));
            return new DriverResult(status, outcome.Count, n, p, rSquared, keys, [], messages, 0);
        }

        if (p == 0)
        {
            return Refuse(DriverStatus.NoPredictors, DriverMessageCode.NoPredictors, "No predictor is left in the model.");
        }

        // Columns of the complete cases: predictors in the model, then the outcome last.
        var columns = new double[p + 1][];
        for (var c = 0; c < p; c++)
        {
            columns[c] = rows.Select(i => predictors[active[c]].Values[i]).ToArray();
        }

        columns[p] = rows.Select(i => outcome[i]).ToArray();
        if (n > 1 && columns[p].All(y => y == columns[p][0]))
        {
            return Refuse(DriverStatus.ConstantOutcome, DriverMessageCode.ConstantOutcome,
                "The outcome has the same value in every complete case, so no predictor can explain it.");
        }

        var identity = Enumerable.Range(0, n).ToArray();
        var full = Correlations.Compute(columns, identity);
        var eigen = full is null ? null : JacobiEigen.Decompose(Correlations.Split(full).Rxx);
        var positiveDefinite = eigen is not null && !RelativeWeights.IsSingular(eigen, options.SingularityTolerance);
        // At least 2 cases whatever the options say: one case has no variance to explain.
        var required = Math.Max(2L, (long)options.CasesPerPredictor * p);
        if (n < required)
        {
            double? fitted = positiveDefinite ? RelativeWeights.Compute(eigen!, Correlations.Split(full!).Rxy).RSquared : null;
            return Refuse(DriverStatus.InsufficientSample, DriverMessageCode.InsufficientSample, Format(
                $"{p} predictors need at least {required} complete cases ({options.CasesPerPredictor} per predictor); there are {n}. The weights are suppressed."),
                fitted);
        }

        var (rxx, rxy) = Correlations.Split(full!);
        if (!positiveDefinite)
        {
            var involved = Dependency(eigen!, keys);
            return Refuse(DriverStatus.Singular, DriverMessageCode.Singular, Format(
                $"The predictor correlation matrix is singular or not positive definite (smallest eigenvalue {eigen!.Smallest:G3}, largest {eigen.Largest:G3}): {string.Join(", ", involved)} are (nearly) linearly dependent. Merge or drop one of them."));
        }

        var weights = RelativeWeights.Compute(eigen!, rxy);
        var inverse = eigen!.Compose(lambda => 1.0 / lambda);
        var shapley = ShapleyShares(rxx, rxy, p, options, messages);
        var (intervals, used) = Bootstrap(columns, n, p, options, random, messages);

        var drivers = new DriverImportance[p];
        for (var c = 0; c < p; c++)
        {
            var variable = predictors[active[c]];
            var vif = inverse[c, c];
            var highVif = vif > options.VifThreshold;
            if (highVif)
            {
                messages.Add(new DriverMessage(DriverMessageCode.HighVif, variable.Key, Format(
                    $"'{variable.Key}' has VIF {vif:0.0} (above {options.VifThreshold:0.#}): it overlaps strongly with other predictors, so its weight is shared with them. Consider merging near-duplicates.")));
            }

            var ols = 0.0;
            for (var k = 0; k < p; k++)
            {
                ols += inverse[c, k] * rxy[k];
            }

            var column = columns[c];
            double? topBox = variable.TopBoxMinimum is { } minimum ? (double)column.Count(x => x >= minimum) / n : null;
            drivers[c] = new DriverImportance(
                variable.Key,
                variable.Kind,
                Math.Sign(rxy[c]),
                weights.RawWeights[c],
                weights.RescaledWeights[c],
                intervals?[c],
                shapley?[c],
                shapley is null ? null : weights.RSquared > 0.0 ? 100.0 * shapley[c] / weights.RSquared : 0.0,
                rxy[c],
                ols,
                vif,
                highVif,
                column.Average(),
                topBox);
        }

        return new DriverResult(DriverStatus.Ok, outcome.Count, n, p, weights.RSquared, keys, drivers, messages, used);
    }

    private static void Validate(IReadOnlyList<double> outcome, IReadOnlyList<DriverVariable> predictors)
    {
        if (outcome.Any(double.IsInfinity))
        {
            throw new ArgumentException("The outcome holds an infinite value; use NaN for a missing one.", nameof(outcome));
        }

        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var variable in predictors)
        {
            ArgumentNullException.ThrowIfNull(variable, nameof(predictors));
            if (string.IsNullOrWhiteSpace(variable.Key) || !keys.Add(variable.Key))
            {
                throw new ArgumentException($"Predictor keys must be non-empty and unique ('{variable.Key}').", nameof(predictors));
            }

            if (variable.Values is null || variable.Values.Count != outcome.Count)
            {
                throw new ArgumentException($"'{variable.Key}' needs one value per response ({outcome.Count}).", nameof(predictors));
            }

            if (variable.Values.Any(double.IsInfinity))
            {
                throw new ArgumentException($"'{variable.Key}' holds an infinite value; use NaN for a missing one.", nameof(predictors));
            }

            if (variable.Kind == DriverVariableKind.Flag)
            {
                if (variable.Values.Any(x => !double.IsNaN(x) && x != 0.0 && x != 1.0))
                {
                    throw new ArgumentException($"Flag '{variable.Key}' must hold only 0, 1 or NaN.", nameof(predictors));
                }

                if (variable.TopBoxMinimum is not null)
                {
                    throw new ArgumentException($"Flag '{variable.Key}' cannot have a top-box minimum: its performance is its share of ones.", nameof(predictors));
                }
            }
            else if (variable.TopBoxMinimum is { } minimum && !double.IsFinite(minimum))
            {
                throw new ArgumentException($"The top-box minimum of '{variable.Key}' must be finite.", nameof(predictors));
            }
        }
    }

    private static List<int> CompleteRows(IReadOnlyList<double> outcome, IReadOnlyList<DriverVariable> predictors, List<int> active)
    {
        var rows = new List<int>(outcome.Count);
        for (var i = 0; i < outcome.Count; i++)
        {
            if (!double.IsNaN(outcome[i]) && active.TrueForAll(j => !double.IsNaN(predictors[j].Values[i])))
            {
                rows.Add(i);
            }
        }

        return rows;
    }

    // Drops the predictors that are constant on the rows, or flags with too few ones or zeros. True when any was dropped.
    private static bool DropFailing(
        IReadOnlyList<DriverVariable> predictors, List<int> active, List<int> rows, DriverOptions options, List<DriverMessage> messages)
    {
        var dropped = new List<int>();
        foreach (var j in active)
        {
            var variable = predictors[j];
            var first = variable.Values[rows[0]];
            if (rows.TrueForAll(i => variable.Values[i] == first))
            {
                dropped.Add(j);
                messages.Add(new DriverMessage(DriverMessageCode.ZeroVariance, variable.Key, Format(
                    $"'{variable.Key}' has the same value ({first:G6}) in all {rows.Count} complete cases and was dropped.")));
                continue;
            }

            if (variable.Kind == DriverVariableKind.Flag)
            {
                var ones = rows.Count(i => variable.Values[i] == 1.0);
                var zeros = rows.Count - ones;
                if (ones < options.MinimumFlagCount || zeros < options.MinimumFlagCount)
                {
                    dropped.Add(j);
                    messages.Add(new DriverMessage(DriverMessageCode.RareFlag, variable.Key, Format(
                        $"'{variable.Key}' is 1 in {ones} and 0 in {zeros} of {rows.Count} complete cases; a flag needs at least {options.MinimumFlagCount} of each, so it was dropped.")));
                }
            }
        }

        active.RemoveAll(dropped.Contains);
        return dropped.Count > 0;
    }

    // The predictors loading on the eigenvector of the smallest eigenvalue, largest loading first.
    private static IEnumerable<string> Dependency(EigenDecomposition eigen, string[] keys)
    {
        var last = eigen.Size - 1;
        return Enumerable.Range(0, eigen.Size)
            .Where(j => Math.Abs(eigen.Vectors[j, last]) >= DependencyLoading)
            .OrderByDescending(j => Math.Abs(eigen.Vectors[j, last]))
            .ThenBy(j => j)
            .Select(j => $"'{keys[j]}'");
    }

    private static double[]? ShapleyShares(double[,] rxx, double[] rxy, int p, DriverOptions options, List<DriverMessage> messages)
    {
        if (!options.IncludeShapley)
        {
            return null;
        }

        if (p > Shapley.MaxPredictors)
        {
            messages.Add(new DriverMessage(DriverMessageCode.ShapleySkipped, null, Format(
                $"The exact Shapley decomposition needs 2^p sub-regressions and runs for at most {Shapley.MaxPredictors} predictors; this model has {p}.")));
            return null;
        }

        return Shapley.Decompose(rxx, rxy);
    }

    private static (Interval[]? Intervals, int Used) Bootstrap(
        double[][] columns, int n, int p, DriverOptions options, Random? random, List<DriverMessage> messages)
    {
        var resamples = options.BootstrapResamples;
        if (random is null || resamples == 0)
        {
            return (null, 0);
        }

        var samples = new List<double[]>(resamples);
        var index = new int[n];
        for (var b = 0; b < resamples; b++)
        {
            // Always draw n indexes, so a skipped resample does not shift the stream of the next one.
            for (var i = 0; i < n; i++)
            {
                index[i] = random.Next(n);
            }

            var full = Correlations.Compute(columns, index);
            if (full is null)
            {
                continue;
            }

            var (rxx, rxy) = Correlations.Split(full);
            var eigen = JacobiEigen.Decompose(rxx);
            if (RelativeWeights.IsSingular(eigen, options.SingularityTolerance))
            {
                continue;
            }

            samples.Add(RelativeWeights.Compute(eigen, rxy).RescaledWeights);
        }

        if (samples.Count < (resamples + 1) / 2)
        {
            messages.Add(new DriverMessage(DriverMessageCode.BootstrapUnstable, null, Format(
                $"Only {samples.Count} of {resamples} bootstrap resamples could be fitted (a predictor constant or collinear in the resample); no intervals are shown.")));
            return (null, samples.Count);
        }

        var tail = (1.0 - options.BootstrapConfidence) / 2.0;
        var intervals = new Interval[p];
        var sorted = new double[samples.Count];
        for (var c = 0; c < p; c++)
        {
            for (var b = 0; b < samples.Count; b++)
            {
                sorted[b] = samples[b][c];
            }

            Array.Sort(sorted);
            intervals[c] = new Interval(Quantile(sorted, tail), Quantile(sorted, 1.0 - tail));
        }

        return (intervals, samples.Count);
    }

    // Linear interpolation between order statistics (Hyndman & Fan type 7): h = (m − 1)·q.
    internal static double Quantile(double[] sorted, double q)
    {
        var h = (sorted.Length - 1) * q;
        var lower = (int)Math.Floor(h);
        var upper = Math.Min(lower + 1, sorted.Length - 1);
        return sorted[lower] + ((h - lower) * (sorted[upper] - sorted[lower]));
    }

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
