using Loopwise.Core.Cases;

namespace Loopwise.Core.Tests.Cases;

public sealed class CaseAssignmentTests
{
    [Fact]
    public void Round_robin_takes_the_next_member_and_wraps()
    {
        string[] team = ["ana", "ben", "chloe"];

        Assert.Equal("ana", CaseAssignment.RoundRobin(team, null));
        Assert.Equal("chloe", CaseAssignment.RoundRobin(team, "ben"));
        Assert.Equal("ana", CaseAssignment.RoundRobin(team, "chloe"));
        Assert.Equal("ana", CaseAssignment.RoundRobin(team, "dan"));
        Assert.Null(CaseAssignment.RoundRobin(Array.Empty<string>(), "ana"));
    }

    [Fact]
    public void Least_loaded_weighs_load_by_capacity_and_passes_over_full_members()
    {
        // ana 3/10 = 0.3, ben 1/2 = 0.5, chloe 2/8 = 0.25 → chloe.
        Assert.Equal("chloe", CaseAssignment.LeastLoaded<string>([new("ana", 3, 10), new("ben", 1, 2), new("chloe", 2, 8)]));
        // A tie goes to the earlier member.
        Assert.Equal("ana", CaseAssignment.LeastLoaded<string>([new("ana", 1, 4), new("ben", 2, 8)]));
        // ben is full (2/2); ana (9/10) still has room → ana.
        Assert.Equal("ana", CaseAssignment.LeastLoaded<string>([new("ben", 2, 2), new("ana", 9, 10)]));
        // Everyone full: the least over wins.
        Assert.Equal("ben", CaseAssignment.LeastLoaded<string>([new("ana", 6, 4), new("ben", 5, 5)]));
        Assert.Null(CaseAssignment.LeastLoaded<string>([]));
        Assert.Throws<ArgumentOutOfRangeException>(() => CaseAssignment.LeastLoaded<string>([new("ana", 1, 0)]));
    }
}
