using System.Collections.Frozen;
using Loopwise.Core.Text.Discovery;

namespace Loopwise.Core.Text.Topics;

/// <summary>A compiled, immutable, thread-safe taxonomy: matches topic rules against sentences.</summary>
/// <remarks>
/// <para>
/// The rule language, matched within one sentence and case-insensitively:
/// <list type="bullet">
/// <item><c>refund</c>: a whole word ("refund", not "refunds"; "refund's" counts).</item>
/// <item><c>refund*</c>: a stem, every word starting with it (at least three letters before the *).</item>
/// <item><c>"on hold"</c>, or bare words in a row such as <c>money back</c>: a phrase, its words in a row with nothing but
/// spaces, hyphens, slashes or quotes between them ("check-in" reads as "check in"); a phrase may end in or hold stems:
/// <c>"put* on hold"</c>.</item>
/// <item><c>a OR b</c>, and commas: <c>refund, money back, reimburs*</c> is a list of alternatives.</item>
/// <item><c>a AND b</c>: both somewhere in the sentence.</item>
/// <item><c>NOT a</c>, and <c>a NOT b</c> for <c>a AND NOT b</c>: the sentence must not contain a. A rule cannot be
/// made of exclusions alone.</item>
/// <item><c>a NEAR/n b</c>: a and b in either order with at most n words between them (<c>NEAR</c> alone is NEAR/5);
/// its sides are words, phrases, alternatives of them or another NEAR.</item>
/// <item>Parentheses group. Precedence, loosest first: OR and commas, AND, NOT, NEAR. Operators are upper case; a lower-case
/// "and", "or", "not" or "near" is a word.</item>
/// </list>
/// </para>
/// <para>
/// Keys are slug paths ("billing", "billing/refunds"); a topic's parent must exist. A topic with subtopics may have an
/// empty rule: <see cref="Match"/> reports only the topics whose own rule matched, and the caller adds their ancestors
/// (<see cref="ParentOf"/>), so such a parent is found exactly when one of its subtopics is.
/// </para>
/// <para>
/// Matching tokenises the sentence once into lower-cased words, looks each word up in an index of rule words and stem
/// prefixes, and evaluates only the rules one of whose words occurs (for a phrase, its longest word that is not a
/// function word).
/// </para>
/// </remarks>
public sealed class TopicTaxonomy
{
    private readonly RuleNode?[] _rules;
    private readonly int[] _parents;
    private readonly FrozenDictionary<string, int> _keys;
    private readonly WordIndex _words;
    private readonly WordIndex _stemBuckets;
    private readonly StemAtom[][] _stems;
    private readonly int[][] _triggers;

    private TopicTaxonomy(IReadOnlyList<TopicDefinition> topics, RuleNode?[] rules, int[] parents, AtomTable atoms)
    {
        Topics = topics;
        _rules = rules;
        _parents = parents;
        _keys = Enumerable.Range(0, topics.Count).ToFrozenDictionary(i => topics[i].Key, StringComparer.Ordinal);
        _words = new WordIndex(atoms.Words);
        var buckets = atoms.Stems.ToList();
        _stemBuckets = new WordIndex(buckets.Select((b, i) => KeyValuePair.Create(b.Key, i)).ToList());
        _stems = buckets.Select(b => b.Value.ToArray()).ToArray();
        _triggers = atoms.Triggers.Select(t => t.ToArray()).ToArray();
    }

    /// <summary>A taxonomy without topics: it matches nothing.</summary>
    public static TopicTaxonomy Empty { get; } = Compile([]).Taxonomy!;

    public IReadOnlyList<TopicDefinition> Topics { get; }

    /// <summary>The index in <see cref="Topics"/> of the parent of topic <paramref name="topic"/>, or −1 for a top-level topic.</summary>
    public int ParentOf(int topic) => _parents[topic];

    /// <summary>The index in <see cref="Topics"/> of the topic with <paramref name="key"/>, or −1.</summary>
    public int IndexOf(string key) => _keys.TryGetValue(key, out var index) ? index : -1;

    /// <summary>Compiles <paramref name="topics"/>; a rule that does not parse or a key that is not a valid path gives errors and no taxonomy.</summary>
    public static TaxonomyCompilation Compile(IReadOnlyList<TopicDefinition> topics)
    {
        ArgumentNullException.ThrowIfNull(topics);
        var errors = new List<TaxonomyError>();
        var keys = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < topics.Count; i++)
        {
            var topic = topics[i];
            if (!IsKey(topic.Key))
            {
                errors.Add(new TaxonomyError(topic.Key, -1,
                    "A key is a path of lower-case slugs separated by /, such as billing/refunds (letters, digits and single hyphens)."));
            }
            else if (!keys.TryAdd(topic.Key, i))
            {
                errors.Add(new TaxonomyError(topic.Key, -1, "Another topic already has this key."));
            }

            if (string.IsNullOrWhiteSpace(topic.Name))
            {
                errors.Add(new TaxonomyError(topic.Key, -1, "The topic needs a name."));
            }
        }

        var parents = new int[topics.Count];
        var hasChildren = new bool[topics.Count];
        for (var i = 0; i < topics.Count; i++)
        {
            var slash = topics[i].Key.LastIndexOf('/');
            parents[i] = -1;
            if (slash > 0 && IsKey(topics[i].Key))
            {
                var parentKey = topics[i].Key[..slash];
                if (keys.TryGetValue(parentKey, out var parent))
                {
                    parents[i] = parent;
                    hasChildren[parent] = true;
                }
                else
                {
                    errors.Add(new TaxonomyError(topics[i].Key, -1, $"The parent topic '{parentKey}' does not exist: add it first."));
                }
            }
        }

        var expressions = new RuleExpression?[topics.Count];
        for (var i = 0; i < topics.Count; i++)
        {
            var parse = RuleParser.Parse(topics[i].Rule ?? "");
            if (parse.Error is not null)
            {
                errors.Add(new TaxonomyError(topics[i].Key, parse.ErrorPosition, parse.Error));
            }
            else if (parse.Expression is null && !hasChildren[i])
            {
                errors.Add(new TaxonomyError(topics[i].Key, -1, "A topic without subtopics needs a rule, such as: refund, money back, reimburs*"));
            }

            expressions[i] = parse.Expression;
        }

        if (errors.Count > 0)
        {
            return new TaxonomyCompilation(null, errors);
        }

        var atoms = new AtomTable();
        var rules = new RuleNode?[topics.Count];
        for (var i = 0; i < topics.Count; i++)
        {
            if (expressions[i] is { } expression)
            {
                rules[i] = atoms.Bind(expression, i, positive: true);
            }
        }

        return new TaxonomyCompilation(new TopicTaxonomy(topics, rules, parents, atoms), []);
    }

    /// <summary>
    /// Adds to <paramref name="hits"/> every topic whose own rule matches within <paramref name="sentence"/> of
    /// <paramref name="text"/>, with the matched phrases: one hit per phrase, in topic order and then text order, a
    /// phrase inside another matched phrase of the same topic left out. Ancestors are not added (see the remarks).
    /// </summary>
    public void Match(string text, TextSpan sentence, List<TopicHit> hits)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(hits);
        if (_triggers.Length == 0 || sentence.Length == 0)
        {
            return;
        }

        var state = MatchState.Current;
        state.Prepare(sentence.Length, Topics.Count, _triggers.Length);
        var lower = state.Lower.AsSpan(0, sentence.Length);
        state.TokenCount = WordTokenizer.Tokenize(text.AsSpan(sentence.Start, sentence.Length), lower, state.Tokens);
        try
        {
            FindAtoms(state, lower);
            if (state.Candidates.Count == 0)
            {
                return;
            }

            state.Candidates.Sort();
            foreach (var topic in state.Candidates)
            {
                state.IsCandidate[topic] = false;
            }

            foreach (var topic in state.Candidates)
            {
                var rule = _rules[topic]!;
                if (!rule.Matches(state))
                {
                    continue;
                }

                state.Highlights.Clear();
                rule.Collect(state);
                AddHits(state, topic, sentence.Start, hits);
            }
        }
        finally
        {
            state.ClearAtoms();
        }
    }

    /// <summary>Records the rule atoms at each word and marks the topics they can trigger.</summary>
    private void FindAtoms(MatchState state, ReadOnlySpan<char> lower)
    {
        for (var t = 0; t < state.TokenCount; t++)
        {
            state.AtomStart[t] = state.AtomCount;
            var token = state.Tokens[t];
            var word = lower.Slice(token.Start, token.Length);
            if (_words.TryGetValue(word, out var atom))
            {
                state.AddAtom(t, atom);
            }

            if (word.Length > 2 && word.EndsWith("'s", StringComparison.Ordinal) && _words.TryGetValue(word[..^2], out atom))
            {
                state.AddAtom(t, atom);
            }

            if (word.Length >= RuleParser.MinStemLength && _stemBuckets.TryGetValue(word[..RuleParser.MinStemLength], out var bucket))
            {
                foreach (var stem in _stems[bucket])
                {
                    if (word.StartsWith(stem.Stem, StringComparison.Ordinal))
                    {
                        state.AddAtom(t, stem.Atom);
                    }
                }
            }

            for (var a = state.AtomStart[t]; a < state.AtomCount; a++)
            {
                foreach (var topic in _triggers[state.Atoms[a]])
                {
                    if (!state.IsCandidate[topic])
                    {
                        state.IsCandidate[topic] = true;
                        state.Candidates.Add(topic);
                    }
                }
            }
        }

        state.AtomStart[state.TokenCount] = state.AtomCount;
    }

    private static void AddHits(MatchState state, int topic, int offset, List<TopicHit> hits)
    {
        var highlights = state.Highlights;
        highlights.Sort(static (a, b) => a.First != b.First ? a.First.CompareTo(b.First) : b.Last.CompareTo(a.Last));
        var kept = new Interval(-1, -1);
        foreach (var interval in highlights)
        {
            if (kept.First >= 0 && interval.First >= kept.First && interval.Last <= kept.Last)
            {
                continue;
            }

            kept = interval;
            var first = state.Tokens[interval.First];
            var last = state.Tokens[interval.Last];
            hits.Add(new TopicHit(topic, new TextSpan(offset + first.Start, last.End - first.Start)));
        }
    }

    private static bool IsKey(string? key)
    {
        if (string.IsNullOrEmpty(key))
        {
            return false;
        }

        var segmentStart = 0;
        for (var i = 0; i <= key.Length; i++)
        {
            var c = i < key.Length ? key[i] : '/';
            if (c == '/')
            {
                if (i == segmentStart || key[i - 1] == '-')
                {
                    return false;
                }

                segmentStart = i + 1;
            }
            else if (c == '-')
            {
                if (i == segmentStart || key[i - 1] == '-')
                {
                    return false;
                }
            }
            else if (!char.IsAsciiLetterLower(c) && !char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private readonly record struct StemAtom(string Stem, int Atom);

    /// <summary>Numbers the distinct words and stems of all rules and records which topics each can trigger.</summary>
    private sealed class AtomTable
    {
        public Dictionary<string, int> Words { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, List<StemAtom>> Stems { get; } = new(StringComparer.Ordinal);

        public List<List<int>> Triggers { get; } = [];

        private readonly Dictionary<string, int> _stemAtoms = new(StringComparer.Ordinal);

        public RuleNode Bind(RuleExpression expression, int topic, bool positive) => expression switch
        {
            TermExpression term => BindTerm(term, topic, positive),
            OrExpression or => new OrNode(or.Alternatives.Select(a => Bind(a, topic, positive)).ToArray()),
            AndExpression and => new AndNode(and.Operands.Select(o => Bind(o, topic, positive)).ToArray()),
            NotExpression not => new NotNode(Bind(not.Operand, topic, positive: false)),
            NearExpression near => new NearNode(Bind(near.Left, topic, positive), Bind(near.Right, topic, positive), near.Distance),
            _ => throw new InvalidOperationException("Unknown rule expression."),
        };

        /// <summary>
        /// Binds a term; when it is positive, its topic becomes a candidate whenever the term's most telling word occurs:
        /// any word of a phrase must occur for it to match, and "store" is rarer than "the" in "the store".
        /// </summary>
        private TermNode BindTerm(TermExpression term, int topic, bool positive)
        {
            var atoms = term.Words.Select(AtomOf).ToArray();
            if (positive)
            {
                var trigger = atoms[TriggerWord(term.Words)];
                if (!Triggers[trigger].Contains(topic))
                {
                    Triggers[trigger].Add(topic);
                }
            }

            return new TermNode(atoms);
        }

        /// <summary>The index of the longest word of a phrase that is not a function word (the first word when all are).</summary>
        private static int TriggerWord(IReadOnlyList<RuleWord> words)
        {
            var best = 0;
            var bestLength = -1;
            for (var w = 0; w < words.Count; w++)
            {
                var length = StopWords.Contains(words[w].Text) ? 0 : words[w].Text.Length;
                if (length > bestLength)
                {
                    best = w;
                    bestLength = length;
                }
            }

            return best;
        }

        private int AtomOf(RuleWord word)
        {
            var table = word.IsStem ? _stemAtoms : Words;
            if (table.TryGetValue(word.Text, out var atom))
            {
                return atom;
            }

            atom = Triggers.Count;
            Triggers.Add([]);
            table.Add(word.Text, atom);
            if (word.IsStem)
            {
                var bucket = word.Text[..RuleParser.MinStemLength];
                if (!Stems.TryGetValue(bucket, out var stems))
                {
                    Stems.Add(bucket, stems = []);
                }

                stems.Add(new StemAtom(word.Text, atom));
            }

            return atom;
        }
    }
}
