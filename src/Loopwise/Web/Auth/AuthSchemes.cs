namespace Loopwise.Web.Auth;

public static class AuthSchemes
{
    /// <summary>The default scheme: forwards to <see cref="ApiKey"/> when the request carries a key, else to <see cref="Cookie"/>.</summary>
    public const string Default = "Loopwise";
    public const string Cookie = "Cookies";
    public const string ApiKey = "ApiKey";
}
