using Loopwise.Core.Metrics;

namespace Loopwise.Core.Kpis;

/// <summary>
/// Contact-centre abandonment rate (cx-reference.md §4): <c>abandoned / offered = (offered − handled)/offered</c>,
/// excluding short abandons (callers who waited less than t_s seconds) from both the numerator and the denominator.
/// The caller counts each contact once (callbacks and transfers are not offered twice). For digital journeys and
/// surveys use <see cref="Rate.Abandonment"/> instead: <c>(started − completed)/started</c>.
/// </summary>
public sealed record ContactAbandonment
{
    private ContactAbandonment(long offered, long abandoned, long shortAbandons, double shortAbandonSeconds)
    {
        Offered = offered;
        Abandoned = abandoned;
        ShortAbandons = shortAbandons;
        ShortAbandonSeconds = shortAbandonSeconds;
    }

    /// <summary>The shipped default t_s (cx-reference.md §10 <c>short_abandon_seconds: 5</c>).</summary>
    public const double DefaultShortAbandonSeconds = 5.0;

    /// <summary>Contacts offered, short abandons included.</summary>
    public long Offered { get; }

    /// <summary>Contacts abandoned, short abandons included.</summary>
    public long Abandoned { get; }

    /// <summary>Abandoned after waiting less than <see cref="ShortAbandonSeconds"/>.</summary>
    public long ShortAbandons { get; }

    /// <summary>The cut-off t_s in seconds (default 5, the §10 <c>short_abandon_seconds</c>).</summary>
    public double ShortAbandonSeconds { get; }

    /// <summary>(abandoned − short) / (offered − short).</summary>
    public Rate Rate => new(Abandoned - ShortAbandons, Offered - ShortAbandons);

    /// <summary>The rate in 0..1, or null when no contact is left after the exclusion.</summary>
    public double? Value => Rate.Value;

    /// <summary>The rate with its Wilson interval and its numerator and denominator (§4: all rates carry Wilson CIs).</summary>
    public ProportionEstimate Estimate(double z = 1.96) => Rate.Estimate(z);

    /// <summary>From counts, with the short abandons already counted by the caller.</summary>
    /// <exception cref="ArgumentOutOfRangeException">
    /// A count is negative, short abandons exceed abandons, abandons exceed offered contacts, or t_s is negative.
    /// </exception>
    public static ContactAbandonment FromCounts(
        long offered, long abandoned, long shortAbandons, double shortAbandonSeconds = DefaultShortAbandonSeconds)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offered);
        ArgumentOutOfRangeException.ThrowIfNegative(abandoned);
        ArgumentOutOfRangeException.ThrowIfNegative(shortAbandons);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(abandoned, offered);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(shortAbandons, abandoned);
        CheckCutOff(shortAbandonSeconds);
        return new ContactAbandonment(offered, abandoned, shortAbandons, shortAbandonSeconds);
    }

    /// <summary>
    /// From the offered count and each abandoned contact's wait in seconds (<c>contact.abandoned{waitSeconds}</c>).
    /// A wait below t_s is a short abandon; a wait of exactly t_s is not ("waited less than t_s").
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A wait is negative or not finite, or there are more abandons than offered contacts.</exception>
    public static ContactAbandonment FromWaits(
        long offered, IEnumerable<double> abandonWaitSeconds, double shortAbandonSeconds = DefaultShortAbandonSeconds)
    {
        ArgumentNullException.ThrowIfNull(abandonWaitSeconds);
        CheckCutOff(shortAbandonSeconds);
        long abandoned = 0;
        long shortOnes = 0;
        foreach (var wait in abandonWaitSeconds)
        {
            if (!(wait >= 0.0) || double.IsInfinity(wait))
            {
                throw new ArgumentOutOfRangeException(nameof(abandonWaitSeconds), wait, "A wait must be finite and not negative.");
            }

            abandoned++;
            if (wait < shortAbandonSeconds)
            {
                shortOnes++;
            }
        }

        return FromCounts(offered, abandoned, shortOnes, shortAbandonSeconds);
    }

    /// <summary>From offered and handled contacts: abandoned = offered − handled.</summary>
    /// <exception cref="ArgumentOutOfRangeException">handled exceeds offered, short abandons exceed abandons, or a count is negative.</exception>
    public static ContactAbandonment FromHandled(
        long offered, long handled, long shortAbandons, double shortAbandonSeconds = DefaultShortAbandonSeconds)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(handled);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(handled, offered);
        return FromCounts(offered, offered - handled, shortAbandons, shortAbandonSeconds);
    }

    /// <summary>The abandonment over the union of two disjoint sets of contacts measured with the same t_s.</summary>
    /// <exception cref="ArgumentException">The cut-offs differ.</exception>
    public ContactAbandonment Add(ContactAbandonment other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.ShortAbandonSeconds != ShortAbandonSeconds)
        {
            throw new ArgumentException("Abandonment measured with different short-abandon cut-offs cannot be combined.", nameof(other));
        }

        return new ContactAbandonment(
            checked(Offered + other.Offered), checked(Abandoned + other.Abandoned),
            checked(ShortAbandons + other.ShortAbandons), ShortAbandonSeconds);
    }

    private static void CheckCutOff(double seconds)
    {
        if (!(seconds >= 0.0) || double.IsInfinity(seconds))
        {
            throw new ArgumentOutOfRangeException(nameof(seconds), seconds, "The short-abandon cut-off must be finite and not negative.");
        }
    }
}
