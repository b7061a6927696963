namespace Loopwise.Core.Cases;

/// <summary>
/// The pick of an owner among a team's members (cx-reference.md §7 assignment strategies). Members are identified by a
/// key the caller chooses; the lists are in the team's stable order.
/// </summary>
public static class CaseAssignment
{
    /// <summary>
    /// Round-robin: the member after <paramref name="last"/> in <paramref name="members"/>, wrapping round; the first
    /// when there was no last pick or it has left the team. Null for an empty team.
    /// </summary>
    public static T? RoundRobin<T>(IReadOnlyList<T> members, T? last)
        where T : IEquatable<T>
    {
        ArgumentNullException.ThrowIfNull(members);
        if (members.Count == 0)
        {
            return default;
        }

        if (last is null)
        {
            return members[0];
        }

        for (var i = 0; i < members.Count; i++)
        {
            if (members[i].Equals(last))
            {
                return members[(i + 1) % members.Count];
            }
        }

        return members[0];
    }

    /// <summary>
    /// Least-loaded, capacity-weighted: the member whose open load divided by capacity is lowest (ties go to the
    /// earlier member). Members with no capacity left (load at or over capacity) are passed over unless everyone is
    /// full, then the least over wins. Capacity must be positive. Null for an empty team.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A capacity is not positive or a load is negative.</exception>
    public static T? LeastLoaded<T>(IReadOnlyList<MemberLoad<T>> members)
    {
        ArgumentNullException.ThrowIfNull(members);
        MemberLoad<T>? best = null;
        var bestHasRoom = false;
        var bestRatio = double.PositiveInfinity;
        foreach (var member in members)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(member.Capacity, nameof(members));
            ArgumentOutOfRangeException.ThrowIfNegative(member.Load, nameof(members));
            var ratio = member.Load / member.Capacity;
            var hasRoom = member.Load < member.Capacity;
            if (best is null || (hasRoom && !bestHasRoom) || (hasRoom == bestHasRoom && ratio < bestRatio))
            {
                (best, bestHasRoom, bestRatio) = (member, hasRoom, ratio);
            }
        }

        return best is null ? default : best.Member;
    }
}

/// <summary>A team member with the weight of the open cases they hold and how much they can hold.</summary>
public sealed record MemberLoad<T>(T Member, double Load, double Capacity);
