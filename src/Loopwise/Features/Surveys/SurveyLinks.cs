using System.Net;
using Loopwise.Features.Touchpoints;
using QRCoder;

namespace Loopwise.Features.Surveys;

/// <summary>
/// Public links of a survey. The respondent pages answer exactly these routes: <c>/s/{workspaceSlug}/{linkToken}</c>
/// and <c>/s/{workspaceSlug}/{linkToken}/{touchpointKey}</c>; the widget script is <c>/dist/widget.js</c>.
/// </summary>
public static class SurveyLinks
{
    /// <summary>scheme://host[/pathbase] of the request, so links work behind whatever address people use.</summary>
    public static string OriginOf(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}";

    public static string Public(string origin, string workspaceSlug, string linkToken, string? touchpointKey = null) =>
        touchpointKey is null
            ? $"{origin}/s/{Uri.EscapeDataString(workspaceSlug)}/{Uri.EscapeDataString(linkToken)}"
            : $"{origin}/s/{Uri.EscapeDataString(workspaceSlug)}/{Uri.EscapeDataString(linkToken)}/{Uri.EscapeDataString(touchpointKey)}";

    /// <summary>The web widget snippet to paste into a site; attribute values are HTML-encoded.</summary>
    public static string WidgetSnippet(string origin, string workspaceSlug, string linkToken, string? touchpointKey)
    {
        var survey = WebUtility.HtmlEncode($"{workspaceSlug}/{linkToken}");
        var touchpoint = touchpointKey is null ? string.Empty : $" data-touchpoint=\"{WebUtility.HtmlEncode(touchpointKey)}\"";
        return $"<script src=\"{WebUtility.HtmlEncode(origin)}/dist/widget.js\" data-survey=\"{survey}\"{touchpoint} async></script>";
    }

    public static SurveyLinksDto Build(string origin, string workspaceSlug, Survey survey, IEnumerable<Touchpoint> touchpoints)
    {
        var qrBase = $"{origin}/api/v1/surveys/{survey.Id}/qr.svg";
        return new SurveyLinksDto(
            survey.Id,
            survey.Status,
            Public(origin, workspaceSlug, survey.LinkToken),
            qrBase,
            WidgetSnippet(origin, workspaceSlug, survey.LinkToken, null),
            touchpoints.Select(t => new TouchpointLinkDto(
                t.Key,
                t.Name,
                t.Channel,
                Public(origin, workspaceSlug, survey.LinkToken, t.Key),
                $"{qrBase}?touchpoint={Uri.EscapeDataString(t.Key)}",
                WidgetSnippet(origin, workspaceSlug, survey.LinkToken, t.Key))).ToArray());
    }

    /// <summary>An SVG QR code of <paramref name="url"/>, error correction level M (about 15% of the code may be damaged).</summary>
    public static string QrSvg(string url)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        using var svg = new SvgQRCode(data);
        return svg.GetGraphic(8);
    }
}
