namespace Loopwise.Core.Surveys;

/// <summary>Whether an answer set is a finished response or a work in progress.</summary>
public enum AnswerMode
{
    /// <summary>A submitted response: required visible questions must be answered.</summary>
    Complete,

    /// <summary>A partial (saved or abandoned) response: missing answers are fine.</summary>
    Partial,
}
