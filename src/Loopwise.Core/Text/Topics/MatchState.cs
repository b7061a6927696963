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

    /// <summary>The atoms found at word t are <c>Atoms[AtomStart[t] .. AtomStart[t + 1]]</c>.</summary>
    public int[] AtomStart = new int[WordTokenizer.MaxTokens(256) + 1];

    public int[] Atoms = new int[256];

    public bool[] IsCandidate = new bool[64];

    public List<int> Candidates = new(64);

    public Interval[] Intervals = new Interval[64];

    public int IntervalCount;

    public List<Interval> Highlights = new(16);

    public static MatchState Current => _current ??= new MatchState();

    /// <summary>Grows the buffers for a sentence of <paramref name="length"/> characters and a taxonomy of <paramref name="topics"/> topics.</summary>
    public void Prepare(int length, int topics)
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

        TokenCount = 0;
        IntervalCount = 0;
        Candidates.Clear();
    }

    public void AddAtom(ref int count, int atom)
    {
        if (count == Atoms.Length)
        {
            Array.Resize(ref Atoms, Atoms.Length * 2);
        }

        Atoms[count++] = atom;
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
