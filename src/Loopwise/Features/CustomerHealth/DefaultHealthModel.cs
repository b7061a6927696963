using Loopwise.Core.Kpis;

namespace Loopwise.Features.CustomerHealth;

/// <summary>
/// The health model shipped when a workspace has none (README.md beside this file): id <c>default</c>, version 1,
/// effective from the workspace's creation day, no segment filter, weights out of 100:
/// nps 30 (NPS → (NPS + 100)/2), csat_pct 20 (CSAT% as is), ces_effort 10 ((5 − x)/4·100), tickets_30d 20 (reversed
/// min–max 0..5: 0 tickets → 100, 5 or more → 0), days_since_last_order 20 (bands: ≤ 30 → 100, ≤ 90 → 50, else 0).
/// </summary>
public static class DefaultHealthModel
{
    public const string Id = "default";

    public static HealthModel For(DateOnly effectiveFrom) => new(Id, 1, effectiveFrom, null,
    [
        new HealthComponent(HealthSignals.Names.Nps, 30, new NpsToScoreNormaliser()),
        new HealthComponent(HealthSignals.Names.CsatPct, 20, new CsatPercentNormaliser()),
        new HealthComponent(HealthSignals.Names.CesEffort, 10, new CesEffort1To5Normaliser()),
        new HealthComponent(HealthSignals.Names.Tickets30d, 20, new ReversedMinMaxNormaliser(0, 5)),
        new HealthComponent(HealthSignals.Names.DaysSinceLastOrder, 20, new BandsNormaliser([new BandRule(30, true, 100), new BandRule(90, true, 50)], ScoreAbove: 0)),
    ]);
}
