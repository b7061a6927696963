using Loopwise.Core.Metrics;

namespace Loopwise.Core.Kpis;

/// <summary>
/// A KPI identifier: the snake_case id of the cx-reference.md §10 YAML (e.g. <c>nps</c>, <c>csat_pct</c>).
/// Compared ordinally; the built-in ids are the static members.
/// </summary>
public readonly record struct KpiId
{
    /// <summary>Creates an id.</summary>
    /// <exception cref="ArgumentException">The value is empty or not lower-case snake_case (a–z, 0–9, _).</exception>
    public KpiId(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        foreach (var c in value)
        {
            if (c is not ((>= 'a' and <= 'z') or (>= '0' and <= '9') or '_'))
            {
                throw new ArgumentException($"A KPI id is lower-case snake_case; '{value}' is not.", nameof(value));
            }
        }

        Value = value;
    }

    /// <summary>The id text.</summary>
    public string Value { get; }

    /// <summary>Net Promoter Score (§1).</summary>
    public static KpiId Nps { get; } = new("nps");

    /// <summary>CSAT% = top-2-box share (§2).</summary>
    public static KpiId CsatPct { get; } = new("csat_pct");

    /// <summary>CSAT mean score, a separate metric from CSAT% (§2).</summary>
    public static KpiId CsatMean { get; } = new("csat_mean");

    /// <summary>CES 1.0 mean on ces_effort_1_5, lower is better (§2).</summary>
    public static KpiId CesEffortMean { get; } = new("ces_effort_mean");

    /// <summary>CES 2.0 mean on ces_agree_1_7, higher is better (§2).</summary>
    public static KpiId Ces2EaseMean { get; } = new("ces2_ease_mean");

    /// <summary>Customer health score 0–100 (§3).</summary>
    public static KpiId HealthScore { get; } = new("health_score");

    /// <summary>First contact resolution (§4).</summary>
    public static KpiId Fcr { get; } = new("fcr");

    /// <summary>Mean first response time in hours (§4; the seed's "Average Response Time").</summary>
    public static KpiId FirstResponseTime { get; } = new("first_response_time");

    /// <summary>Median first response time in hours (§4).</summary>
    public static KpiId FirstResponseTimeMedian { get; } = new("first_response_time_median");

    /// <summary>90th percentile of first response time in hours (§4).</summary>
    public static KpiId FirstResponseTimeP90 { get; } = new("first_response_time_p90");

    /// <summary>Abandonment rate (§4).</summary>
    public static KpiId AbandonmentRate { get; } = new("abandonment_rate");

    /// <summary>Completion rate = completed / started (§4).</summary>
    public static KpiId CompletionRate { get; } = new("completion_rate");

    /// <summary>SLA attainment = tickets with FRT ≤ target / tickets whose clock started (§4).</summary>
    public static KpiId SlaAttainment { get; } = new("sla_attainment");

    /// <summary>Customer lifetime value (§3).</summary>
    public static KpiId Clv { get; } = new("clv");

    /// <summary>Churn rate = customers lost / customers at start (§3).</summary>
    public static KpiId ChurnRate { get; } = new("churn_rate");

    /// <summary>Retention = 1 − churn (§3).</summary>
    public static KpiId Retention { get; } = new("retention");

    /// <summary>Revenue per customer (ARPU, §3).</summary>
    public static KpiId RevenuePerCustomer { get; } = new("revenue_per_customer");

    /// <summary>Referral rate (§3; acquisition or advocacy basis).</summary>
    public static KpiId ReferralRate { get; } = new("referral_rate");

    /// <summary>First response time on the social channel (§10).</summary>
    public static KpiId SocialFirstResponseTime { get; } = new("social_first_response_time");

    /// <summary>Web page load time (§10).</summary>
    public static KpiId PageLoadTime { get; } = new("page_load_time");

    /// <inheritdoc/>
    public override string ToString() => Value ?? string.Empty;
}

/// <summary>The definitions of every KPI of issue 3 (cx-reference.md §1-4 and §10), one each.</summary>
public static class KpiCatalog
{
    private const ScalePolarity Higher = ScalePolarity.HigherIsBetter;
    private const ScalePolarity Lower = ScalePolarity.LowerIsBetter;

    /// <summary>All built-in KPIs, relationship first, in the order of the §10 YAML then §3.</summary>
    public static IReadOnlyList<KpiDefinition> All { get; } =
    [
        new(KpiId.Nps, "Net Promoter Score", KpiKind.Relationship, KpiUnit.Points, Higher, KpiStatistic.NetPromoter, "nps_0_10", 0, -100, 100),
        new(KpiId.CsatPct, "CSAT %", KpiKind.Relationship, KpiUnit.Percent, Higher, KpiStatistic.Proportion, "csat_1_5", 1, 0, 100),
        new(KpiId.CsatMean, "CSAT mean score", KpiKind.Relationship, KpiUnit.Mean, Higher, KpiStatistic.Mean, "csat_1_5", 2, 1, 5),
        new(KpiId.CesEffortMean, "CES effort (1-5, lower is better)", KpiKind.Relationship, KpiUnit.Mean, Lower, KpiStatistic.Mean, "ces_effort_1_5", 2, 1, 5),
        new(KpiId.Ces2EaseMean, "CES 2.0 ease (1-7, higher is better)", KpiKind.Relationship, KpiUnit.Mean, Higher, KpiStatistic.Mean, "ces_agree_1_7", 2, 1, 7),
        new(KpiId.HealthScore, "Customer health score", KpiKind.Relationship, KpiUnit.Score, Higher, KpiStatistic.Mean, "health_0_100", 0, 0, 100),
        new(KpiId.Fcr, "First contact resolution", KpiKind.Transactional, KpiUnit.Percent, Higher, KpiStatistic.Proportion, null, 1, 0, 100),
        new(KpiId.FirstResponseTime, "First response time (mean)", KpiKind.Transactional, KpiUnit.Hours, Lower, KpiStatistic.Mean, null, 1, 0, null),
        new(KpiId.FirstResponseTimeMedian, "First response time (median)", KpiKind.Transactional, KpiUnit.Hours, Lower, KpiStatistic.Median, null, 1, 0, null),
        new(KpiId.FirstResponseTimeP90, "First response time (P90)", KpiKind.Transactional, KpiUnit.Hours, Lower, KpiStatistic.Percentile90, null, 1, 0, null),
        new(KpiId.AbandonmentRate, "Abandonment rate", KpiKind.Transactional, KpiUnit.Percent, Lower, KpiStatistic.Proportion, null, 1, 0, 100),
        new(KpiId.CompletionRate, "Completion rate", KpiKind.Transactional, KpiUnit.Percent, Higher, KpiStatistic.Proportion, null, 1, 0, 100),
        new(KpiId.SlaAttainment, "SLA attainment", KpiKind.Transactional, KpiUnit.Percent, Higher, KpiStatistic.Proportion, null, 1, 0, 100),
        new(KpiId.Clv, "Customer lifetime value", KpiKind.Business, KpiUnit.Currency, Higher, KpiStatistic.Derived, null, 2, null, null),
        new(KpiId.ChurnRate, "Churn rate", KpiKind.Business, KpiUnit.Percent, Lower, KpiStatistic.Proportion, null, 1, 0, 100),
        new(KpiId.Retention, "Retention", KpiKind.Business, KpiUnit.Percent, Higher, KpiStatistic.Proportion, null, 1, 0, 100),
        new(KpiId.RevenuePerCustomer, "Revenue per customer", KpiKind.Business, KpiUnit.Currency, Higher, KpiStatistic.Derived, null, 2, null, null),
        new(KpiId.ReferralRate, "Referral rate", KpiKind.Business, KpiUnit.Percent, Higher, KpiStatistic.Proportion, null, 1, 0, 100),
        new(KpiId.SocialFirstResponseTime, "Social first response time", KpiKind.Channel, KpiUnit.Hours, Lower, KpiStatistic.Mean, null, 1, 0, null, "social"),
        new(KpiId.PageLoadTime, "Page load time", KpiKind.Channel, KpiUnit.Seconds, Lower, KpiStatistic.Mean, null, 2, 0, null, "web"),
    ];

    /// <summary>The definition of <paramref name="id"/>, or null when the catalog has none.</summary>
    public static KpiDefinition? Find(KpiId id) => All.FirstOrDefault(d => d.Id == id);

    /// <summary>The definition of <paramref name="id"/>.</summary>
    /// <exception cref="KeyNotFoundException">The catalog has no such KPI.</exception>
    public static KpiDefinition Get(KpiId id) =>
        Find(id) ?? throw new KeyNotFoundException($"Unknown KPI '{id}'.");
}
