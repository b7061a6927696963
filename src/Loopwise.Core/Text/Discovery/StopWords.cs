using System.Collections.Frozen;

namespace Loopwise.Core.Text.Discovery;

/// <summary>
/// Our own English word lists for key phrases, lower case, apostrophes as in the word tokeniser: function words
/// (articles, pronouns, auxiliaries, prepositions, conjunctions, common adverbs, contractions, URL parts), which cannot
/// start or end a phrase, and generic feedback words (common verbs, praise and blame, numbers, time spans, "customer",
/// "service"), which can but do not make a topic alone: a phrase needs one word that is neither.
/// </summary>
internal static class StopWords
{
    private static readonly FrozenSet<string> Words = new[]
    {
        "a", "about", "above", "after", "again", "against", "ago", "all", "almost", "already", "also", "although", "always", "am",
        "an", "and", "another", "any", "anyone", "anything", "anyway", "are", "around", "as", "at", "away", "back", "be", "because",
        "been", "before", "being", "below", "between", "both", "but", "by", "can", "can't", "cannot", "could", "couldn't", "did",
        "didn't", "do", "does", "doesn't", "doing", "don't", "done", "down", "during", "each", "either", "else", "enough", "even",
        "ever", "every", "everyone", "everything", "few", "for", "from", "further", "get", "gets", "getting", "got", "had",
        "hadn't", "has", "hasn't", "have", "haven't", "having", "he", "he'd", "he's", "her", "here", "hers", "herself", "him",
        "himself", "his", "how", "however", "i", "i'd", "i'll", "i'm", "i've", "if", "in", "into", "is", "isn't", "it", "it's",
        "its", "itself", "just", "least", "less", "let", "let's", "like", "lot", "lots", "many", "may", "maybe", "me", "might",
        "more", "most", "much", "must", "my", "myself", "never", "no", "nor", "not", "now", "of", "off", "often", "ok", "okay",
        "on", "once", "one", "only", "or", "other", "others", "our", "ours", "ourselves", "out", "over", "own", "per", "please",
        "quite", "rather", "really", "same", "she", "she'd", "she's", "should", "shouldn't", "since", "so", "some", "someone",
        "something", "still", "such", "than", "that", "that's", "the", "their", "theirs", "them", "themselves", "then", "there",
        "there's", "these", "they", "they'd", "they're", "they've", "thing", "things", "this", "those", "though", "through", "to",
        "too", "under", "until", "up", "upon", "us", "very", "was", "wasn't", "we", "we'd", "we're", "we've", "well", "were",
        "weren't", "what", "what's", "when", "where", "whether", "which", "while", "who", "whom", "whose", "why", "will", "with",
        "within", "without", "won't", "would", "wouldn't", "yet", "you", "you'd", "you'll", "you're", "you've", "your", "yours",
        "yourself", "yourselves", "nobody", "anybody", "everybody", "somebody", "com", "www", "http", "https", "org", "net",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> Generic = new[]
    {
        "said", "say", "says", "saying", "told", "tell", "tells", "telling", "asked", "ask", "asking", "came", "come", "comes",
        "coming", "went", "go", "goes", "going", "gone", "took", "take", "takes", "taking", "taken", "made", "make", "makes",
        "making", "gave", "give", "gives", "given", "giving", "put", "keep", "keeps", "kept", "know", "knew", "known", "think",
        "thought", "want", "wanted", "wants", "need", "needed", "needs", "use", "used", "uses", "using", "see", "saw", "seen",
        "look", "looked", "looks", "looking", "find", "found", "tried", "try", "tries", "trying", "seem", "seems", "seemed",
        "feel", "felt", "bought", "buy", "happen", "happened", "happens", "thank", "thanks", "love", "loved", "liked", "hate",
        "hated", "good", "great", "nice", "bad", "best", "better", "worse", "worst", "excellent", "brilliant", "amazing",
        "awesome", "terrible", "awful", "horrible", "happy", "unhappy", "pleased", "disappointed", "fine", "perfect", "lovely",
        "poor", "fantastic", "wonderful", "decent", "average", "actually", "definitely", "absolutely", "totally", "honestly",
        "literally", "pretty", "super", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "first",
        "second", "third", "last", "next", "time", "times", "day", "days", "week", "weeks", "month", "months", "year", "years",
        "today", "yesterday", "tomorrow", "hour", "hours", "minute", "minutes", "morning", "night", "customer", "customers",
        "service", "services", "company", "experience", "nothing", "people", "person", "guys", "team",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static bool Contains(string word) => Words.Contains(word);

    public static bool IsGeneric(string word) => Generic.Contains(word);
}
