namespace Loopwise.Core.Cases;

/// <summary>
/// The two SLA clocks of a case, derived from its state changes alone so they can always be recomputed
/// (cx-reference.md §7): the first-response clock runs from creation to the first contact with the customer
/// (entering InProgress; or Resolved or Closed when there was none); the resolution clock runs in every open state but
/// WaitingOnCustomer (paused), stops at Resolved or Closed and resumes at Reopened, counting the earlier time. Both
/// count only the working time of the <see cref="BusinessCalendar"/>.
/// </summary>
public static class CaseSla
{
    /// <summary>The warning point, as a share of the target.</summary>
    public const double WarnAt = 0.75;

    /// <summary>Both clocks of a case at <paramref name="nowUtc"/>.</summary>
    /// <exception cref="ArgumentException">No state changes, changes out of order, or a change after <paramref name="nowUtc"/>.</exception>
    public static CaseSlaClocks Compute(IReadOnlyList<CaseStateChange> changes, SlaTargets targets, BusinessCalendar calendar, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(changes);
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(calendar);
        if (changes.Count == 0)
        {
            throw new ArgumentException("A case has at least its creation.", nameof(changes));
        }

        for (var i = 0; i < changes.Count; i++)
        {
            if ((i > 0 && changes[i].At < changes[i - 1].At) || changes[i].At > nowUtc)
            {
                throw new ArgumentException("State changes must be in time order and not after now.", nameof(changes));
            }
        }

        var contacted = FirstIndex(changes, s => s is CaseState.InProgress or CaseState.Resolved or CaseState.Closed);
        var firstResponse = Clock(changes, targets.FirstResponse, calendar, nowUtc, (i, _) => contacted < 0 || i < contacted, contacted);

        var last = changes[^1].State;
        var resolutionStop = last is CaseState.Resolved or CaseState.Closed
            ? LastStopIndex(changes)
            : -1;
        var resolution = Clock(
            changes, targets.Resolution, calendar, nowUtc,
            (_, state) => CaseWorkflow.IsOpen(state) && state != CaseState.WaitingOnCustomer,
            resolutionStop);
        return new CaseSlaClocks(firstResponse, resolution);
    }

    private static int FirstIndex(IReadOnlyList<CaseStateChange> changes, Func<CaseState, bool> predicate)
    {
        for (var i = 0; i < changes.Count; i++)
        {
            if (predicate(changes[i].State))
            {
                return i;
            }
        }

        return -1;
    }

    // The change that last entered Resolved or Closed from an open state (Resolved → Closed does not restart anything).
    private static int LastStopIndex(IReadOnlyList<CaseStateChange> changes)
    {
        var stop = changes.Count - 1;
        while (stop > 0 && !CaseWorkflow.IsOpen(changes[stop - 1].State))
        {
            stop--;
        }

        return stop;
    }

    private static SlaClock Clock(
        IReadOnlyList<CaseStateChange> changes, TimeSpan target, BusinessCalendar calendar, DateTime now,
        Func<int, CaseState, bool> runs, int stopIndex)
    {
        var warnTarget = target * WarnAt;
        var elapsed = TimeSpan.Zero;
        DateTime? warnAt = null;
        DateTime? dueAt = null;
        var running = false;
        for (var i = 0; i < changes.Count; i++)
        {
            if (!runs(i, changes[i].State))
            {
                continue;
            }

            var start = changes[i].At;
            var end = i + 1 < changes.Count ? changes[i + 1].At : now;
            running = i + 1 == changes.Count;
            var worked = calendar.Elapsed(start, end);
            if (warnAt is null && elapsed + worked >= warnTarget)
            {
                warnAt = calendar.Add(start, warnTarget - elapsed);
            }

            if (dueAt is null && elapsed + worked >= target)
            {
                dueAt = calendar.Add(start, target - elapsed);
            }

            elapsed += worked;
        }

        DateTime? stoppedAt = stopIndex >= 0 ? changes[stopIndex].At : null;
        if (running)
        {
            warnAt ??= calendar.Add(now, warnTarget - elapsed);
            dueAt ??= calendar.Add(now, target - elapsed);
        }

        var status = elapsed >= target ? SlaStatus.Breached
            : stoppedAt is not null ? SlaStatus.Met
            : elapsed >= warnTarget ? SlaStatus.AtRisk
            : SlaStatus.OnTrack;
        return new SlaClock(target, elapsed, running, stoppedAt, warnAt, status == SlaStatus.Met ? null : dueAt, status);
    }
}
