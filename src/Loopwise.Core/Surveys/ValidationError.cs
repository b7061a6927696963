namespace Loopwise.Core.Surveys;

/// <summary>One problem found by a validator.</summary>
/// <param name="Path">Where, e.g. <c>questions[2].scaleId</c> or <c>answers.nps</c>.</param>
/// <param name="Message">What is wrong, for people.</param>
public sealed record ValidationError(string Path, string Message);
