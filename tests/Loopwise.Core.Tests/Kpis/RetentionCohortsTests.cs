using Loopwise.Core.Kpis;
using Loopwise.Core.Metrics;

namespace Loopwise.Core.Tests.Kpis;

public class RetentionCohortsTests
{
    // Current period 12, K = 3. Cohort 10: {10, 11, 12}, {10, 12}, {10, 14 (after now: ignored)};
    // cohort 11: {11, 12}, {}; cohort 12: {} (k = 0 is 100% by definition); cohort 13 is in the future.
    private static readonly CohortCustomer[] Customers =
    [
        new(10, [10, 11, 11, 12]),
        new(10, [10, 12]),
        new(10, [10, 14]),
        new(11, [11, 12]),
        new(11, []),
        new(12, []),
        new(13, [13]),
    ];

    [Fact]
    public void Birth_retention_counts_customers_active_in_period_k()
    {
        var table = RetentionCohorts.Build(Customers, currentPeriod: 12, maxK: 3, RetentionMode.Birth);

        Assert.Equal([10, 11, 12], table.Rows.Select(r => r.AcquisitionPeriod));
        Assert.Equal([3L, 2L, 1L], table.Rows.Select(r => r.Size));
        Assert.Equal([1.0, 1.0 / 3.0, 2.0 / 3.0, null], Values(table.Rows[0]));
        Assert.Equal([1.0, 0.5, null, null], Values(table.Rows[1]));
        Assert.Equal([1.0, null, null, null], Values(table.Rows[2]));
    }

    [Fact]
    public void Unbounded_retention_counts_customers_active_in_or_after_period_k()
    {
        var table = RetentionCohorts.Build(Customers, currentPeriod: 12, maxK: 3, RetentionMode.Unbounded);

        Assert.Equal([1.0, 2.0 / 3.0, 2.0 / 3.0, null], Values(table.Rows[0]));
        Assert.Equal([1.0, 0.5, null, null], Values(table.Rows[1]));
        Assert.Equal(RetentionMode.Unbounded, table.Mode);
    }

    [Fact]
    public void Future_cells_are_null_not_0()
    {
        var table = RetentionCohorts.Build(Customers, currentPeriod: 12, maxK: 3, RetentionMode.Birth);

        Assert.Null(table.Rows[0].Cells[3]);
        Assert.Null(table.Rows[2].ValueAt(1));
        Assert.Equal(0.0, RetentionCohorts.Build([new(11, [])], 12, 1, RetentionMode.Birth).Rows[0].ValueAt(1));
    }

    [Fact]
    public void Cells_carry_counts_and_a_wilson_interval()
    {
        var table = RetentionCohorts.Build(Customers, currentPeriod: 12, maxK: 3, RetentionMode.Birth);

        var cell = table.Rows[0].Cells[2]!;

        Assert.Equal((2L, 3L), (cell.Successes, cell.N));
        Assert.Equal(Proportion.Wilson(2, 3), cell.Interval);
    }

    [Fact]
    public void Unbounded_retention_beyond_k_still_counts_in_the_last_column()
    {
        var table = RetentionCohorts.Build([new(0, [5])], currentPeriod: 10, maxK: 2, RetentionMode.Unbounded);

        Assert.Equal([1.0, 1.0, 1.0], Values(table.Rows[0]));
    }

    [Fact]
    public void No_customers_give_an_empty_table_and_negative_k_is_a_programming_error()
    {
        Assert.Empty(RetentionCohorts.Build([], 12, 3, RetentionMode.Birth).Rows);
        Assert.Throws<ArgumentOutOfRangeException>(() => RetentionCohorts.Build(Customers, 12, -1, RetentionMode.Birth));
        Assert.Throws<ArgumentOutOfRangeException>(() => RetentionCohorts.Build(Customers, 12, 3, (RetentionMode)7));
    }

    private static double?[] Values(CohortRow row) => row.Cells.Select(c => c?.Value).ToArray();
}
