using Loopwise.Core.Drivers;

namespace Loopwise.Core.Tests.Drivers;

public class DriverAnalysisTests
{
    // §5 test vector as data (DriverData.Section5, n = 32, r₁₂ = .5, r₁y = .6, r₂y = .4):
    // R² = 28/75 = .373333; ε = (43/150, 13/150) = (.286667, .086667); rescaled (76.786, 23.214);
    // OLS betas R⁻¹r = (.6 − .5·.4, .4 − .5·.6)/.75 = (.533333, .133333); LMG = ε; VIF = 1/(1 − .5²) = 4/3 for both.
    // Means: x₁ = 3 + 1.2e₁ → 3, x₂ = 5 + .7(…) → 5 (Walsh columns have mean 0). Signs +1 (both r > 0).
    [Fact]
    public void Section_5_test_vector_from_raw_data()
    {
        var (y, x1, x2) = DriverData.Section5();

        var result = DriverAnalysis.Analyze(y, [new("x1", x1), new("x2", x2)]);

        Assert.Equal(DriverStatus.Ok, result.Status);
        Assert.Equal(32, result.N);
        Assert.Equal(32, result.Responses);
        Assert.Equal(2, result.P);
        Assert.Equal(28.0 / 75.0, result.RSquared!.Value, 1e-12);
        Assert.Equal(["x1", "x2"], result.Predictors);
        var (d1, d2) = (result.Drivers[0], result.Drivers[1]);
        Assert.Equal(43.0 / 150.0, d1.RawWeight, 1e-12);
        Assert.Equal(13.0 / 150.0, d2.RawWeight, 1e-12);
        Assert.Equal(76.786, d1.RescaledWeight, 1e-3);
        Assert.Equal(23.214, d2.RescaledWeight, 1e-3);
        Assert.Equal(0.4 / 0.75, d1.OlsBeta, 1e-12);
        Assert.Equal(0.1 / 0.75, d2.OlsBeta, 1e-12);
        Assert.Equal(0.6, d1.PearsonR, 1e-12);
        Assert.Equal(0.4, d2.PearsonR, 1e-12);
        Assert.Equal(d1.RawWeight, d1.ShapleyWeight!.Value, 1e-12);
        Assert.Equal(d2.RescaledWeight, d2.ShapleyRescaled!.Value, 1e-9);
        Assert.Equal(4.0 / 3.0, d1.Vif, 1e-12);
        Assert.False(d1.HighVif);
        Assert.Equal(1, d1.Sign);
        Assert.Equal(3.0, d1.Mean, 1e-12);
        Assert.Equal(5.0, d2.Performance, 1e-12);
        Assert.Null(d1.RescaledInterval);
        Assert.Equal(0, result.BootstrapResamples);
        Assert.Empty(result.Messages);
    }

    // Reversing x₂ (10 − x₂) flips r₁₂ to −.5 and r₂y to −.4. Relative weights are invariant to the flip
    // (ε = (.286667, .086667) again); the sign shown comes from r₂y and is −1; the OLS beta becomes −.133333.
    [Fact]
    public void Sign_comes_from_the_bivariate_correlation()
    {
        var (y, x1, x2) = DriverData.Section5();
        var reversed = DriverData.Affine(-1.0, x2, 10.0);

        var result = DriverAnalysis.Analyze(y, [new("x1", x1), new("x2", reversed)]);

        Assert.Equal(13.0 / 150.0, result.Drivers[1].RawWeight, 1e-12);
        Assert.Equal(-1, result.Drivers[1].Sign);
        Assert.Equal(-0.4, result.Drivers[1].PearsonR, 1e-12);
        Assert.Equal(-0.1 / 0.75, result.Drivers[1].OlsBeta, 1e-12);
        Assert.Equal(1, result.Drivers[0].Sign);
    }

    // Eight extra responses each miss the outcome or a predictor: listwise deletion leaves the 32 of the §5 data, so
    // every figure is unchanged, n = 32 of 40 responses, and a MissingData note says 8 were left out.
    [Fact]
    public void Responses_with_a_missing_value_are_left_out()
    {
        var (y, x1, x2) = DriverData.Section5();
        var nan = double.NaN;
        double[] extraY = [nan, nan, 9, 2, 4, nan, 8, 1];
        double[] extra1 = [1, 2, nan, nan, 5, 3, nan, 4];
        double[] extra2 = [3, 3, 4, 1, nan, 2, 2, nan];

        var result = DriverAnalysis.Analyze(
            [.. y, .. extraY], [new("x1", [.. x1, .. extra1]), new("x2", [.. x2, .. extra2])]);

        Assert.Equal(DriverStatus.Ok, result.Status);
        Assert.Equal(40, result.Responses);
        Assert.Equal(32, result.N);
        Assert.Equal(28.0 / 75.0, result.RSquared!.Value, 1e-12);
        Assert.Equal(43.0 / 150.0, result.Drivers[0].RawWeight, 1e-12);
        var note = Assert.Single(result.Messages);
        Assert.Equal(DriverMessageCode.MissingData, note.Code);
        Assert.StartsWith("8 of 40 responses", note.Text, StringComparison.Ordinal);
    }

    // 15 cases per predictor: the §5 data has n = 32, so with 16 per predictor (32 needed) it runs, and with 17
    // (34 needed) it is suppressed. Adding x₃ = e₄ (orthogonal to everything, r₃y = 0) at the default 15 needs
    // 45 > 32: suppressed, with n, p and R² = .373333 + 0 still given and no driver rows.
    [Fact]
    public void Fewer_than_fifteen_cases_per_predictor_suppresses_the_weights()
    {
        var (y, x1, x2) = DriverData.Section5();
        DriverVariable[] two = [new("x1", x1), new("x2", x2)];

        Assert.Equal(DriverStatus.Ok, DriverAnalysis.Analyze(y, two, new DriverOptions { CasesPerPredictor = 16 }).Status);
        Assert.Equal(DriverStatus.InsufficientSample, DriverAnalysis.Analyze(y, two, new DriverOptions { CasesPerPredictor = 17 }).Status);

        var result = DriverAnalysis.Analyze(y, [.. two, new("x3", DriverData.Walsh(32, 8))]);

        Assert.Equal(DriverStatus.InsufficientSample, result.Status);
        Assert.Equal(32, result.N);
        Assert.Equal(3, result.P);
        Assert.Equal(28.0 / 75.0, result.RSquared!.Value, 1e-12);
        Assert.Empty(result.Drivers);
        var reason = Assert.Single(result.Messages);
        Assert.Equal(DriverMessageCode.InsufficientSample, reason.Code);
        Assert.Contains("at least 45 complete cases", reason.Text, StringComparison.Ordinal);
        Assert.Contains("there are 32", reason.Text, StringComparison.Ordinal);
    }

    // n = 64. f30 is 1 in 30 rows (even i < 60) and 0 in 34: kept. f29 is 1 in 29 rows: dropped. fz is 1 in 35 rows
    // and 0 in only 29: dropped. The model keeps the rating and f30 (p = 2, 30 cases needed). With the minimum
    // lowered to 29, f29 and fz stay.
    [Fact]
    public void A_flag_needs_thirty_ones_and_thirty_zeros()
    {
        var random = new Random(5);
        var y = DriverData.Normals(random, 64);
        var rating = DriverData.Normals(random, 64);
        var f30 = Enumerable.Range(0, 64).Select(i => i % 2 == 0 && i < 60 ? 1.0 : 0.0).ToArray();
        var f29 = Enumerable.Range(0, 64).Select(i => i % 2 == 0 && i < 58 ? 1.0 : 0.0).ToArray();
        var fz = Enumerable.Range(0, 64).Select(i => i < 35 ? 1.0 : 0.0).ToArray();
        DriverVariable[] predictors =
        [
            new("rating", rating),
            new("f30", f30, DriverVariableKind.Flag),
            new("f29", f29, DriverVariableKind.Flag),
            new("fz", fz, DriverVariableKind.Flag),
        ];

        var result = DriverAnalysis.Analyze(y, predictors);

        Assert.Equal(DriverStatus.Ok, result.Status);
        Assert.Equal(["rating", "f30"], result.Predictors);
        Assert.Equal(["f29", "fz"], result.Dropped);
        Assert.Contains(result.Messages, m => m.Code == DriverMessageCode.RareFlag && m.Text.Contains("is 1 in 29 and 0 in 35", StringComparison.Ordinal));
        Assert.Contains(result.Messages, m => m.Code == DriverMessageCode.RareFlag && m.Text.Contains("is 1 in 35 and 0 in 29", StringComparison.Ordinal));
        Assert.Equal(30.0 / 64.0, result.Drivers[1].Mean, 1e-12);
        Assert.Equal(DriverVariableKind.Flag, result.Drivers[1].Kind);

        var lenient = DriverAnalysis.Analyze(y, predictors, new DriverOptions { MinimumFlagCount = 29 });
        Assert.Equal(4, lenient.P);
        Assert.Empty(lenient.Dropped);
    }

    // "constant" is 4 wherever present and missing in rows 0–3. It has zero variance and is dropped; once dropped, rows
    // 0–3 are complete again, so n = 64 (not 60) and no MissingData note is left.
    [Fact]
    public void A_constant_predictor_is_dropped_and_its_missing_rows_come_back()
    {
        var random = new Random(9);
        var y = DriverData.Normals(random, 64);
        var a = DriverData.Normals(random, 64);
        var b = DriverData.Normals(random, 64);
        var constant = Enumerable.Range(0, 64).Select(i => i < 4 ? double.NaN : 4.0).ToArray();

        var result = DriverAnalysis.Analyze(y, [new("a", a), new("constant", constant), new("b", b)]);

        Assert.Equal(DriverStatus.Ok, result.Status);
        Assert.Equal(64, result.N);
        Assert.Equal(["a", "b"], result.Predictors);
        var dropped = Assert.Single(result.Messages);
        Assert.Equal(DriverMessageCode.ZeroVariance, dropped.Code);
        Assert.Equal("constant", dropped.Predictor);
        Assert.Contains("same value (4) in all 60 complete cases", dropped.Text, StringComparison.Ordinal);
    }

    // One complete case (or none) says nothing about variance: the sample guard reports it, rather than every
    // predictor being dropped as constant or the outcome being called constant.
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void One_complete_case_or_none_is_an_insufficient_sample(int complete)
    {
        double[] y = [4, 7, double.NaN];
        double[] a = [complete == 0 ? double.NaN : 1, double.NaN, 3];

        var result = DriverAnalysis.Analyze(y, [new("a", a), new("f", [1, 0, 1], DriverVariableKind.Flag)]);

        Assert.Equal(DriverStatus.InsufficientSample, result.Status);
        Assert.Equal(complete, result.N);
        Assert.Equal(2, result.P);
        Assert.Null(result.RSquared);
        Assert.Equal([DriverMessageCode.MissingData, DriverMessageCode.InsufficientSample], result.Messages.Select(m => m.Code));
        var lenient = DriverAnalysis.Analyze(y, [new("a", a)], new DriverOptions { CasesPerPredictor = 1 });
        Assert.Equal(DriverStatus.InsufficientSample, lenient.Status);
    }

    [Fact]
    public void No_predictor_left_is_reported()
    {
        var y = DriverData.Normals(new Random(1), 40);

        var result = DriverAnalysis.Analyze(y, [new("flat", Enumerable.Repeat(2.0, 40).ToArray())]);

        Assert.Equal(DriverStatus.NoPredictors, result.Status);
        Assert.Equal(0, result.P);
        Assert.Null(result.RSquared);
        Assert.Equal([DriverMessageCode.ZeroVariance, DriverMessageCode.NoPredictors], result.Messages.Select(m => m.Code));
    }

    [Fact]
    public void A_constant_outcome_is_refused()
    {
        var random = new Random(2);

        var result = DriverAnalysis.Analyze(Enumerable.Repeat(9.0, 40).ToArray(), [new("a", DriverData.Normals(random, 40))]);

        Assert.Equal(DriverStatus.ConstantOutcome, result.Status);
        Assert.Null(result.RSquared);
        Assert.Empty(result.Drivers);
    }

    // x₃ = x₁ + x₂ exactly (n = 64, x₁ = e₁, x₂ = e₂): R_xx has r₁₃ = r₂₃ = 1/√2, det = 0, smallest eigenvalue 0
    // (≈ 1e-16 in floating point, below 1e-10 × 2). The analysis refuses and names the three predictors.
    [Fact]
    public void A_singular_correlation_matrix_is_refused_naming_the_dependency()
    {
        var e1 = DriverData.Walsh(64, 1);
        var e2 = DriverData.Walsh(64, 2);
        var y = DriverData.Combine(0.5, e1, 0.5, DriverData.Walsh(64, 4), 5.0);
        var unrelated = DriverData.Walsh(64, 8);

        var result = DriverAnalysis.Analyze(
            y,
            [new("x1", DriverData.Affine(1.0, e1, 3.0)), new("other", unrelated), new("x2", DriverData.Affine(1.0, e2, 3.0)), new("sum", DriverData.Combine(1.0, e1, 1.0, e2, 6.0))]);

        Assert.Equal(DriverStatus.Singular, result.Status);
        Assert.Null(result.RSquared);
        Assert.Empty(result.Drivers);
        var reason = Assert.Single(result.Messages);
        Assert.Equal(DriverMessageCode.Singular, reason.Code);
        Assert.Contains("'sum'", reason.Text, StringComparison.Ordinal);
        Assert.Contains("'x1'", reason.Text, StringComparison.Ordinal);
        Assert.Contains("'x2'", reason.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("'other'", reason.Text, StringComparison.Ordinal);
    }

    // n = 64: x₁ = e₁, x₂ = e₂, x₃ = e₁ + e₂ + .4e₃, x₄ = e₄ (Walsh columns). With a = corr(x₁, x₃) = 1/√2.16:
    // R_xx = [[1, 0, a, 0], [0, 1, a, 0], [a, a, 1, 0], [0, 0, 0, 1]], det of the 3×3 block = 1 − 2a² = .16/2.16;
    // VIF = diagonal of R⁻¹ = cofactor/det: VIF₁ = VIF₂ = (1 − a²)/(1 − 2a²) = 1.16/.16 = 7.25, VIF₃ = 1/(1 − 2a²)
    // = 2.16/.16 = 13.5, VIF₄ = 1. Above 5: x₁, x₂, x₃ flagged; above 10: only x₃.
    [Fact]
    public void Vif_flags_a_constructed_collinear_set()
    {
        var e = Enumerable.Range(0, 6).Select(k => DriverData.Walsh(64, 1 << k)).ToArray();
        var x3 = DriverData.Combine(1.0, DriverData.Combine(1.0, e[0], 1.0, e[1]), 0.4, e[2]);
        var y = DriverData.Combine(1.0, DriverData.Combine(0.5, e[0], 0.3, e[3]), 0.8, e[4]);
        DriverVariable[] predictors = [new("x1", e[0]), new("x2", e[1]), new("x3", x3), new("x4", e[3])];

        var result = DriverAnalysis.Analyze(y, predictors);

        Assert.Equal(DriverStatus.Ok, result.Status);
        Assert.Equal([7.25, 7.25, 13.5, 1.0], result.Drivers.Select(d => d.Vif), new Tolerance(1e-10));
        Assert.Equal([true, true, true, false], result.Drivers.Select(d => d.HighVif));
        Assert.Equal(["x1", "x2", "x3"], result.Messages.Where(m => m.Code == DriverMessageCode.HighVif).Select(m => m.Predictor));
        Assert.Contains("VIF 13.5 (above 5)", result.Messages.Single(m => m.Predictor == "x3").Text, StringComparison.Ordinal);

        var relaxed = DriverAnalysis.Analyze(y, predictors, new DriverOptions { VifThreshold = 10 });
        Assert.Equal([false, false, true, false], relaxed.Drivers.Select(d => d.HighVif));
    }

    // Same seed, same intervals; another seed, other intervals. Each is a 5th–95th percentile of 200 refits.
    [Fact]
    public void Bootstrap_intervals_are_deterministic_for_a_seed()
    {
        var (y, predictors) = RandomModel(new Random(21), 200);

        var first = DriverAnalysis.Analyze(y, predictors, random: new Random(42));
        var second = DriverAnalysis.Analyze(y, predictors, random: new Random(42));
        var other = DriverAnalysis.Analyze(y, predictors, random: new Random(43));

        Assert.Equal(200, first.BootstrapResamples);
        Assert.Equal(first.Drivers.Select(d => d.RescaledInterval), second.Drivers.Select(d => d.RescaledInterval));
        Assert.NotEqual(first.Drivers.Select(d => d.RescaledInterval), other.Drivers.Select(d => d.RescaledInterval));
        Assert.All(first.Drivers, d =>
        {
            var interval = d.RescaledInterval!.Value;
            Assert.True(interval.Width > 0.0);
            Assert.True(interval.Contains(d.RescaledWeight), $"{d.Key}: {d.RescaledWeight} outside [{interval.Lower}, {interval.Upper}]");
        });
    }

    // With one resample the interval collapses to that refit. Replaying the same seeded stream outside the library
    // (n draws of Next(n)) and fitting the resampled rows independently gives the same weights.
    [Fact]
    public void A_single_resample_is_the_refit_of_the_drawn_rows()
    {
        var (y, predictors) = RandomModel(new Random(8), 60);

        var result = DriverAnalysis.Analyze(y, predictors, new DriverOptions { BootstrapResamples = 1 }, new Random(77));

        var replay = new Random(77);
        var rows = Enumerable.Range(0, 60).Select(_ => replay.Next(60)).ToArray();
        double[][] columns = [.. predictors.Select(p => rows.Select(i => p.Values[i]).ToArray()), rows.Select(i => y[i]).ToArray()];
        var r = DriverData.CorrelationOf(columns);
        var rxx = new double[3, 3];
        for (var i = 0; i < 3; i++)
        {
            for (var j = 0; j < 3; j++)
            {
                rxx[i, j] = r[i, j];
            }
        }

        var expected = RelativeWeights.Compute(rxx, [r[0, 3], r[1, 3], r[2, 3]]).RescaledWeights;
        Assert.Equal(1, result.BootstrapResamples);
        for (var j = 0; j < 3; j++)
        {
            Assert.Equal(expected[j], result.Drivers[j].RescaledInterval!.Value.Lower, 1e-10);
            Assert.Equal(expected[j], result.Drivers[j].RescaledInterval!.Value.Upper, 1e-10);
        }
    }

    // a and b are each non-zero in a single row of 30. A resample misses a given row with probability (29/30)³⁰ = .36,
    // so about 1 − .64² = 59% of resamples have a constant column and are skipped: fewer than half fit, no intervals.
    [Fact]
    public void Bootstrap_gives_no_intervals_when_most_resamples_cannot_be_fitted()
    {
        var y = DriverData.Normals(new Random(4), 30);
        var a = Enumerable.Range(0, 30).Select(i => i == 0 ? 1.0 : 0.0).ToArray();
        var b = Enumerable.Range(0, 30).Select(i => i == 1 ? 1.0 : 0.0).ToArray();

        var result = DriverAnalysis.Analyze(y, [new("a", a), new("b", b)], random: new Random(1));

        Assert.Equal(DriverStatus.Ok, result.Status);
        Assert.InRange(result.BootstrapResamples, 1, 99);
        Assert.All(result.Drivers, d => Assert.Null(d.RescaledInterval));
        Assert.Contains(result.Messages, m => m.Code == DriverMessageCode.BootstrapUnstable);
    }

    // Performance comes from the complete cases. n = 64, y missing in rows 0–3, so rows 4–63 remain (60).
    // rating = 1 + (i mod 5): rows 4–63 hold each of 1..5 twelve times → mean 3, top-2-box (≥ 4) = 24/60 = .4
    // (all 64 rows would give a mean of (13·10 + 12·5)/64 = 2.96875). flag = i mod 2 → 30 ones of 60 → .5.
    [Fact]
    public void Performance_is_measured_on_the_complete_cases()
    {
        var rating = Enumerable.Range(0, 64).Select(i => 1.0 + (i % 5)).ToArray();
        var flag = Enumerable.Range(0, 64).Select(i => (double)(i % 2)).ToArray();
        var y = DriverData.Combine(1.0, DriverData.Walsh(64, 8), 0.3, rating);
        for (var i = 0; i < 4; i++)
        {
            y[i] = double.NaN;
        }

        var result = DriverAnalysis.Analyze(
            y, [new("rating", rating, TopBoxMinimum: 4), new("flag", flag, DriverVariableKind.Flag)]);

        Assert.Equal(60, result.N);
        Assert.Equal(3.0, result.Drivers[0].Mean, 1e-12);
        Assert.Equal(0.4, result.Drivers[0].TopBoxShare!.Value, 1e-12);
        Assert.Equal(0.4, result.Drivers[0].Performance, 1e-12);
        Assert.Equal(result.Drivers[0].RescaledWeight, result.Drivers[0].Importance);
        Assert.Null(result.Drivers[1].TopBoxShare);
        Assert.Equal(0.5, result.Drivers[1].Performance, 1e-12);
    }

    [Fact]
    public void Shapley_is_skipped_above_twelve_predictors_and_on_request()
    {
        var random = new Random(12);
        var y = DriverData.Normals(random, 200);
        var predictors = Enumerable.Range(0, 13).Select(j => new DriverVariable($"x{j}", DriverData.Normals(random, 200))).ToArray();

        var thirteen = DriverAnalysis.Analyze(y, predictors);
        var off = DriverAnalysis.Analyze(y, predictors[..3], new DriverOptions { IncludeShapley = false });

        Assert.Equal(DriverStatus.Ok, thirteen.Status);
        Assert.Contains(thirteen.Messages, m => m.Code == DriverMessageCode.ShapleySkipped);
        Assert.All(thirteen.Drivers, d => Assert.Null(d.ShapleyWeight));
        Assert.Equal(100.0, thirteen.Drivers.Sum(d => d.RescaledWeight), 1e-9);
        Assert.All(off.Drivers, d => Assert.Null(d.ShapleyRescaled));
        Assert.Empty(off.Messages);
    }

    [Fact]
    public void Malformed_input_is_rejected()
    {
        double[] y = [1, 2, 3];

        Assert.Throws<ArgumentException>(() => DriverAnalysis.Analyze(y, [new("a", [1, 2])]));
        Assert.Throws<ArgumentException>(() => DriverAnalysis.Analyze(y, [new("a", [1, 2, 3]), new("a", [3, 2, 1])]));
        Assert.Throws<ArgumentException>(() => DriverAnalysis.Analyze(y, [new(" ", [1, 2, 3])]));
        Assert.Throws<ArgumentException>(() => DriverAnalysis.Analyze(y, [new("f", [0, 1, 2], DriverVariableKind.Flag)]));
        Assert.Throws<ArgumentException>(() => DriverAnalysis.Analyze(y, [new("f", [0, 1, 1], DriverVariableKind.Flag, 1)]));
        Assert.Throws<ArgumentException>(() => DriverAnalysis.Analyze(y, [new("a", [1, double.PositiveInfinity, 3])]));
        Assert.Throws<ArgumentException>(() => DriverAnalysis.Analyze([1, double.NegativeInfinity, 3], [new("a", [1, 2, 3])]));
        Assert.Throws<ArgumentOutOfRangeException>(() => DriverAnalysis.Analyze(y, [new("a", [1, 2, 3])], new DriverOptions { BootstrapConfidence = 1.0 }));
    }

    // y = .5x₁ + .3x₂ + .2x₃ + noise, predictors sharing a common factor: every weight is clearly away from 0.
    private static (double[] Y, DriverVariable[] Predictors) RandomModel(Random random, int n)
    {
        var x = DriverData.RandomColumns(random, n, 3);
        var noise = DriverData.Normals(random, n);
        var y = Enumerable.Range(0, n).Select(i => (0.5 * x[0][i]) + (0.3 * x[1][i]) + (0.2 * x[2][i]) + noise[i]).ToArray();
        return (y, [new("x1", x[0]), new("x2", x[1]), new("x3", x[2])]);
    }
}
