namespace Loopwise.Core.Metrics;

/// <summary>
/// One count per point of a <see cref="ScaleDefinition"/>: the rollup sufficient statistics of
/// cx-reference.md (conventions). n, sum, sum of squares, mean, variance, any box share and NPS
/// all derive from these counts, and two rollups combine by adding their counts.
/// </summary>
public sealed class ScaleCounts
{
    private readonly long[] _counts;

    /// <summary>Empty counts for <paramref name="scale"/>.</summary>
    /// <exception cref="ArgumentException">The scale's Max is below its Min.</exception>
    public ScaleCounts(ScaleDefinition scale)
    {
        ArgumentNullException.ThrowIfNull(scale);
        if (scale.Max < scale.Min)
        {
            throw new ArgumentException($"Scale '{scale.Id}' has Max below Min.", nameof(scale));
        }

        Scale = scale;
        _counts = new long[scale.Points];
    }

    /// <summary>The scale the counts belong to.</summary>
    public ScaleDefinition Scale { get; }

    /// <summary>Counts per scale point; index 0 is <see cref="ScaleDefinition.Min"/>.</summary>
    public IReadOnlyList<long> Counts => _counts;

    /// <summary>Number of answers counted.</summary>
    public long N => CountBetween(Scale.Min, Scale.Max);

    /// <summary>Σx over all answers.</summary>
    public long Sum => SumOfPowers(1);

    /// <summary>Σx² over all answers.</summary>
    public long SumOfSquares => SumOfPowers(2);

    /// <summary>Σx/n, or null when n = 0.</summary>
    public double? Mean => N == 0 ? null : (double)Sum / N;

    /// <summary>
    /// Sample variance s² = (Σx² − (Σx)²/n)/(n − 1) (cx-reference.md §2), computed exactly in integers
    /// before the final division; null when n &lt; 2.
    /// </summary>
    public double? SampleVariance
    {
        get
        {
            var n = N;
            if (n < 2)
            {
                return null;
            }

            Int128 sum = Sum;
            var numerator = (n * (Int128)SumOfSquares) - (sum * sum);
            return (double)numerator / ((double)n * (n - 1));
        }
    }

    /// <summary>Sample standard deviation s, or null when n &lt; 2.</summary>
    public double? SampleStandardDeviation => SampleVariance is { } v ? Math.Sqrt(v) : null;

    /// <summary>Answers in the scale's favourable set (top- or bottom-box).</summary>
    public long FavourableCount
    {
        get
        {
            long total = 0;
            for (var value = Scale.Min; value <= Scale.Max; value++)
            {
                if (Scale.IsFavourable(value))
                {
                    total = checked(total + _counts[value - Scale.Min]);
                }
            }

            return total;
        }
    }

    /// <summary>The count for one scale value.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not on the scale.</exception>
    public long this[int value] => _counts[IndexOf(value)];

    /// <summary>Counts with the given values, one per scale point starting at Min.</summary>
    /// <exception cref="ArgumentException">The number of counts differs from the number of scale points.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative.</exception>
    public static ScaleCounts FromCounts(ScaleDefinition scale, params ReadOnlySpan<long> counts)
    {
        var result = new ScaleCounts(scale);
        if (counts.Length != result._counts.Length)
        {
            throw new ArgumentException(
                $"Scale '{scale.Id}' has {result._counts.Length} points but {counts.Length} counts were given.",
                nameof(counts));
        }

        for (var i = 0; i < counts.Length; i++)
        {
            result.Add(scale.Min + i, counts[i]);
        }

        return result;
    }

    /// <summary>Counts of individual answers.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An answer is not on the scale.</exception>
    public static ScaleCounts FromValues(ScaleDefinition scale, IEnumerable<int> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var result = new ScaleCounts(scale);
        foreach (var value in values)
        {
            result.Add(value);
        }

        return result;
    }

    /// <summary>A new instance holding a + b (the union of two disjoint sets of answers).</summary>
    /// <exception cref="ArgumentException">The two counts are on different scales.</exception>
    public static ScaleCounts Merge(ScaleCounts a, ScaleCounts b)
    {
        ArgumentNullException.ThrowIfNull(a);
        var result = a.Clone();
        result.Add(b);
        return result;
    }

    /// <summary>Answers whose value lies in [<paramref name="low"/>, <paramref name="high"/>], clipped to the scale.</summary>
    public long CountBetween(int low, int high)
    {
        long total = 0;
        for (var value = Math.Max(low, Scale.Min); value <= Math.Min(high, Scale.Max); value++)
        {
            total = checked(total + _counts[value - Scale.Min]);
        }

        return total;
    }

    /// <summary>Counts <paramref name="count"/> answers of <paramref name="value"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not on the scale, or count is negative.</exception>
    public void Add(int value, long count = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var index = IndexOf(value);
        _counts[index] = checked(_counts[index] + count);
    }

    /// <summary>Removes previously counted answers (e.g. after a privacy erasure).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not on the scale, count is negative, or exceeds the stored count.</exception>
    public void Remove(int value, long count = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var index = IndexOf(value);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, _counts[index]);
        _counts[index] -= count;
    }

    /// <summary>Adds every count of <paramref name="other"/> to this instance.</summary>
    /// <exception cref="ArgumentException">The two counts are on different scales.</exception>
    public void Add(ScaleCounts other)
    {
        EnsureSameScale(this, other);
        for (var i = 0; i < _counts.Length; i++)
        {
            _counts[i] = checked(_counts[i] + other._counts[i]);
        }
    }

    /// <summary>An independent copy.</summary>
    public ScaleCounts Clone()
    {
        var copy = new ScaleCounts(Scale);
        _counts.CopyTo(copy._counts, 0);
        return copy;
    }

    /// <summary>True when both instances are on the same scale and hold equal counts.</summary>
    public bool HasSameCounts(ScaleCounts other) =>
        other is not null && IsSameScale(Scale, other.Scale) && _counts.AsSpan().SequenceEqual(other._counts);

    /// <summary>
    /// True when two scale definitions describe the same scale: same id, range, polarity and favourable set.
    /// </summary>
    public static bool IsSameScale(ScaleDefinition a, ScaleDefinition b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return ReferenceEquals(a, b)
            || (string.Equals(a.Id, b.Id, StringComparison.Ordinal)
                && a.Min == b.Min
                && a.Max == b.Max
                && a.Polarity == b.Polarity
                && a.Favourable.Order().SequenceEqual(b.Favourable.Order()));
    }

    /// <summary>Throws unless both counts are on the same scale: scales are never mixed (cx-reference.md §2 rule 2).</summary>
    /// <exception cref="ArgumentException">The scales differ.</exception>
    public static void EnsureSameScale(ScaleCounts a, ScaleCounts b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (!IsSameScale(a.Scale, b.Scale))
        {
            throw new ArgumentException(
                $"Counts on scale '{a.Scale.Id}' cannot be combined or compared with counts on scale '{b.Scale.Id}'.",
                nameof(b));
        }
    }

    private int IndexOf(int value)
    {
        if (!Scale.Contains(value))
        {
            throw new ArgumentOutOfRangeException(
                nameof(value), value, $"Scale '{Scale.Id}' accepts {Scale.Min}..{Scale.Max}.");
        }

        return value - Scale.Min;
    }

    private long SumOfPowers(int power)
    {
        long total = 0;
        for (var i = 0; i < _counts.Length; i++)
        {
            long value = Scale.Min + i;
            var term = power == 1 ? value : value * value;
            total = checked(total + (term * _counts[i]));
        }

        return total;
    }
}
