namespace Loopwise.Core.Text.Discovery;

/// <summary>
/// A deliberately light English suffix stripper used only to tell whether two phrases are inflections of each other
/// ("refund", "refunds", "refunded"; "delivery", "deliveries"): its output is a grouping key, not a word.
/// </summary>
internal static class LightStemmer
{
    public static string Stem(string word)
    {
        var w = word.AsSpan();
        if (w.EndsWith("'s", StringComparison.Ordinal))
        {
            w = w[..^2];
        }

        if (w.Length > 4 && w.EndsWith("ies", StringComparison.Ordinal))
        {
            return string.Concat(w[..^3], "y");
        }

        if (w.Length > 4 && w.EndsWith("sses", StringComparison.Ordinal))
        {
            w = w[..^2];
        }
        else if (w.Length > 3 && w[^1] == 's' && w[^2] is not ('s' or 'u' or 'i'))
        {
            w = w[..^1];
        }

        if (w.Length > 5 && w.EndsWith("ing", StringComparison.Ordinal))
        {
            w = w[..^3];
        }
        else if (w.Length > 4 && w.EndsWith("ed", StringComparison.Ordinal))
        {
            w = w[..^2];
        }

        if (w.Length > 3 && w[^1] == 'e')
        {
            w = w[..^1];
        }

        return w.ToString();
    }
}
