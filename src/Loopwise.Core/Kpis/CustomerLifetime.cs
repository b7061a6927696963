namespace Loopwise.Core.Kpis;

/// <summary>
/// When a customer was a customer, in UTC days, for counting churn (cx-reference.md §3): a customer on day x when
/// <c>Start ≤ x</c> and (<c>End</c> is null or <c>x &lt; End</c>). What "lost" means (contract end, or no purchase
/// or activity for N days) is decided per workspace by whoever fills <see cref="End"/>.
/// </summary>
/// <param name="Start">Acquisition day: the first day as a customer.</param>
/// <param name="End">The day the customer was lost (first day no longer a customer), or null while still a customer.</param>
public sealed record CustomerLifetime(DateOnly Start, DateOnly? End)
{
    /// <summary>The day the customer was lost, or null; never before <see cref="Start"/>.</summary>
    /// <exception cref="ArgumentException">End is before Start.</exception>
    public DateOnly? End { get; init; } = End is { } end && end < Start
        ? throw new ArgumentException("A customer cannot be lost before being acquired.", nameof(End))
        : End;
}
