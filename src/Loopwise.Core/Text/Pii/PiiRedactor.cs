namespace Loopwise.Core.Text.Pii;

/// <summary>
/// Finds e-mail addresses, phone numbers, payment card numbers (Luhn-checked) and IBANs (mod-97-checked) and replaces
/// each with a typed token: <c>[EMAIL]</c>, <c>[PHONE]</c>, <c>[CARD]</c>, <c>[IBAN]</c> (cx-reference §6).
/// </summary>
public static class PiiRedactor
{
    public static RedactedText Redact(string text) => throw new NotImplementedException("contract: filled by the PII work");
}
