using System.Collections.Frozen;

namespace Loopwise.Core.Text.Tokenization;

/// <summary>
/// A lexicon of single tokens and multi-token phrases ("on hold", "charged twice", "kind of"), looked up by span over a
/// <see cref="TokenizedText"/>: one dictionary probe per token, and a phrase is tried only where its first token is.
/// Phrases are tokenised by the same tokeniser as the texts, so "don't" or "10/10" match exactly as they are read.
/// </summary>
internal sealed class PhraseTable<T>
{
    private readonly FrozenDictionary<string, Head> _heads;
    private readonly FrozenDictionary<string, Head>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly Phrase[] _phrases;

    private PhraseTable(FrozenDictionary<string, Head> heads, Phrase[] phrases)
    {
        _heads = heads;
        _lookup = heads.GetAlternateLookup<ReadOnlySpan<char>>();
        _phrases = phrases;
    }

    /// <summary>The number of single-token entries.</summary>
    public int WordCount => _heads.Values.Count(h => h.HasValue);

    /// <summary>The number of phrases.</summary>
    public int PhraseCount => _phrases.Length;

    /// <summary>The key a token is looked up by: its lower-case form, an emoticon as written, an emoji without modifiers.</summary>
    public static ReadOnlySpan<char> KeyOf(TokenizedText text, Token token) => token.Kind switch
    {
        TokenKind.Emoticon => text.Original(token),
        TokenKind.Emoji => text.Original(token)[..(char.IsHighSurrogate(text.Text[token.Start]) && token.Length >= 2 ? 2 : 1)],
        _ => text.LowerOf(token),
    };

    /// <summary>Whether the single token <paramref name="token"/> has a value (an emoticon is also tried in lower case).</summary>
    public bool TryGet(TokenizedText text, Token token, out T value)
    {
        if (TryHead(text, token, out var head) && head.HasValue)
        {
            value = head.Value;
            return true;
        }

        value = default!;
        return false;
    }

    /// <summary>
    /// The longest entry that starts at <c>tokens[index]</c>: the number of tokens it covers (0 when none) and its
    /// value. Phrases never run past <paramref name="tokens"/>.
    /// </summary>
    public int Match(TokenizedText text, ReadOnlySpan<Token> tokens, int index, out T value)
    {
        if (!TryHead(text, tokens[index], out var head))
        {
            value = default!;
            return 0;
        }

        for (var p = head.PhraseStart; p < head.PhraseStart + head.PhraseCount; p++)
        {
            var rest = _phrases[p].Rest;
            if (index + rest.Length >= tokens.Length)
            {
                continue;
            }

            var matched = true;
            for (var k = 0; k < rest.Length && matched; k++)
            {
                matched = KeyOf(text, tokens[index + 1 + k]).SequenceEqual(rest[k]);
            }

            if (matched)
            {
                value = _phrases[p].Value;
                return rest.Length + 1;
            }
        }

        value = head.Value;
        return head.HasValue ? 1 : 0;
    }

    private bool TryHead(TokenizedText text, Token token, out Head head) =>
        _lookup.TryGetValue(KeyOf(text, token), out head)
        || (token.Kind == TokenKind.Emoticon && _lookup.TryGetValue(text.LowerOf(token), out head));

    private readonly record struct Head(T Value, bool HasValue, int PhraseStart, int PhraseCount);

    private readonly record struct Phrase(string[] Rest, T Value);

    /// <summary>Collects entries; a later value for the same word or phrase replaces the earlier one (through <see cref="Update"/>).</summary>
    public sealed class Builder
    {
        private readonly Dictionary<string, T> _words = new(StringComparer.Ordinal);
        private readonly Dictionary<string, (string[] Keys, T Value)> _phrases = new(StringComparer.Ordinal);
        private readonly TokenizedText _scratch = new();

        /// <summary>Sets the value of the word or phrase <paramref name="entry"/>.</summary>
        public Builder Set(string entry, T value) => Update(entry, _ => value);

        /// <summary>Replaces the value of <paramref name="entry"/> (default when absent) with <paramref name="update"/> of it.</summary>
        public Builder Update(string entry, Func<T, T> update)
        {
            _scratch.Load(entry);
            var tokens = _scratch.TokenSpan;
            if (tokens.Length == 0)
            {
                throw new ArgumentException($"The lexicon entry \"{entry}\" has no token.", nameof(entry));
            }

            var keys = new string[tokens.Length];
            for (var k = 0; k < tokens.Length; k++)
            {
                keys[k] = KeyOf(_scratch, tokens[k]).ToString();
            }

            if (keys.Length == 1)
            {
                _words[keys[0]] = update(_words.TryGetValue(keys[0], out var word) ? word : default!);
            }
            else
            {
                var joined = string.Join(' ', keys);
                _phrases[joined] = (keys, update(_phrases.TryGetValue(joined, out var phrase) ? phrase.Value : default!));
            }

            return this;
        }

        /// <summary>Whether the single word <paramref name="entry"/> has a value.</summary>
        public bool TryGetWord(string entry, out T value)
        {
            _scratch.Load(entry);
            if (_scratch.Tokens.Count == 1)
            {
                return _words.TryGetValue(KeyOf(_scratch, _scratch.Tokens[0]).ToString(), out value!);
            }

            value = default!;
            return false;
        }

        public PhraseTable<T> Build()
        {
            // Phrases grouped by first key, longest first so that the longest match wins.
            var grouped = _phrases.Values
                .GroupBy(p => p.Keys[0], StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.OrderByDescending(p => p.Keys.Length).ThenBy(p => string.Join(' ', p.Keys), StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
            var phrases = new List<Phrase>();
            var heads = new Dictionary<string, Head>(StringComparer.Ordinal);
            foreach (var key in _words.Keys.Union(grouped.Keys, StringComparer.Ordinal))
            {
                var hasValue = _words.TryGetValue(key, out var value);
                var start = phrases.Count;
                if (grouped.TryGetValue(key, out var group))
                {
                    phrases.AddRange(group.Select(p => new Phrase(p.Keys[1..], p.Value)));
                }

                heads[key] = new Head(value!, hasValue, start, phrases.Count - start);
            }

            return new PhraseTable<T>(heads.ToFrozenDictionary(StringComparer.Ordinal), [.. phrases]);
        }
    }
}
