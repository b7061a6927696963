namespace Loopwise.Core.Email;

/// <summary>A mailbox: an address (<c>local@domain</c>) and an optional display name.</summary>
/// <param name="Address">The address, written as given (no angle brackets).</param>
/// <param name="DisplayName">The name shown by mail clients; null or empty for none.</param>
public sealed record EmailAddress(string Address, string? DisplayName = null)
{
    /// <summary>
    /// True when <paramref name="address"/> looks like one mailbox: one <c>@</c> with text on both sides, a dot in the
    /// domain, no white space, angle brackets or control characters (which would break an SMTP command or a header).
    /// </summary>
    public static bool IsValid(string? address)
    {
        if (string.IsNullOrEmpty(address) || address.Length > 320)
        {
            return false;
        }

        var at = address.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at != address.LastIndexOf('@') || at == address.Length - 1)
        {
            return false;
        }

        var domain = address[(at + 1)..];
        if (!domain.Contains('.', StringComparison.Ordinal) || domain.StartsWith('.') || domain.EndsWith('.'))
        {
            return false;
        }

        foreach (var c in address)
        {
            if (c <= ' ' || c == 0x7f || c is '<' or '>' or '(' or ')' or ',' or ';' or ':' or '\\' or '"' or '[' or ']')
            {
                return false;
            }
        }

        return true;
    }
}
