namespace Loopwise.Core.Text.Pii;

/// <summary>Kinds of personal data replaced by a typed token before a comment is stored or shown.</summary>
public enum PiiKind
{
    Email,
    Phone,
    Card,
    Iban,
}
