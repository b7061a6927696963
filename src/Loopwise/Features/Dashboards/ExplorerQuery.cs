using Loopwise.Features.Kpis;
using Loopwise.Features.Metrics;

namespace Loopwise.Features.Dashboards;

/// <summary>
/// The explorer's query string, shared by the page, its CSV and the drill-down: the parameters of
/// <c>GET /api/v1/kpis/{kpi}</c> plus <c>kpi</c>. The form sends the filter as <c>whereDimension</c> + <c>whereValue</c>;
/// links carry it as <c>where=dimension:value</c>, like the API.
/// </summary>
public sealed class ExplorerQuery
{
    public string? Kpi { get; set; }

    public string? From { get; set; }

    public string? To { get; set; }

    public string? Interval { get; set; }

    public string? Survey { get; set; }

    public string? Touchpoint { get; set; }

    public string? Channel { get; set; }

    public string? Stage { get; set; }

    public string? Where { get; set; }

    public string? WhereDimension { get; set; }

    public string? WhereValue { get; set; }

    public string? By { get; set; }

    /// <summary>The KPI asked for, or the first dashboard KPI.</summary>
    public string KpiId => string.IsNullOrWhiteSpace(Kpi) ? DashboardKpis.All[0] : Kpi.Trim();

    /// <summary>The <c>where</c> filter: as given, or built from the form's two fields.</summary>
    public string? WhereFilter =>
        !string.IsNullOrWhiteSpace(Where) ? Where.Trim()
        : !string.IsNullOrWhiteSpace(WhereDimension) || !string.IsNullOrWhiteSpace(WhereValue) ? $"{WhereDimension?.Trim()}:{WhereValue?.Trim()}"
        : null;

    public KpiSliceRequest ToRequest() => new(From, To, Interval, Blank(Survey), Blank(Touchpoint), Blank(Channel), Blank(Stage), WhereFilter, Blank(By));

    /// <summary>Fills the form with the slice as resolved (dates and interval after defaults) so what is shown is what was asked.</summary>
    public void Resolve(KpiSliceDto slice)
    {
        ArgumentNullException.ThrowIfNull(slice);
        (From, To, Interval) = (MetricsFilter.Day(slice.From), MetricsFilter.Day(slice.To), slice.Interval);
        if (WhereFilter is { } where)
        {
            var colon = where.IndexOf(':', StringComparison.Ordinal);
            (WhereDimension, WhereValue, Where) = (where[..colon], where[(colon + 1)..], null);
        }
    }

    /// <summary>The canonical query string of this slice (for the CSV, drill-down links and the API), with extra pairs appended.</summary>
    public QueryString ToQueryString(params KeyValuePair<string, string?>[] extra)
    {
        var pairs = new List<KeyValuePair<string, string?>> { new("kpi", KpiId) };
        foreach (var (name, value) in new[]
        {
            ("from", From), ("to", To), ("interval", Interval), ("survey", Survey), ("touchpoint", Touchpoint),
            ("channel", Channel), ("stage", Stage), ("where", WhereFilter), ("by", By),
        })
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                pairs.Add(new(name, value.Trim()));
            }
        }

        pairs.AddRange(extra.Where(p => !string.IsNullOrEmpty(p.Value)));
        return QueryString.Create(pairs);
    }

    /// <summary>The same slice for <c>GET /api/v1/kpis/{kpi}</c>.</summary>
    public string ApiUrl()
    {
        var query = ToQueryString().Value ?? string.Empty;
        var rest = query.Length == 0 ? string.Empty : string.Join('&', query.TrimStart('?').Split('&').Where(p => !p.StartsWith("kpi=", StringComparison.Ordinal)));
        return $"/api/v1/kpis/{Uri.EscapeDataString(KpiId)}" + (rest.Length == 0 ? string.Empty : "?" + rest);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
