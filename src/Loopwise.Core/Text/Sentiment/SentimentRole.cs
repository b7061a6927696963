namespace Loopwise.Core.Text.Sentiment;

/// <summary>The part a word plays in the sentiment rules besides its valence (cx-reference §6).</summary>
[Flags]
internal enum SentimentRole
{
    None = 0,

    /// <summary>Multiplies the valence of a lexicon word up to 3 tokens after it by −0.74.</summary>
    Negator = 1,

    /// <summary>"but": valences before it count half, after it one and a half times.</summary>
    But = 2,

    /// <summary>"least": negates the next word unless preceded by "at" or "very".</summary>
    Least = 4,

    /// <summary>"at" or "very" before "least".</summary>
    LeastGuard = 8,

    /// <summary>"never": before "so"/"this" it intensifies (×1.25) instead of negating.</summary>
    Never = 16,

    /// <summary>"so" or "this" after "never".</summary>
    SoThis = 32,

    /// <summary>"without": before "doubt" it does not negate.</summary>
    Without = 64,

    /// <summary>"doubt" after "without".</summary>
    Doubt = 128,

    /// <summary>An idiom whose valence is fixed: no booster, capitals or negation change it.</summary>
    Fixed = 256,

    /// <summary>A word that names a problem rather than an opinion ("refund", "cancelled"): negation does not flip it.</summary>
    Sticky = 512,
}
