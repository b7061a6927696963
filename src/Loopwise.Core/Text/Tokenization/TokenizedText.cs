using System.Runtime.InteropServices;

namespace Loopwise.Core.Text.Tokenization;

/// <summary>
/// A text split into tokens and sentences, with a lower-case copy of its characters so that lexicons are looked up by
/// span without a string per token. One instance can be reused for text after text (<see cref="Load"/>); it is not
/// thread-safe.
/// </summary>
public sealed class TokenizedText
{
    private readonly List<Token> _tokens = [];
    private readonly List<SentenceRange> _sentences = [];
    private char[] _lower = [];

    /// <summary>The text that was tokenised.</summary>
    public string Text { get; private set; } = "";

    /// <summary>The tokens in order.</summary>
    public IReadOnlyList<Token> Tokens => _tokens;

    /// <summary>The tokens in order, as a span (valid until the next <see cref="Load"/>).</summary>
    public ReadOnlySpan<Token> TokenSpan => CollectionsMarshal.AsSpan(_tokens);

    /// <summary>The sentences in order; bullets and blank lines belong to none.</summary>
    public IReadOnlyList<SentenceRange> Sentences => _sentences;

    /// <summary>
    /// Whether some words are in capitals and others not: only then does an ALL-CAPS word count as emphasis
    /// (cx-reference §6), since a text written entirely in capitals emphasises nothing.
    /// </summary>
    public bool MixedCase { get; private set; }

    /// <summary>The text in lower case (invariant), with typographic apostrophes as "'"; same length and offsets as <see cref="Text"/>.</summary>
    public ReadOnlySpan<char> Lower => _lower.AsSpan(0, Text.Length);

    /// <summary>Tokenises <paramref name="text"/> into a new instance.</summary>
    public static TokenizedText Create(string text)
    {
        var tokenized = new TokenizedText();
        tokenized.Load(text);
        return tokenized;
    }

    /// <summary>The characters of <paramref name="token"/> as written.</summary>
    public ReadOnlySpan<char> Original(Token token) => Text.AsSpan(token.Start, token.Length);

    /// <summary>The characters of <paramref name="token"/> in lower case.</summary>
    public ReadOnlySpan<char> LowerOf(Token token) => _lower.AsSpan(token.Start, token.Length);

    /// <summary>The tokens of <paramref name="sentence"/>.</summary>
    public ReadOnlySpan<Token> TokensOf(SentenceRange sentence) => TokenSpan.Slice(sentence.FirstToken, sentence.TokenCount);

    /// <summary>Replaces the content with <paramref name="text"/>, tokenised and split into sentences.</summary>
    public void Load(string text)
    {
        Text = text;
        if (_lower.Length < text.Length)
        {
            _lower = new char[Math.Max(text.Length, _lower.Length * 2)];
        }

        ToLower(text, _lower);
        _tokens.Clear();
        _sentences.Clear();
        Tokenizer.Tokenize(text, Lower, _tokens);
        SentenceSplitter.Split(text, TokenSpan, _sentences);

        int caps = 0, other = 0;
        foreach (var token in TokenSpan)
        {
            if (token.Kind is TokenKind.Word && token.Has(TokenFlags.HasLetter))
            {
                if (token.Has(TokenFlags.AllCaps))
                {
                    caps++;
                }
                else
                {
                    other++;
                }
            }
        }

        MixedCase = caps > 0 && other > 0;
    }

    private static void ToLower(string text, char[] lower)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            lower[i] = c switch
            {
                >= 'A' and <= 'Z' => (char)(c + 32),
                < (char)128 => c,
                '\u2019' or '\u2018' or '\u02BC' or '\u00B4' => '\'',
                _ => char.ToLowerInvariant(c),
            };
        }
    }
}
