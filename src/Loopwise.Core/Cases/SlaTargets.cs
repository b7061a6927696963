namespace Loopwise.Core.Cases;

/// <summary>
/// The working time a case may take to its first contact with the customer and to its resolution, for one priority
/// (and optionally one customer tier).
/// </summary>
public sealed record SlaTargets(TimeSpan FirstResponse, TimeSpan Resolution)
{
    /// <summary>
    /// Defaults in business hours by priority: Urgent 2 h / 8 h, High 4 h / 24 h, Normal 8 h / 40 h (contact within a
    /// working day, as the 24–48 h convention for detractors of cx-reference.md §7 asks), Low 16 h / 80 h.
    /// </summary>
    public static SlaTargets DefaultFor(CasePriority priority) => priority switch
    {
        CasePriority.Urgent => new(TimeSpan.FromHours(2), TimeSpan.FromHours(8)),
        CasePriority.High => new(TimeSpan.FromHours(4), TimeSpan.FromHours(24)),
        CasePriority.Normal => new(TimeSpan.FromHours(8), TimeSpan.FromHours(40)),
        _ => new(TimeSpan.FromHours(16), TimeSpan.FromHours(80)),
    };
}
