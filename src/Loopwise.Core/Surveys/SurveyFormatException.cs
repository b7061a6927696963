namespace Loopwise.Core.Surveys;

/// <summary>A stored or imported survey document could not be read.</summary>
public sealed class SurveyFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SurveyFormatException()
        : this("The survey document is not valid.", "$")
    {
    }

    /// <summary>Creates the exception.</summary>
    public SurveyFormatException(string message)
        : this(message, "$")
    {
    }

    /// <summary>Creates the exception.</summary>
    public SurveyFormatException(string message, Exception innerException)
        : this(message, "$", innerException)
    {
    }

    /// <summary>Creates the exception for a problem at <paramref name="path"/>.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="path">JSON path of the problem, e.g. <c>$.questions[1].type</c>.</param>
    /// <param name="innerException">The parser's exception, if any.</param>
    public SurveyFormatException(string message, string path, Exception? innerException = null)
        : base(path + ": " + message, innerException)
    {
        Path = path;
    }

    /// <summary>JSON path of the problem, e.g. <c>$.questions[1].type</c>; <c>$</c> for the whole document.</summary>
    public string Path { get; } = "$";
}
