using System.Text;
using Loopwise.Core.Text.Topics;

namespace Loopwise.Core.Text.Discovery;

/// <summary>
/// Topic discovery (issue 4): suggests new taxonomy topics from comments that no topic covers, as key phrases ranked by
/// TF-IDF (cx-reference §6) and grouped, each with a rule a person can accept into the taxonomy.
/// </summary>
/// <remarks>
/// <para>
/// Candidates are the 1–3-word phrases of each document that neither start nor end with a stop word, contain a letter
/// at both ends, hold at least one word that is not generic ("said", "great", "three", "weeks", "customer": a word of
/// our lists that does not make a topic alone), do not cross clause punctuation (the topic rules' tokeniser: a rule
/// phrase matches them); single words need at least three letters. A candidate's score is Σ_d tf(t, d)·ln(N/df(t)) with raw counts; it must occur in
/// at least <see cref="KeyPhraseOptions.MinDocumentFrequency"/> documents and not in all of them.
/// </para>
/// <para>
/// With a background set (say, all comments behind the detractors' ones), each candidate also gets
/// lift = (df/N) / ((df_bg + 1)/(N_bg + 1)); candidates under <see cref="KeyPhraseOptions.MinLift"/> are dropped and the
/// ranking is score × lift. Ties (to nine decimals) go to the phrase in more documents, then to ordinal order.
/// </para>
/// <para>
/// Grouping, in rank order: a candidate joins the first group that has a phrase with the same light stems
/// ("late deliveries" and "late delivery"), or whose leading phrase contains it or is contained in it ("delivery" and
/// "late delivery") while sharing at least <see cref="KeyPhraseOptions.GroupOverlap"/> of the rarer one's documents;
/// otherwise it leads a new group, while fewer than <see cref="KeyPhraseOptions.MaxSuggestions"/> exist. A group's rule
/// is its leading phrase and that phrase's inflections, folded into a stem when they differ only in the last word and
/// share at least four letters of it ("refund, refunds, refunded" is <c>refund*</c>); the other phrases of the group
/// are listed as variants, so a person can widen the rule ("late delivery" leads, "delivery" is a variant). A
/// suggestion's document count and examples are the documents its rule matches.
/// </para>
/// </remarks>
public static class KeyPhrases
{
    private const int MinFoldedStem = 4;

    /// <summary>Suggests topics from <paramref name="documents"/>, without a background set.</summary>
    public static IReadOnlyList<PhraseSuggestion> Suggest(IReadOnlyList<string> documents, KeyPhraseOptions? options = null) =>
        Suggest(documents, null, options);

    /// <summary>
    /// Suggests topics from <paramref name="documents"/> (comments no topic covers), ranked by TF-IDF, or by TF-IDF × lift
    /// against <paramref name="background"/> when given.
    /// </summary>
    public static IReadOnlyList<PhraseSuggestion> Suggest(IReadOnlyList<string> documents, IReadOnlyList<string>? background, KeyPhraseOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(documents);
        options ??= new KeyPhraseOptions();
        var candidates = Count(documents, options.MaxWords);
        var n = documents.Count;
        var kept = candidates.Values.Where(c => c.Documents.Count >= options.MinDocumentFrequency && c.Documents.Count < n).ToList();
        foreach (var candidate in kept)
        {
            candidate.Score = candidate.Frequency * Math.Log((double)n / candidate.Documents.Count);
            candidate.Rank = candidate.Score;
        }

        if (background is not null)
        {
            var backgroundFrequency = BackgroundFrequency(background, kept, options.MaxWords);
            foreach (var candidate in kept)
            {
                candidate.Lift = ((double)candidate.Documents.Count / n)
                    / ((backgroundFrequency.GetValueOrDefault(candidate.Phrase) + 1.0) / (background.Count + 1.0));
                candidate.Rank = candidate.Score * candidate.Lift.Value;
            }

            kept.RemoveAll(c => c.Lift < options.MinLift);
        }

        kept.Sort(static (a, b) =>
        {
            var byRank = Math.Round(b.Rank, 9).CompareTo(Math.Round(a.Rank, 9));
            return byRank != 0 ? byRank
                : b.Documents.Count != a.Documents.Count ? b.Documents.Count.CompareTo(a.Documents.Count)
                : string.CompareOrdinal(a.Phrase, b.Phrase);
        });

        var groups = Group(kept, options);
        return Describe(groups, documents, options);
    }

    /// <summary>The candidate phrases of <paramref name="text"/>, one entry per occurrence.</summary>
    internal static IEnumerable<string> Phrases(string text, int maxWords)
    {
        var words = WordTokenizer.Words(text);
        for (var start = 0; start < words.Count; start++)
        {
            if (!CanEdge(words[start].Word))
            {
                continue;
            }

            for (var end = start; end < words.Count && end - start < maxWords; end++)
            {
                if (end > start && !words[end].Joined)
                {
                    break;
                }

                if (!CanEdge(words[end].Word) || (end == start && words[start].Word.Length < 3))
                {
                    continue;
                }

                var span = words.Skip(start).Take(end - start + 1).Select(w => w.Word).ToList();
                if (span.All(w => StopWords.Contains(w) || StopWords.IsGeneric(w)))
                {
                    continue;
                }

                yield return string.Join(' ', span);
            }
        }
    }

    private static bool CanEdge(string word) => !StopWords.Contains(word) && word.Any(char.IsLetter);

    private static Dictionary<string, Candidate> Count(IReadOnlyList<string> documents, int maxWords)
    {
        var candidates = new Dictionary<string, Candidate>(StringComparer.Ordinal);
        var inDocument = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var d = 0; d < documents.Count; d++)
        {
            inDocument.Clear();
            foreach (var phrase in Phrases(documents[d] ?? "", maxWords))
            {
                inDocument[phrase] = inDocument.GetValueOrDefault(phrase) + 1;
            }

            foreach (var (phrase, frequency) in inDocument)
            {
                if (!candidates.TryGetValue(phrase, out var candidate))
                {
                    candidates.Add(phrase, candidate = new Candidate(phrase));
                }

                candidate.Frequency += frequency;
                candidate.Documents.Add(d);
            }
        }

        return candidates;
    }

    private static Dictionary<string, int> BackgroundFrequency(IReadOnlyList<string> background, List<Candidate> kept, int maxWords)
    {
        var wanted = kept.Select(c => c.Phrase).ToHashSet(StringComparer.Ordinal);
        var frequency = new Dictionary<string, int>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var document in background)
        {
            seen.Clear();
            foreach (var phrase in Phrases(document ?? "", maxWords))
            {
                if (wanted.Contains(phrase) && seen.Add(phrase))
                {
                    frequency[phrase] = frequency.GetValueOrDefault(phrase) + 1;
                }
            }
        }

        return frequency;
    }

    private static List<CandidateGroup> Group(List<Candidate> ranked, KeyPhraseOptions options)
    {
        var groups = new List<CandidateGroup>();
        foreach (var candidate in ranked)
        {
            var home = groups.Find(g => g.StemKeys.Contains(candidate.StemKey))
                ?? groups.Find(g => (ContainsRun(g.Head.Stems, candidate.Stems) || ContainsRun(candidate.Stems, g.Head.Stems))
                    && Shared(g.Head.Documents, candidate.Documents) >= options.GroupOverlap * Math.Min(g.Head.Documents.Count, candidate.Documents.Count));
            if (home is not null)
            {
                home.Members.Add(candidate);
                home.StemKeys.Add(candidate.StemKey);
            }
            else if (groups.Count < options.MaxSuggestions)
            {
                groups.Add(new CandidateGroup(candidate));
            }
        }

        return groups;
    }

    private static List<PhraseSuggestion> Describe(List<CandidateGroup> groups, IReadOnlyList<string> documents, KeyPhraseOptions options)
    {
        if (groups.Count == 0)
        {
            return [];
        }

        var rules = groups.Select(RuleOf).ToList();
        var compilation = TopicTaxonomy.Compile(rules.Select((rule, i) => new TopicDefinition($"s{i}", groups[i].Head.Phrase, rule)).ToList());
        var taxonomy = compilation.Taxonomy
            ?? throw new InvalidOperationException($"A suggested rule does not compile: {compilation.Errors[0].Message} ({compilation.Errors[0].Key})");
        var covered = new int[groups.Count];
        var examples = groups.Select(_ => new List<int>()).ToList();
        var hits = new List<TopicHit>();
        for (var d = 0; d < documents.Count; d++)
        {
            var text = documents[d] ?? "";
            hits.Clear();
            taxonomy.Match(text, new TextSpan(0, text.Length), hits);
            var last = -1;
            foreach (var hit in hits)
            {
                if (hit.Topic == last)
                {
                    continue;
                }

                last = hit.Topic;
                covered[hit.Topic]++;
                if (examples[hit.Topic].Count < options.MaxExamples)
                {
                    examples[hit.Topic].Add(d);
                }
            }
        }

        return groups.Select((g, i) => new PhraseSuggestion(
            g.Head.Phrase,
            rules[i],
            g.Head.Score,
            g.Head.Lift,
            covered[i],
            examples[i],
            g.Members.Select(m => m.Phrase).ToList())).ToList();
    }

    /// <summary>The rule of a group: its leading phrase and that phrase's inflections, folded into a stem where they allow.</summary>
    internal static string RuleOf(CandidateGroup group)
    {
        var forms = group.Members.Where(m => m.StemKey == group.Head.StemKey).ToList();
        return (forms.Count > 1 ? Fold(forms) : null) ?? string.Join(", ", forms.Select(f => Term(f.Words, stem: false)));
    }

    /// <summary>Phrases that differ only in their last word, folded into one stem term; null when the shared start is too short.</summary>
    private static string? Fold(List<Candidate> forms)
    {
        var first = forms[0].Words;
        if (forms.Any(f => f.Words.Length != first.Length || !f.Words.AsSpan(0, first.Length - 1).SequenceEqual(first.AsSpan(0, first.Length - 1))))
        {
            return null;
        }

        var prefix = first[^1];
        foreach (var form in forms)
        {
            var last = form.Words[^1];
            var length = 0;
            while (length < prefix.Length && length < last.Length && prefix[length] == last[length])
            {
                length++;
            }

            prefix = prefix[..length];
        }

        if (prefix.Length < Math.Max(MinFoldedStem, RuleParser.MinStemLength))
        {
            return null;
        }

        var words = first.ToArray();
        words[^1] = prefix;
        return Term(words, stem: true);
    }

    private static string Term(string[] words, bool stem)
    {
        var builder = new StringBuilder();
        if (words.Length > 1)
        {
            builder.Append('"');
        }

        builder.AppendJoin(' ', words);
        if (stem)
        {
            builder.Append('*');
        }

        if (words.Length > 1)
        {
            builder.Append('"');
        }

        return builder.ToString();
    }

    /// <summary>Whether <paramref name="inner"/> occurs as a contiguous run in <paramref name="outer"/>.</summary>
    private static bool ContainsRun(string[] outer, string[] inner)
    {
        if (inner.Length > outer.Length)
        {
            return false;
        }

        for (var start = 0; start + inner.Length <= outer.Length; start++)
        {
            if (outer.AsSpan(start, inner.Length).SequenceEqual(inner))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>How many documents two ascending index lists share.</summary>
    private static int Shared(List<int> a, List<int> b)
    {
        int i = 0, j = 0, shared = 0;
        while (i < a.Count && j < b.Count)
        {
            if (a[i] == b[j])
            {
                shared++;
                i++;
                j++;
            }
            else if (a[i] < b[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return shared;
    }

    internal sealed class Candidate
    {
        public Candidate(string phrase)
        {
            Phrase = phrase;
            Words = phrase.Split(' ');
            Stems = Words.Select(LightStemmer.Stem).ToArray();
            StemKey = string.Join(' ', Stems);
        }

        public string Phrase { get; }

        public string[] Words { get; }

        public string[] Stems { get; }

        public string StemKey { get; }

        public int Frequency { get; set; }

        public List<int> Documents { get; } = [];

        public double Score { get; set; }

        public double? Lift { get; set; }

        public double Rank { get; set; }
    }

    internal sealed class CandidateGroup(Candidate head)
    {
        public Candidate Head { get; } = head;

        public List<Candidate> Members { get; } = [head];

        public HashSet<string> StemKeys { get; } = new(StringComparer.Ordinal) { head.StemKey };
    }
}
