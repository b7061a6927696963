using Loopwise.Core.Kpis;
using Loopwise.Features.Commerce;
using Loopwise.Features.CustomerHealth;
using Loopwise.Web;

namespace Loopwise.Features.Kpis;

/// <summary>
/// The business-impact KPIs of cx-reference.md §3 from the commerce rollups, period by period: logo churn and
/// retention (subscriptions active at the start of a period and lost during it; those acquired during it count in
/// neither) and referral rate on the acquisition basis (new customers acquired via referral / all new customers).
/// A period's value is computed for the period itself, so the total of a slice is computed over the whole slice.
/// </summary>
public sealed class BusinessKpiCells(CommerceQuery commerce, HealthKpiCells health)
{
    public static IReadOnlyList<KpiId> Supported { get; } = [KpiId.HealthScore, KpiId.ChurnRate, KpiId.Retention, KpiId.ReferralRate];

    public async Task<Result<KpiCells>> ReadAsync(KpiId kpi, KpiSlice slice, IReadOnlyList<(DateOnly Start, DateOnly From, DateOnly To)> periods, CancellationToken ct)
    {
        if (slice.SurveyId is not null || slice.TouchpointId is not null || slice.Channel is not null || slice.Stage is not null
            || slice.Dimension.Needed || slice.By != KpiGrouping.None)
        {
            return Error.Invalid.Field("by", $"{kpi} is measured over the whole customer base; it takes no survey, touchpoint, channel, stage or dimension yet.");
        }

        if (kpi == KpiId.HealthScore)
        {
            return await HealthAsync(slice, ct);
        }

        var cells = new KpiCells(() => new RateCell()) { FromRollups = true };
        foreach (var (start, from, to) in periods)
        {
            cells.At(string.Empty, start).Add(await CellAsync(kpi, from, to, ct));
        }

        cells.Totals[string.Empty] = await CellAsync(kpi, slice.From, slice.To, ct);
        return cells;
    }

    /// <summary>
    /// Customer health (cx-reference.md §3): per month, the mean of each scored customer's latest score in that month;
    /// the slice's total is its last month with scores (health is a state, not a sum over time). Monthly only.
    /// </summary>
    private async Task<Result<KpiCells>> HealthAsync(KpiSlice slice, CancellationToken ct)
    {
        if (slice.Interval != Metrics.TrendInterval.Month)
        {
            return Error.Invalid.Field("interval", "The health score is scored per month; use interval=month.");
        }

        var cells = new KpiCells(() => new MeanScoreCell()) { FromRollups = true };
        foreach (var (month, customers, sum) in await health.MonthlyAsync(slice.From, slice.To, ct))
        {
            if (customers > 0)
            {
                cells.At(string.Empty, month).Add(new MeanScoreCell(customers, sum));
                cells.Totals[string.Empty] = new MeanScoreCell(customers, sum);
            }
        }

        return cells;
    }

    /// <summary>The rate over the UTC days [from, to] (inclusive).</summary>
    private async Task<RateCell> CellAsync(KpiId kpi, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var until = to.AddDays(1);
        if (kpi == KpiId.ReferralRate)
        {
            var referrals = await commerce.ReferralsAsync(from, until, ct);
            return new RateCell(referrals.NewViaReferral, referrals.NewCustomers);
        }

        var churn = await commerce.ChurnAsync(from, until, ct);
        return kpi == KpiId.ChurnRate ? new RateCell(churn.Lost, churn.AtStart) : new RateCell(churn.AtStart - churn.Lost, churn.AtStart);
    }
}
