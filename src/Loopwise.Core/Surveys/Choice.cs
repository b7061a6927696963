namespace Loopwise.Core.Surveys;

/// <summary>One option of a choice question.</summary>
/// <param name="Value">Stable stored value; answers and conditions refer to it.</param>
/// <param name="Text">What respondents see.</param>
public sealed record Choice(string Value, LocalizedText Text);
