namespace Loopwise.Core.Text.Topics;

/// <summary>A compiled rule: words bound to atom ids, evaluated against the atoms found in a sentence.</summary>
internal abstract class RuleNode
{
    /// <summary>Whether the sentence in <paramref name="state"/> satisfies the rule.</summary>
    public abstract bool Matches(MatchState state);

    /// <summary>Adds to <see cref="MatchState.Highlights"/> the word ranges of the terms that made a matching rule match.</summary>
    public abstract void Collect(MatchState state);

    /// <summary>Appends to <see cref="MatchState.Intervals"/> every place the (positional) rule matches.</summary>
    public virtual void Positions(MatchState state) => throw new InvalidOperationException("Only words, phrases, alternatives and NEAR have positions.");
}

internal sealed class TermNode(int[] atoms) : RuleNode
{
    public override bool Matches(MatchState state) => atoms.Length == 1 ? state.FirstOccurrence[atoms[0]] >= 0 : Next(state, 0) >= 0;

    public override void Collect(MatchState state)
    {
        for (var p = Next(state, 0); p >= 0; p = Next(state, p + 1))
        {
            state.Highlights.Add(new Interval(p, p + atoms.Length - 1));
        }
    }

    public override void Positions(MatchState state)
    {
        for (var p = Next(state, 0); p >= 0; p = Next(state, p + 1))
        {
            state.AddInterval(p, p + atoms.Length - 1);
        }
    }

    /// <summary>The first word at or after <paramref name="from"/> where the term starts, or −1.</summary>
    private int Next(MatchState state, int from)
    {
        var last = state.TokenCount - atoms.Length;
        for (var o = state.FirstOccurrence[atoms[0]]; o >= 0; o = state.NextOccurrence[o])
        {
            var p = state.OccurrenceToken[o];
            if (p < from)
            {
                continue;
            }

            if (p > last)
            {
                return -1;
            }

            var whole = true;
            for (var w = 1; w < atoms.Length && whole; w++)
            {
                whole = state.Tokens[p + w].Joined && state.HasAtom(p + w, atoms[w]);
            }

            if (whole)
            {
                return p;
            }
        }

        return -1;
    }
}

internal sealed class OrNode(RuleNode[] alternatives) : RuleNode
{
    public override bool Matches(MatchState state)
    {
        foreach (var alternative in alternatives)
        {
            if (alternative.Matches(state))
            {
                return true;
            }
        }

        return false;
    }

    public override void Collect(MatchState state)
    {
        foreach (var alternative in alternatives)
        {
            if (alternative.Matches(state))
            {
                alternative.Collect(state);
            }
        }
    }

    public override void Positions(MatchState state)
    {
        foreach (var alternative in alternatives)
        {
            alternative.Positions(state);
        }
    }
}

internal sealed class AndNode(RuleNode[] operands) : RuleNode
{
    public override bool Matches(MatchState state)
    {
        foreach (var operand in operands)
        {
            if (!operand.Matches(state))
            {
                return false;
            }
        }

        return true;
    }

    public override void Collect(MatchState state)
    {
        foreach (var operand in operands)
        {
            operand.Collect(state);
        }
    }
}

internal sealed class NotNode(RuleNode operand) : RuleNode
{
    public override bool Matches(MatchState state) => !operand.Matches(state);

    public override void Collect(MatchState state)
    {
    }
}

/// <summary>Both sides, in either order, not overlapping, with at most <c>distance</c> words between them.</summary>
internal sealed class NearNode(RuleNode left, RuleNode right, int distance) : RuleNode
{
    public override bool Matches(MatchState state)
    {
        var mark = state.IntervalCount;
        Positions(state);
        var found = state.IntervalCount > mark;
        state.IntervalCount = mark;
        return found;
    }

    public override void Collect(MatchState state)
    {
        var mark = state.IntervalCount;
        left.Positions(state);
        var middle = state.IntervalCount;
        right.Positions(state);
        var end = state.IntervalCount;
        for (var l = mark; l < middle; l++)
        {
            for (var r = middle; r < end; r++)
            {
                if (Close(state.Intervals[l], state.Intervals[r]))
                {
                    state.Highlights.Add(state.Intervals[l]);
                    state.Highlights.Add(state.Intervals[r]);
                }
            }
        }

        state.IntervalCount = mark;
    }

    /// <summary>Appends the span covering each close pair, so NEAR can nest.</summary>
    public override void Positions(MatchState state)
    {
        var mark = state.IntervalCount;
        left.Positions(state);
        var middle = state.IntervalCount;
        if (middle == mark)
        {
            return;
        }

        right.Positions(state);
        var end = state.IntervalCount;
        for (var l = mark; l < middle; l++)
        {
            for (var r = middle; r < end; r++)
            {
                var a = state.Intervals[l];
                var b = state.Intervals[r];
                if (Close(a, b))
                {
                    state.AddInterval(Math.Min(a.First, b.First), Math.Max(a.Last, b.Last));
                }
            }
        }

        var found = state.IntervalCount - end;
        Array.Copy(state.Intervals, end, state.Intervals, mark, found);
        state.IntervalCount = mark + found;
    }

    private bool Close(Interval a, Interval b) =>
        a.Last < b.First ? b.First - a.Last - 1 <= distance
        : b.Last < a.First && a.First - b.Last - 1 <= distance;
}
