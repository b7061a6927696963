namespace Loopwise.Core.Text.Tokenization;

/// <summary>
/// One token: a range of the tokenised text (no string of its own), its kind and flags. Read its characters, or its
/// lower-case form, through <see cref="TokenizedText"/>.
/// </summary>
public readonly record struct Token(int Start, int Length, TokenKind Kind, TokenFlags Flags)
{
    /// <summary>One past the last character.</summary>
    public int End => Start + Length;

    /// <summary>The token as a <see cref="TextSpan"/>.</summary>
    public TextSpan Span => new(Start, Length);

    /// <summary>Whether the token has every flag of <paramref name="flags"/>.</summary>
    public bool Has(TokenFlags flags) => (Flags & flags) == flags;

    /// <summary>Whether the token carries words or symbols that lexicons look up (not punctuation).</summary>
    public bool IsLexical => Kind != TokenKind.Punctuation;
}
