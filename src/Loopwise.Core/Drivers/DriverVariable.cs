namespace Loopwise.Core.Drivers;

/// <summary>
/// One predictor of a key driver analysis: a value per response, aligned with the outcome.
/// <see cref="double.NaN"/> marks a missing value; a response missing any predictor in the model (or the outcome)
/// is left out of the whole analysis (listwise deletion, cx-reference.md §5).
/// </summary>
/// <param name="Key">A stable, unique key (question id, topic key) used in results and messages.</param>
/// <param name="Values">One value per response; NaN when missing. Flags hold only 0, 1 or NaN.</param>
/// <param name="Kind">A rating or a 0/1 flag.</param>
/// <param name="TopBoxMinimum">
/// For a rating: performance is the share of complete cases with a value ≥ this (e.g. 4 for top-2-box on 1–5, 9 on
/// 0–10). Null: performance is the mean. Not allowed on a flag, whose performance is its share of ones.
/// </param>
public sealed record DriverVariable(
    string Key,
    IReadOnlyList<double> Values,
    DriverVariableKind Kind = DriverVariableKind.Rating,
    double? TopBoxMinimum = null);
