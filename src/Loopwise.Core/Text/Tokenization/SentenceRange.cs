namespace Loopwise.Core.Text.Tokenization;

/// <summary>One sentence of a <see cref="TokenizedText"/>: its span and its tokens, <c>Tokens[FirstToken..FirstToken+TokenCount]</c>.</summary>
public readonly record struct SentenceRange(TextSpan Span, int FirstToken, int TokenCount)
{
    /// <summary>One past the sentence's last token.</summary>
    public int EndToken => FirstToken + TokenCount;
}
