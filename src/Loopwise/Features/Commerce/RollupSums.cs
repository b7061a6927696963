namespace Loopwise.Features.Commerce;

/// <summary>
/// Rollup deltas of one batch, summed per key in memory so each key is written once; rows come out sorted by key so
/// concurrent writers lock rollup rows in the same order (no deadlocks).
/// </summary>
public sealed class RollupSums(int sums)
{
    private readonly Dictionary<Key, long[]> _rows = [];

    public bool IsEmpty => _rows.Count == 0;

    /// <summary>Adds <paramref name="values"/> (one per summed column) to the row of <paramref name="key"/>.</summary>
    public void Add(object[] key, params long[] values)
    {
        var k = new Key(key);
        if (!_rows.TryGetValue(k, out var row))
        {
            _rows[k] = row = new long[sums];
        }

        for (var i = 0; i < values.Length; i++)
        {
            row[i] += values[i];
        }
    }

    /// <summary>Key values then sums, per row, prefixed by <paramref name="leading"/> (workspace, ...), sorted by key.</summary>
    public List<object?[]> Rows(object leading, object? trailing = null) =>
        [.. _rows.OrderBy(r => r.Key, KeyOrder.Instance)
            .Select(r => trailing is null
                ? new object?[] { leading }.Concat(r.Key.Values).Concat(r.Value.Cast<object?>()).ToArray()
                : new object?[] { leading }.Concat(r.Key.Values).Append(trailing).Concat(r.Value.Cast<object?>()).ToArray())];

    private sealed class Key(object[] values) : IEquatable<Key>
    {
        public object[] Values { get; } = values;

        public bool Equals(Key? other) => other is not null && Values.SequenceEqual(other.Values);

        public override bool Equals(object? obj) => Equals(obj as Key);

        public override int GetHashCode()
        {
            var hash = default(HashCode);
            foreach (var value in Values)
            {
                hash.Add(value);
            }

            return hash.ToHashCode();
        }
    }

    private sealed class KeyOrder : IComparer<Key>
    {
        public static readonly KeyOrder Instance = new();

        public int Compare(Key? x, Key? y)
        {
            for (var i = 0; i < x!.Values.Length; i++)
            {
                var c = (x.Values[i], y!.Values[i]) switch
                {
                    (string a, string b) => string.CompareOrdinal(a, b),
                    (IComparable a, var b) => a.CompareTo(b),
                    _ => 0,
                };
                if (c != 0)
                {
                    return c;
                }
            }

            return 0;
        }
    }
}
