using Loopwise.Core.Kpis;
using Loopwise.Features.Commerce;
using Loopwise.Features.CustomerHealth;
using Loopwise.Web;

namespace Loopwise.Features.Kpis;

/// <summary>
/// The business-impact KPIs of cx-reference.md §3 from the commerce rollups, period by period: logo churn and
/// retention (subscriptions active at the start of a period and lost during it; those acquired during it count in
/// neither), referral rate on the acquisition basis (new customers acquired via referral / all new customers),
/// revenue per customer and customer lifetime value (see <see cref="MoneyAsync"/>). A period's value is computed for
/// the period itself, so the total of a slice is computed over the whole slice.
/// </summary>
public sealed class BusinessKpiCells(CommerceQuery commerce, HealthKpiCells health)
{
    public static IReadOnlyList<KpiId> Supported { get; } = [KpiId.HealthScore, KpiId.ChurnRate, KpiId.Retention, KpiId.ReferralRate, KpiId.RevenuePerCustomer, KpiId.Clv];

    /// <summary>What the CLV series assumes, shown in its label: no gross margin or discount rate is configured.</summary>
    public const string ClvAssumptions = "revenue as margin, undiscounted";

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

        if (kpi == KpiId.RevenuePerCustomer || kpi == KpiId.Clv)
        {
            return await MoneyAsync(kpi, slice, periods, ct);
        }

        // Every period and the whole slice from one read of the rollups (half-open [from, to + 1 day)).
        List<(DateOnly From, DateOnly To)> ranges = [.. periods.Select(p => (p.From, p.To.AddDays(1))), (slice.From, slice.To.AddDays(1))];
        var rates = await RatesAsync(kpi, ranges, ct);
        var cells = new KpiCells(() => new RateCell()) { FromRollups = true };
        for (var i = 0; i < periods.Count; i++)
        {
            cells.At(string.Empty, periods[i].Start).Add(rates[i]);
        }

        cells.Totals[string.Empty] = rates[^1];
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

    /// <summary>
    /// Revenue per customer and CLV (cx-reference.md §3) from three reads for the whole slice, split per period in memory:
    /// the revenue rollups per day and currency, the active customers per month (<see cref="CommerceQuery.ActiveCustomersByMonthAsync"/>)
    /// and, for CLV, the contract churn counts (<see cref="CommerceQuery.ChurnCountsAsync"/>).
    /// <para>
    /// Money: amounts of different currencies are never added. The series is in the currency with the most orders in the
    /// slice (ties: the code in ordinal order; orders are compared, not amounts, which would need exchange rates), and its
    /// label names it, with the other currencies left out ("CAD; EUR not included"). With no order at all there is no
    /// currency and no value. Values are in major units: amount_minor / 100 (order amounts are cents, see OrderInput).
    /// </para>
    /// <para>
    /// Revenue per customer = revenue in period / average number of active customers in period, the average being the
    /// daily mean (<see cref="Arpu.FromDailyActive"/>). A customer is active on a day when active in that day's month by
    /// the workspace's one definition (<see cref="CommerceQuery.ActiveCustomersAsync"/>: an order in the month or a
    /// subscription overlapping it), so a whole month's value is its revenue / its active customers, as in
    /// <see cref="CommerceQuery.RevenueAsync"/>. Active customers are not split by currency.
    /// </para>
    /// <para>
    /// CLV: the margin-based variant including the current period, m·(1 + d)/(1 + d − r), with per period m = revenue per
    /// customer (revenue as the margin, margin 1: no gross margin is configured), r = retention = 1 − logo churn of
    /// contracts (as churn_rate), d = 0 (no discount rate is configured); so CLV = revenue per customer / churn of the
    /// period, all three per the same period. Null with no contract at the start or none lost (r = 1). The label says
    /// "revenue as margin, undiscounted".
    /// </para>
    /// </summary>
    private async Task<KpiCells> MoneyAsync(KpiId kpi, KpiSlice slice, IReadOnlyList<(DateOnly Start, DateOnly From, DateOnly To)> periods, CancellationToken ct)
    {
        var isClv = kpi == KpiId.Clv;
        Func<KpiCell> empty = isClv ? () => new ClvCell() : () => new ArpuCell();
        var revenue = await commerce.DailyRevenueAsync(slice.From, slice.To.AddDays(1), ct);
        var currencies = revenue.GroupBy(r => r.Currency, StringComparer.Ordinal)
            .Select(g => (Code: g.Key, Orders: g.Sum(r => r.Orders)))
            .OrderByDescending(c => c.Orders).ThenBy(c => c.Code, StringComparer.Ordinal)
            .Select(c => c.Code).ToList();
        if (currencies.Count == 0)
        {
            return new KpiCells(empty) { FromRollups = true, Qualifier = isClv ? ClvAssumptions : null };
        }

        var currency = currencies[0];
        var qualifier = currencies.Count == 1 ? currency : $"{currency}; {string.Join(", ", currencies.Skip(1))} not included";
        var amounts = revenue.Where(r => string.Equals(r.Currency, currency, StringComparison.Ordinal)).ToDictionary(r => r.Day, r => r.AmountMinor);
        var active = await commerce.ActiveCustomersByMonthAsync(MonthOf(slice.From), MonthOf(slice.To).AddMonths(1), ct);
        ArpuCell Arpu(DateOnly from, DateOnly to)
        {
            var cell = new ArpuCell();
            for (var day = from; day <= to; day = day.AddDays(1))
            {
                cell.AddDay(amounts.GetValueOrDefault(day) / 100m, active.GetValueOrDefault(MonthOf(day)));
            }

            return cell;
        }

        var cells = new KpiCells(empty) { FromRollups = true, Qualifier = isClv ? $"{qualifier}; {ClvAssumptions}" : qualifier };
        if (!isClv)
        {
            foreach (var (start, from, to) in periods)
            {
                cells.At(string.Empty, start).Add(Arpu(from, to));
            }

            return cells;
        }

        var churn = await commerce.ChurnCountsAsync([.. periods.Select(p => (p.From, p.To.AddDays(1))), (slice.From, slice.To.AddDays(1))], ct);
        for (var i = 0; i < periods.Count; i++)
        {
            cells.At(string.Empty, periods[i].Start).Add(new ClvCell(Arpu(periods[i].From, periods[i].To), churn[i].AtStart, churn[i].Lost));
        }

        cells.Totals[string.Empty] = new ClvCell(Arpu(slice.From, slice.To), churn[^1].AtStart, churn[^1].Lost);
        return cells;
    }

    private static DateOnly MonthOf(DateOnly day) => new(day.Year, day.Month, 1);

    /// <summary>The rate over each of <paramref name="ranges"/> (UTC days, half-open).</summary>
    private async Task<List<RateCell>> RatesAsync(KpiId kpi, IReadOnlyList<(DateOnly From, DateOnly To)> ranges, CancellationToken ct)
    {
        if (kpi == KpiId.ReferralRate)
        {
            return [.. (await commerce.ReferralCountsAsync(ranges, ct)).Select(r => new RateCell(r.NewViaReferral, r.NewCustomers))];
        }

        var churn = await commerce.ChurnCountsAsync(ranges, ct);
        return [.. churn.Select(c => kpi == KpiId.ChurnRate ? new RateCell(c.Lost, c.AtStart) : new RateCell(c.AtStart - c.Lost, c.AtStart))];
    }
}
