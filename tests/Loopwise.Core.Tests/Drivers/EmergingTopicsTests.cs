using Loopwise.Core.Drivers;

namespace Loopwise.Core.Tests.Drivers;

public class EmergingTopicsTests
{
    // 1000 comments in each window. N − 1 two-proportion test, recent minus baseline, pooled P = (x₁ + x₂)/2000:
    // delivery 50 → 90: P = .07, z = .04/√(.07·.93·.002)·√(1999/2000) = .04/.0114105·.99975 = 3.504660; p = 1 − Φ(z) = 2.28595e-4.
    // app      40 → 52: P = .046, z = .012/√(.046·.954·.002)·.99975 = 1.280574; p = .1001717.
    // new       0 → 12: P = .006, z = .012/√(.006·.994·.002)·.99975 = 3.473672; p = 2.56694e-4; lift undefined.
    // price    80 → 60: z = −1.752330; p = .9601415 (a fall is never growth).
    // rare      2 → 5: fewer than 10 recent mentions: not tested.
    // Holm over the 4 tested: delivery 4·2.28595e-4 = 9.14381e-4; new max(9.14381e-4, 3·2.56694e-4) = 9.14381e-4;
    // app 2·.1001717 = .2003435; price .9601415. Emerging at .05: delivery and new.
    [Fact]
    public void Growing_topics_are_found_after_adjustment()
    {
        var rows = EmergingTopics.Detect(1000, 1000,
        [
            new("delivery", 50, 90),
            new("app", 40, 52),
            new("new", 0, 12),
            new("price", 80, 60),
            new("rare", 2, 5),
        ]);

        var delivery = rows[0];
        Assert.Equal(0.05, delivery.ShareBefore!.Value, 1e-15);
        Assert.Equal(0.09, delivery.ShareAfter!.Value, 1e-15);
        Assert.Equal(0.04, delivery.Change!.Value, 1e-15);
        Assert.Equal(1.8, delivery.Lift!.Value, 1e-12);
        Assert.Equal(3.5046600533, delivery.Z!.Value, 1e-9);
        Assert.Equal(2.285953308e-4, delivery.PValue!.Value, 1e-12);
        Assert.Equal(4.0 * 2.285953308e-4, delivery.AdjustedPValue!.Value, 1e-12);

        Assert.Equal(0.1001717389, rows[1].PValue!.Value, 1e-9);
        Assert.Equal(2.0 * 0.1001717389, rows[1].AdjustedPValue!.Value, 1e-9);

        Assert.Null(rows[2].Lift);
        Assert.Equal(0.0, rows[2].ShareBefore);
        Assert.Equal(3.4736721766, rows[2].Z!.Value, 1e-9);
        Assert.Equal(2.566939304e-4, rows[2].PValue!.Value, 1e-12);
        Assert.Equal(rows[0].AdjustedPValue!.Value, rows[2].AdjustedPValue!.Value, 1e-15);

        Assert.Equal(-1.7523300266, rows[3].Z!.Value, 1e-9);
        Assert.Equal(0.9601414621, rows[3].PValue!.Value, 1e-9);

        Assert.Equal(EmergingTopicCheck.TooFewMentions, rows[4].Check);
        Assert.Null(rows[4].PValue);
        Assert.Equal(2.5, rows[4].Lift!.Value, 1e-12);

        Assert.Equal([true, false, true, false, false], rows.Select(r => r.Emerging));
        Assert.All(rows.Take(4), r => Assert.Equal(EmergingTopicCheck.Tested, r.Check));
    }

    // Lowering the minimum to 5 brings "rare" (2 → 5) into the family: P = .0035, z = .003/√(.0035·.9965·.002)·.99975
    // = 1.135599; p = .128062, so Holm's m becomes 5 and delivery's adjusted p is 5·2.28595e-4.
    [Fact]
    public void The_minimum_count_guard_is_configurable()
    {
        var rows = EmergingTopics.Detect(1000, 1000,
            [new("delivery", 50, 90), new("app", 40, 52), new("new", 0, 12), new("price", 80, 60), new("rare", 2, 5)],
            new EmergingTopicOptions { MinimumRecentMentions = 5 });

        Assert.Equal(EmergingTopicCheck.Tested, rows[4].Check);
        Assert.Equal(0.1280622242, rows[4].PValue!.Value, 1e-9);
        Assert.Equal(5.0 * 2.285953308e-4, rows[0].AdjustedPValue!.Value, 1e-12);
        Assert.False(rows[4].Emerging);
    }

    // A baseline of 20 comments is below the n ≥ 30 significance minimum: shares are shown, nothing is tested.
    [Fact]
    public void A_window_with_too_few_comments_tests_nothing()
    {
        var row = Assert.Single(EmergingTopics.Detect(20, 500, [new("delivery", 2, 100)]));

        Assert.Equal(EmergingTopicCheck.TooFewComments, row.Check);
        Assert.Equal(0.1, row.ShareBefore!.Value, 1e-15);
        Assert.Equal(0.2, row.ShareAfter!.Value, 1e-15);
        Assert.Null(row.PValue);
        Assert.False(row.Emerging);
    }

    [Fact]
    public void Impossible_counts_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => EmergingTopics.Detect(100, 100, [new("x", 101, 5)]));
        Assert.Throws<ArgumentOutOfRangeException>(() => EmergingTopics.Detect(100, 100, [new("x", 5, -1)]));
        Assert.Throws<ArgumentOutOfRangeException>(() => EmergingTopics.Detect(-1, 100, []));
        Assert.Throws<ArgumentOutOfRangeException>(() => EmergingTopics.Detect(100, 100, [], new EmergingTopicOptions { Alpha = 0 }));
    }
}
