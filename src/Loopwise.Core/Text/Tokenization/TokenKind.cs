namespace Loopwise.Core.Text.Tokenization;

/// <summary>What a <see cref="Token"/> is.</summary>
public enum TokenKind
{
    /// <summary>Letters (and digits) with inner apostrophes, hyphens or dots: "don't", "hassle-free", "e.g.".</summary>
    Word,

    /// <summary>Starts with a digit or a currency sign: "4.99", "$4.99", "24/7", "10/10", "30%".</summary>
    Number,

    /// <summary>A run of punctuation: ".", "?!", "...", ",".</summary>
    Punctuation,

    /// <summary>An emoticon known to the lexicons: ":)", ":-(", "&lt;3", ":D".</summary>
    Emoticon,

    /// <summary>One emoji with its modifiers (skin tone, variation selector, zero-width-joiner sequence).</summary>
    Emoji,

    /// <summary>A typed redaction token such as "[EMAIL]" left by the PII redactor.</summary>
    Placeholder,
}
