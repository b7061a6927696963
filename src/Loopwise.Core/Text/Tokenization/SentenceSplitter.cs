namespace Loopwise.Core.Text.Tokenization;

/// <summary>
/// Groups tokens into sentences. A sentence ends after punctuation holding '.', '!' or '?' ("?!", ".)" too), after an
/// ellipsis or an abbreviation such as "etc." only when a capital follows, and at every line break. List bullets
/// belong to no sentence; a run of punctuation with no word joins the sentence before it.
/// </summary>
internal static class SentenceSplitter
{
    public static void Split(string text, ReadOnlySpan<Token> tokens, List<SentenceRange> sentences)
    {
        var start = -1;
        for (var k = 0; k < tokens.Length; k++)
        {
            var token = tokens[k];
            if (start >= 0 && token.Has(TokenFlags.LineStart))
            {
                Close(tokens, start, k, sentences);
                start = -1;
            }

            if (token.Has(TokenFlags.Bullet))
            {
                continue;
            }

            if (start < 0)
            {
                start = k;
            }

            if (EndsSentence(text, tokens, k))
            {
                Close(tokens, start, k + 1, sentences);
                start = -1;
            }
        }

        if (start >= 0)
        {
            Close(tokens, start, tokens.Length, sentences);
        }
    }

    private static bool EndsSentence(string text, ReadOnlySpan<Token> tokens, int k)
    {
        var token = tokens[k];
        var capitalNext = k + 1 >= tokens.Length || tokens[k + 1].Has(TokenFlags.LineStart) || StartsWithCapital(text, tokens[k + 1]);
        if (token.Kind == TokenKind.Punctuation && token.Has(TokenFlags.Terminal))
        {
            return !token.Has(TokenFlags.Ellipsis) || capitalNext;
        }

        return token.Has(TokenFlags.FinalAbbreviation) && k + 1 < tokens.Length && capitalNext;
    }

    private static bool StartsWithCapital(string text, Token token) => char.IsUpper(text[token.Start]);

    private static void Close(ReadOnlySpan<Token> tokens, int first, int end, List<SentenceRange> sentences)
    {
        var lexical = false;
        for (var k = first; k < end && !lexical; k++)
        {
            lexical = tokens[k].IsLexical;
        }

        if (!lexical && sentences.Count > 0 && !tokens[first].Has(TokenFlags.LineStart))
        {
            // "Terrible. !!!": the stray punctuation joins the sentence before it.
            var previous = sentences[^1];
            var span = new TextSpan(previous.Span.Start, tokens[end - 1].End - previous.Span.Start);
            sentences[^1] = new SentenceRange(span, previous.FirstToken, end - previous.FirstToken);
            return;
        }

        if (!lexical)
        {
            return;
        }

        var startChar = tokens[first].Start;
        sentences.Add(new SentenceRange(new TextSpan(startChar, tokens[end - 1].End - startChar), first, end - first));
    }
}
