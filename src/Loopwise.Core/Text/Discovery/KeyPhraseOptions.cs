namespace Loopwise.Core.Text.Discovery;

/// <summary>Settings of <see cref="KeyPhrases.Suggest(IReadOnlyList{string}, IReadOnlyList{string}?, KeyPhraseOptions?)"/>.</summary>
public sealed record KeyPhraseOptions
{
    /// <summary>A phrase must occur in at least this many documents to be suggested.</summary>
    public int MinDocumentFrequency { get; init; } = 2;

    /// <summary>The longest phrase, in words (1 to 3 by default).</summary>
    public int MaxWords { get; init; } = 3;

    /// <summary>How many suggestions to return at most.</summary>
    public int MaxSuggestions { get; init; } = 20;

    /// <summary>How many example document indexes each suggestion carries.</summary>
    public int MaxExamples { get; init; } = 3;

    /// <summary>With a background set, phrases whose lift is below this are left out (1: no more frequent than in the background).</summary>
    public double MinLift { get; init; } = 1.0;

    /// <summary>
    /// Two phrases where one contains the other are grouped when they share at least this fraction of the documents of
    /// the rarer one.
    /// </summary>
    public double GroupOverlap { get; init; } = 0.5;
}
