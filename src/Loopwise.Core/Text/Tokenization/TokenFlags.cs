namespace Loopwise.Core.Text.Tokenization;

/// <summary>Facts about a <see cref="Token"/> found while tokenising.</summary>
[Flags]
public enum TokenFlags
{
    /// <summary>No flag.</summary>
    None = 0,

    /// <summary>The token is the first of a line (the text's first token included).</summary>
    LineStart = 1,

    /// <summary>The token has at least one letter.</summary>
    HasLetter = 2,

    /// <summary>The token has letters and none of them is lower case ("GREAT", "OK", "I").</summary>
    AllCaps = 4,

    /// <summary>Punctuation that can end a sentence: it holds '.', '!', '?' or '…'.</summary>
    Terminal = 8,

    /// <summary>Punctuation that is only an ellipsis ("..." or "…"), which ends a sentence only before a capital.</summary>
    Ellipsis = 16,

    /// <summary>A list bullet at the start of a line ("-", "*", "•", "1.", "a)"): not part of any sentence.</summary>
    Bullet = 32,

    /// <summary>Punctuation that separates clauses: ',', ';', ':', dashes, brackets.</summary>
    ClauseBreak = 64,

    /// <summary>A word ending with an abbreviation's dot that may also end a sentence ("etc.", "Inc.", "min.").</summary>
    FinalAbbreviation = 128,
}
