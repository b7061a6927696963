using Loopwise.Core.Surveys;

namespace Loopwise.Core.Kpis;

/// <summary>
/// Band rules (cx-reference.md §3), e.g. days overdue: 0 → 100, 1–30 → 50, &gt; 30 → 0, written as
/// <c>new BandsNormaliser([new(0, true, 100), new(30, true, 50)], ScoreAbove: 0)</c>.
/// Rules are in ascending order of bound; the first rule that admits the value gives the score, and a value above
/// every bound scores <paramref name="ScoreAbove"/>. Equality compares the rules element by element.
/// </summary>
/// <param name="Rules">Ordered rules; bounds strictly increasing (an equal bound is allowed only as exclusive then inclusive).</param>
/// <param name="ScoreAbove">Score of a value above every rule, in [0, 100].</param>
public sealed record BandsNormaliser(IReadOnlyList<BandRule> Rules, double ScoreAbove) : HealthNormaliser
{
    /// <summary>Ordered rules (a copy of what was passed, so later changes to the caller's list do not leak in).</summary>
    public IReadOnlyList<BandRule> Rules { get; init; } = (Rules ?? throw new ArgumentNullException(nameof(Rules))).ToArray();

    /// <inheritdoc />
    public bool Equals(BandsNormaliser? other) =>
        other is not null && ScoreAbove.Equals(other.ScoreAbove) && Rules.SequenceEqual(other.Rules);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(ScoreAbove);
        foreach (var rule in Rules)
        {
            hash.Add(rule);
        }

        return hash.ToHashCode();
    }

    private protected override double Score(double value)
    {
        foreach (var rule in Rules)
        {
            if (rule.Admits(value))
            {
                return rule.Score;
            }
        }

        return ScoreAbove;
    }

    private protected override void AddErrors(string path, List<ValidationError> errors)
    {
        if (Rules.Count == 0)
        {
            errors.Add(new(path + ".rules", "Band rules need at least one rule."));
        }

        for (var i = 0; i < Rules.Count; i++)
        {
            var rule = Rules[i];
            var rulePath = FormattableString.Invariant($"{path}.rules[{i}]");
            if (rule is null)
            {
                errors.Add(new(rulePath, "A band rule is missing."));
                continue;
            }

            if (double.IsNaN(rule.UpperBound))
            {
                errors.Add(new(rulePath + ".upperBound", "The upper bound must be a number."));
            }
            else if (i > 0 && Rules[i - 1] is { } previous && !Follows(previous, rule))
            {
                errors.Add(new(rulePath + ".upperBound", "Band rules must be in ascending order of upper bound, without overlap."));
            }

            CheckScore(rule.Score, rulePath + ".score", errors);
        }

        CheckScore(ScoreAbove, path + ".scoreAbove", errors);
    }

    private static bool Follows(BandRule previous, BandRule rule) =>
        rule.UpperBound > previous.UpperBound
        || (rule.UpperBound.Equals(previous.UpperBound) && !previous.Inclusive && rule.Inclusive);

    private static void CheckScore(double score, string path, List<ValidationError> errors)
    {
        if (!(score >= 0.0 && score <= 100.0))
        {
            errors.Add(new(path, "A band score must lie in [0, 100]."));
        }
    }
}
