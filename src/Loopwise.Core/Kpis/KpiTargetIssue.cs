using System.Globalization;

namespace Loopwise.Core.Kpis;

/// <summary>Whether a target problem blocks saving it.</summary>
public enum KpiTargetIssueSeverity
{
    /// <summary>Saved, but shown to the user (e.g. "&lt;" on a higher-is-better metric, cx-reference.md §2 point 2).</summary>
    Warning,

    /// <summary>Refused: the target cannot be rated correctly.</summary>
    Error,
}

/// <summary>One readable problem with a target entry, keyed by KPI and YAML field.</summary>
/// <param name="Id">The KPI.</param>
/// <param name="Field">The YAML field path, e.g. <c>target.value</c>, <c>action.op</c>, <c>scale</c>.</param>
/// <param name="Message">A sentence for the user.</param>
/// <param name="Severity">Warning or error.</param>
public sealed record KpiTargetIssue(KpiId Id, string Field, string Message, KpiTargetIssueSeverity Severity)
{
    /// <summary>The field path prefixed by the KPI id, e.g. <c>nps.target.value</c>.</summary>
    public string Path => string.Create(CultureInfo.InvariantCulture, $"{Id}.{Field}");

    /// <summary>"error nps.target.value: ..." for logs and the CLI.</summary>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{(Severity == KpiTargetIssueSeverity.Error ? "error" : "warning")} {Path}: {Message}");
}
