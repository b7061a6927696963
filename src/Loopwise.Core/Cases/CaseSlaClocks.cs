namespace Loopwise.Core.Cases;

/// <summary>The first-response and resolution clocks of a case.</summary>
public sealed record CaseSlaClocks(SlaClock FirstResponse, SlaClock Resolution)
{
    /// <summary>True when either clock is breached.</summary>
    public bool Breached => FirstResponse.Status == SlaStatus.Breached || Resolution.Status == SlaStatus.Breached;

    /// <summary>The earliest future moment at which a clock warns or breaches (for scheduling a check), if any.</summary>
    public DateTime? NextCheckAfter(DateTime nowUtc) =>
        new[] { FirstResponse.WarnAt, FirstResponse.DueAt, Resolution.WarnAt, Resolution.DueAt }
            .Where(t => t > nowUtc)
            .Min();
}
