using System.Net;
using System.Text.RegularExpressions;

namespace Loopwise.Load;

/// <summary>
/// Respondents on the public survey page, as a browser with JavaScript off does it: GET the form (antiforgery token and
/// cookie), then POST the answers as <c>application/x-www-form-urlencoded</c> and get the redirect to the thank-you
/// page. One submission is one GET plus one POST and stores one completed response (NPS, CSAT and sometimes a comment).
/// </summary>
internal sealed partial class FormMode : ILoadMode
{
    private string _path = string.Empty;
    private int _next;

    public string Name => "form";

    public Task PrepareAsync(HttpClient client, BenchTarget target, CancellationToken ct)
    {
        _path = $"/s/{target.WorkspaceSlug}/{target.LinkToken}/{target.TouchpointKey}";
        return Task.CompletedTask;
    }

    public async Task<int> SendAsync(HttpClient client, CancellationToken ct)
    {
        var page = await client.GetStringAsync(_path, ct);
        var token = TokenField().Match(page) is { Success: true } match
            ? WebUtility.HtmlDecode(match.Groups[1].Success ? match.Groups[1].Value : match.Groups[2].Value)
            : throw new InvalidOperationException("The survey page has no antiforgery token.");
        var n = Interlocked.Increment(ref _next);
        var fields = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", token),
            new("page", "0"),
            new("resume", string.Empty),
            new("a.nps", (n % 11).ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("a.csat", (1 + (n % 5)).ToString(System.Globalization.CultureInfo.InvariantCulture)),
        };
        if (n % 4 == 0)
        {
            fields.Add(new("a.reason", "Delivery was quick and the staff were friendly."));
        }

        using var content = new FormUrlEncodedContent(fields);
        using var response = await client.PostAsync(_path, content, ct);
        var location = response.Headers.Location?.ToString() ?? string.Empty;
        if (response.StatusCode != HttpStatusCode.Redirect || !location.Contains("/thanks", StringComparison.Ordinal))
        {
            var text = await response.Content.ReadAsStringAsync(ct);
            throw new InvalidOperationException($"Form post refused: {(int)response.StatusCode} {location} {text[..Math.Min(text.Length, 300)]}");
        }

        return 1;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"__RequestVerificationToken\"")]
    private static partial Regex TokenField();
}
