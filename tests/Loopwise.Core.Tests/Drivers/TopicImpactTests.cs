using Loopwise.Core.Drivers;
using Loopwise.Core.Kpis;
using Loopwise.Core.Metrics;

namespace Loopwise.Core.Tests.Drivers;

public class TopicImpactTests
{
    // Base: 400 commenters, total (P, A, D) = (160, 110, 130).
    private static readonly NpsCounts Total = new(160, 110, 130);

    // "billing" is mentioned by (60, 70, 70), so not mentioning = (100, 40, 60) (the §1 test vector pair, reversed).
    // NPS: (60 − 70)/200 = −.05 against (100 − 60)/200 = +.20 → impact −.25.
    // Adjusted (n' = 203): NPS'₁ = (60.75 − 70.75)/203 = −.049261, V'₁ = 131.5/203 − .049261² = .645357;
    // NPS'₂ = (100.75 − 60.75)/203 = .197044, V'₂ = 161.5/203 − .197044² = .756740;
    // z = (−.049261 − .197044)/√((.645357 + .756740)/203) = −.246305/.083108 = −2.963692; p = 2(1 − Φ(2.963692)) = .0030397.
    [Fact]
    public void A_topic_mentioned_by_detractors_lowers_nps_significantly()
    {
        var row = Assert.Single(TopicImpact.Compute([TopicNpsSplit.FromTotal("billing", new NpsCounts(60, 70, 70), Total)]));

        Assert.Equal(new NpsCounts(100, 40, 60), row.NotMentioning);
        Assert.Equal(200, row.MentioningN);
        Assert.Equal(200, row.NotMentioningN);
        Assert.Equal(-0.05, row.NpsMentioning!.Value, 1e-12);
        Assert.Equal(0.20, row.NpsNotMentioning!.Value, 1e-12);
        Assert.Equal(-0.25, row.Impact!.Value, 1e-12);
        Assert.Equal(-0.2463054187, row.Test!.Difference, 1e-9);
        Assert.Equal(-2.963691624, row.Test.Z, 1e-8);
        Assert.Equal(0.0030397274, row.Test.PValue, 1e-9);
        Assert.Equal(row.Test.PValue, row.AdjustedPValue!.Value, 1e-15);
        Assert.True(row.Significant);
    }

    // Four topics over the same base:
    // billing (60, 70, 70) vs (100, 40, 60): p = .0030397 (above).
    // staff   (45, 30, 25) vs (115, 80, 105): NPS +.20 vs +.0333; NPS' .194175 (n' 103, V' .656471) vs .033003 (n' 303,
    //         V' .729934); z = .161171/√(.656471/103 + .729934/303) = 1.719802; p = .0854685.
    // praise  (70, 20, 10) vs (90, 90, 120): NPS +.60 vs −.10; z = 8.351865; p = 6.7193e-17.
    // rare    (12, 5, 3) vs (148, 105, 127): n = 20 < 30, so it is left out of the family (p = .0384 unadjusted,
    //         never significant).
    // Holm over m = 3: sorted praise 3·6.7193e-17 = 2.0158e-16; billing 2·.0030397 = .0060795; staff 1·.0854685.
    [Fact]
    public void Topics_are_adjusted_together_and_small_groups_stay_out_of_the_family()
    {
        var rows = TopicImpact.Compute(
        [
            TopicNpsSplit.FromTotal("billing", new NpsCounts(60, 70, 70), Total),
            TopicNpsSplit.FromTotal("staff", new NpsCounts(45, 30, 25), Total),
            TopicNpsSplit.FromTotal("praise", new NpsCounts(70, 20, 10), Total),
            TopicNpsSplit.FromTotal("rare", new NpsCounts(12, 5, 3), Total),
        ]);

        Assert.Equal(["billing", "staff", "praise", "rare"], rows.Select(r => r.Key));
        Assert.Equal(1.7198017629, rows[1].Test!.Z, 1e-8);
        Assert.Equal(0.0854684821, rows[1].Test!.PValue, 1e-9);
        Assert.Equal(8.351865178, rows[2].Test!.Z, 1e-7);
        Assert.Equal(2.0 * 0.0030397274, rows[0].AdjustedPValue!.Value, 1e-9);
        Assert.Equal(0.0854684821, rows[1].AdjustedPValue!.Value, 1e-9);
        Assert.Equal(3.0 * 6.719333530725564e-17, rows[2].AdjustedPValue!.Value, 1e-20);
        Assert.Equal([true, false, true, false], rows.Select(r => r.Significant));

        var rare = rows[3];
        Assert.Equal(0.0384114848, rare.Test!.PValue, 1e-9);
        Assert.Null(rare.AdjustedPValue);
        Assert.Equal(SampleBase.Low, rare.MentioningBase);
        Assert.Equal(SampleBase.Ok, rare.NotMentioningBase);
    }

    // Bonferroni on the same family: billing 3·.0030397 = .0091192; staff 3·.0854685 = .2564054.
    [Fact]
    public void Bonferroni_can_be_chosen()
    {
        var rows = TopicImpact.Compute(
            [
                TopicNpsSplit.FromTotal("billing", new NpsCounts(60, 70, 70), Total),
                TopicNpsSplit.FromTotal("staff", new NpsCounts(45, 30, 25), Total),
                TopicNpsSplit.FromTotal("praise", new NpsCounts(70, 20, 10), Total),
            ],
            MultipleComparisonMethod.Bonferroni);

        Assert.Equal(3.0 * 0.0030397274, rows[0].AdjustedPValue!.Value, 1e-9);
        Assert.Equal(3.0 * 0.0854684821, rows[1].AdjustedPValue!.Value, 1e-9);
    }

    // Nobody mentions "ghost": its NPS and impact are null (n = 0 is null, never 0), and no test runs. The others are
    // the whole base: (160 − 130)/400 = .075.
    [Fact]
    public void An_unmentioned_topic_has_no_score_and_no_test()
    {
        var row = Assert.Single(TopicImpact.Compute([TopicNpsSplit.FromTotal("ghost", default, Total)]));

        Assert.Null(row.NpsMentioning);
        Assert.Equal(0.075, row.NpsNotMentioning!.Value, 1e-12);
        Assert.Null(row.Impact);
        Assert.Null(row.Test);
        Assert.Null(row.AdjustedPValue);
        Assert.False(row.Significant);
        Assert.Equal(SampleBase.None, row.MentioningBase);
    }

    [Fact]
    public void Mentions_above_the_total_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => TopicNpsSplit.FromTotal("x", new NpsCounts(161, 0, 0), Total));
    }
}
