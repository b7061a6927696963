namespace Loopwise.Core.Text.Sentiment;

/// <summary>
/// What the sentiment rules know about a word or phrase: its valence (−4..4, 0 when it is not a lexicon word), its
/// booster increment (+0.293 for "very", −0.293 for "barely", 0 otherwise) and its roles.
/// </summary>
internal readonly record struct SentimentEntry(double Valence, double Booster, SentimentRole Roles)
{
    public bool Has(SentimentRole role) => (Roles & role) != 0;
}
