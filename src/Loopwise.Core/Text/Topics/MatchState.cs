namespace Loopwise.Core.Text.Topics;

/// <summary>
/// The scratch memory of matching one sentence: its lower-cased characters, words, the rule atoms found at each word,
/// the candidate topics and the intervals (word ranges, inclusive) rules produce. One per thread, reused, so matching
/// allocates nothing once the buffers have grown to the longest sentence seen.
/// </summary>
internal sealed class MatchState
{
    [ThreadStatic]
    private static MatchState? _current;

    public char[] Lower = new char[256];

    public WordToken[] Tokens = new WordToken[WordTokenizer.MaxTokens(256)];

    public int TokenCount;

    /// <summary>The atoms found at word t are <c>Atoms[AtomStart[t] .. AtomStart[t + 1]]</c>; each entry is an occurrence.</summary>
    public int[] AtomStart = new int[WordTokenizer.MaxTokens(256) + 1];

    public int[] Atoms = new int[256];

    public int AtomCount;

    /// <summary>The word of each occurrence.</summary>
    public int[] OccurrenceToken = new int[256];

    /// <summary>The next occurrence of the same atom, or −1: with <see cref="FirstOccurrence"/>, a list per atom in word order.</summary>
    public int[] NextOccurrence = new int[256];

    /// <summary>The first occurrence of each atom of the taxonomy, or −1 (reset after each sentence).</summary>
    public int[] FirstOccurrence = [];

    public int[] LastOccurrence = [];

    public bool[] IsCandidate = new bool[64];

    public List<int> Candidates = new(64);

    public Interval[] Intervals = new Interval[64];

    public int IntervalCount;

    public List<Interval> Highlights = new(16);

    public static MatchState Current => _current ??= new MatchState();

    /// <summary>
    /// Grows the buffers for a sentence of <paramref name="length"/> characters and a taxonomy of <paramref name="topics"/>
    /// topics and <paramref name="atoms"/> atoms.
    /// </summary>
    public void Prepare(int length, int topics, int atoms)
    {
        if (Lower.Length < length)
        {
            var size = Math.Max(length, Lower.Length * 2);
            Lower = new char[size];
            Tokens = new WordToken[WordTokenizer.MaxTokens(size)];
            AtomStart = new int[WordTokenizer.MaxTokens(size) + 1];
        }

        if (IsCandidate.Length < topics)
        {
            IsCandidate = new bool[Math.Max(topics, IsCandidate.Length * 2)];
        }

        if (FirstOccurrence.Length < atoms)
        {
            FirstOccurrence = new int[Math.Max(atoms, FirstOccurrence.Length * 2)];
            LastOccurrence = new int[FirstOccurrence.Length];
            Array.Fill(FirstOccurrence, -1);
        }

        TokenCount = 0;
        AtomCount = 0;
        IntervalCount = 0;
        Candidates.Clear();
    }

    /// <summary>Records that <paramref name="atom"/> occurs at word <paramref name="token"/> (words in order).</summary>
    public void AddAtom(int token, int atom)
    {
        if (AtomCount == Atoms.Length)
        {
            Array.Resize(ref Atoms, Atoms.Length * 2);
            Array.Resize(ref OccurrenceToken, Atoms.Length);
            Array.Resize(ref NextOccurrence, Atoms.Length);
        }

        var occurrence = AtomCount++;
        Atoms[occurrence] = atom;
        OccurrenceToken[occurrence] = token;
        NextOccurrence[occurrence] = -1;
        if (FirstOccurrence[atom] < 0)
        {
            FirstOccurrence[atom] = occurrence;
        }
        else
        {
            NextOccurrence[LastOccurrence[atom]] = occurrence;
        }

        LastOccurrence[atom] = occurrence;
    }

    /// <summary>Forgets the atoms of the sentence, so the next one starts from empty lists.</summary>
    public void ClearAtoms()
    {
        for (var o = 0; o < AtomCount; o++)
        {
            FirstOccurrence[Atoms[o]] = -1;
        }

        AtomCount = 0;
    }

    public bool HasAtom(int token, int atom)
    {
        for (var a = AtomStart[token]; a < AtomStart[token + 1]; a++)
        {
            if (Atoms[a] == atom)
            {
                return true;
            }
        }

        return false;
    }

    public void AddInterval(int first, int last)
    {
        if (IntervalCount == Intervals.Length)
        {
            Array.Resize(ref Intervals, Intervals.Length * 2);
        }

        Intervals[IntervalCount++] = new Interval(first, last);
    }
}

/// <summary>Words <paramref name="First"/> to <paramref name="Last"/> (inclusive) of a sentence.</summary>
internal readonly record struct Interval(int First, int Last);
