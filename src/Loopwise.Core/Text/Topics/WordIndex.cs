namespace Loopwise.Core.Text.Topics;

/// <summary>
/// A read-only open-addressing hash table from lower-cased words to numbers, looked up by span without allocating.
/// Smaller and faster than a dictionary for the few thousand short keys of a taxonomy.
/// </summary>
internal sealed class WordIndex
{
    private readonly string?[] _keys;
    private readonly int[] _values;
    private readonly int _mask;

    public WordIndex(IReadOnlyCollection<KeyValuePair<string, int>> entries)
    {
        var size = 8;
        while (size < entries.Count * 2)
        {
            size *= 2;
        }

        _keys = new string?[size];
        _values = new int[size];
        _mask = size - 1;
        foreach (var (key, value) in entries)
        {
            var slot = (int)(Hash(key) & (uint)_mask);
            while (_keys[slot] is not null)
            {
                slot = (slot + 1) & _mask;
            }

            _keys[slot] = key;
            _values[slot] = value;
        }
    }

    public bool TryGetValue(ReadOnlySpan<char> key, out int value)
    {
        var slot = (int)(Hash(key) & (uint)_mask);
        while (_keys[slot] is { } candidate)
        {
            if (candidate.AsSpan().SequenceEqual(key))
            {
                value = _values[slot];
                return true;
            }

            slot = (slot + 1) & _mask;
        }

        value = -1;
        return false;
    }

    /// <summary>FNV-1a over the UTF-16 code units, mixed at the end so that the low bits used for slots vary.</summary>
    private static uint Hash(ReadOnlySpan<char> key)
    {
        var hash = 2166136261u;
        foreach (var c in key)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash ^ (hash >> 15);
    }
}
