using System.Globalization;
using Loopwise.Features.Responses;
using Microsoft.AspNetCore.WebUtilities;

namespace Loopwise.Features.Respond;

/// <summary>
/// The query-string context every public respondent page keeps across its pages: language (<c>lang</c>), widget mode
/// (<c>embed</c>), source (<c>src</c>: qr, kiosk), touchpoint (<c>tp</c>), the site's customer id (<c>cid</c>), and
/// while a response is in progress its resume token (<c>r</c>) and page (<c>p</c>).
/// </summary>
public sealed class RespondentQuery
{
    public string? Lang { get; private init; }

    public string? Embed { get; private init; }

    public string? Src { get; private init; }

    public string? Tp { get; private init; }

    public string? Cid { get; private init; }

    public string? Resume { get; private init; }

    public int? PageNumber { get; private init; }

    public bool IsEmbed => Embed is "1" or "true";

    public bool IsKiosk => string.Equals(Src, "kiosk", StringComparison.OrdinalIgnoreCase);

    public static RespondentQuery From(IQueryCollection query) => new()
    {
        Lang = First(query, "lang"),
        Embed = First(query, "embed"),
        Src = First(query, "src"),
        Tp = First(query, "tp"),
        Cid = First(query, "cid"),
        Resume = First(query, "r"),
        PageNumber = int.TryParse(First(query, "p"), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var page) ? page : null,
    };

    /// <summary>The channel a public link was answered on: the widget, a QR code, a kiosk, or the plain link.</summary>
    public DistributionChannel LinkChannel() =>
        IsEmbed ? DistributionChannel.Widget
        : string.Equals(Src, "qr", StringComparison.OrdinalIgnoreCase) ? DistributionChannel.Qr
        : IsKiosk ? DistributionChannel.Kiosk
        : DistributionChannel.Link;

    /// <summary>The query that carries this context to the next page (and, with a resume token, the response in progress).</summary>
    public string ContextQuery(string? language, string? resumeToken = null, int page = 0)
    {
        var query = new List<KeyValuePair<string, string?>>(7);
        Add(query, "lang", language ?? Lang);
        Add(query, "embed", IsEmbed ? "1" : null);
        Add(query, "src", Src);
        Add(query, "cid", Cid);
        Add(query, "tp", Tp);
        if (resumeToken is not null)
        {
            Add(query, "r", resumeToken);
            Add(query, "p", page.ToString(CultureInfo.InvariantCulture));
        }

        return query.Count == 0 ? string.Empty : QueryHelpers.AddQueryString(string.Empty, query);
    }

    /// <summary>The first value of a parameter; empty counts as absent (as model binding had it).</summary>
    private static string? First(IQueryCollection query, string key) =>
        query.TryGetValue(key, out var values) && values.Count > 0 && !string.IsNullOrEmpty(values[0]) ? values[0] : null;

    private static void Add(List<KeyValuePair<string, string?>> query, string key, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            query.Add(new(key, value));
        }
    }
}
