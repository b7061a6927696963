using System.Security.Cryptography;

namespace Loopwise.Web;

/// <summary>Unguessable URL-safe tokens (base62) for links, invitations and keys.</summary>
public static class Tokens
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    public static string Random(int length) => RandomNumberGenerator.GetString(Alphabet, length);
}
