using System.Collections.Frozen;

namespace Loopwise.Core.Cases;

/// <summary>
/// The default case state machine of cx-reference.md §7. <see cref="Next"/> is the only way a case changes state:
/// an action that the table does not allow from the current state is refused with a message naming the state, the
/// action and what the state does allow.
/// </summary>
/// <remarks>
/// Transitions (state → action → state):
/// New: Assign/Acknowledge → Assigned; Escalate → Escalated; Close (NoAction, Duplicate, Unreachable) → Closed.
/// Assigned: Assign/Acknowledge → Assigned; ContactCustomer → InProgress; Escalate; Close with a reason.
/// InProgress: WaitOnCustomer → WaitingOnCustomer; Resolve → Resolved; Escalate; Close with a reason.
/// WaitingOnCustomer: CustomerReplied → InProgress; Resolve → Resolved (the customer never answered); Escalate; Close with a reason.
/// Escalated: Assign → Assigned (the new owner); Close with a reason.
/// Resolved: Close → Closed; Reopen → Reopened.
/// Reopened: ContactCustomer → InProgress; Assign (a new owner, staying Reopened); Escalate; Close with a reason.
/// Closed: nothing.
/// </remarks>
public static class CaseWorkflow
{
    private static readonly FrozenDictionary<(CaseState, CaseAction), CaseState> Moves = new Dictionary<(CaseState, CaseAction), CaseState>
    {
        [(CaseState.New, CaseAction.Assign)] = CaseState.Assigned,
        [(CaseState.New, CaseAction.Acknowledge)] = CaseState.Assigned,
        [(CaseState.Assigned, CaseAction.Assign)] = CaseState.Assigned,
        [(CaseState.Assigned, CaseAction.Acknowledge)] = CaseState.Assigned,
        [(CaseState.Assigned, CaseAction.ContactCustomer)] = CaseState.InProgress,
        [(CaseState.InProgress, CaseAction.WaitOnCustomer)] = CaseState.WaitingOnCustomer,
        [(CaseState.InProgress, CaseAction.Resolve)] = CaseState.Resolved,
        [(CaseState.InProgress, CaseAction.ContactCustomer)] = CaseState.InProgress,
        [(CaseState.WaitingOnCustomer, CaseAction.CustomerReplied)] = CaseState.InProgress,
        [(CaseState.WaitingOnCustomer, CaseAction.Resolve)] = CaseState.Resolved,
        [(CaseState.WaitingOnCustomer, CaseAction.ContactCustomer)] = CaseState.WaitingOnCustomer,
        [(CaseState.Escalated, CaseAction.Assign)] = CaseState.Assigned,
        [(CaseState.Resolved, CaseAction.Close)] = CaseState.Closed,
        [(CaseState.Resolved, CaseAction.Reopen)] = CaseState.Reopened,
        [(CaseState.Reopened, CaseAction.ContactCustomer)] = CaseState.InProgress,
        [(CaseState.Reopened, CaseAction.Assign)] = CaseState.Reopened,
    }.ToFrozenDictionary();

    /// <summary>The open states: every state but Resolved and Closed.</summary>
    public static IReadOnlyList<CaseState> OpenStates { get; } =
        [CaseState.New, CaseState.Assigned, CaseState.InProgress, CaseState.WaitingOnCustomer, CaseState.Escalated, CaseState.Reopened];

    /// <summary>True for a state in which somebody still has to act (not Resolved, not Closed).</summary>
    public static bool IsOpen(CaseState state) => state is not (CaseState.Resolved or CaseState.Closed);

    /// <summary>
    /// The state <paramref name="action"/> leads to from <paramref name="from"/>, or a refusal. Closing an open case
    /// needs a reason other than <see cref="CaseCloseReason.Resolved"/>; closing a resolved case takes
    /// <see cref="CaseCloseReason.Resolved"/> (or no reason).
    /// </summary>
    public static CaseMove Next(CaseState from, CaseAction action, CaseCloseReason? reason = null)
    {
        if (action == CaseAction.Escalate && IsOpen(from) && from != CaseState.Escalated)
        {
            return CaseMove.To(CaseState.Escalated);
        }

        if (action == CaseAction.Close)
        {
            if (from == CaseState.Resolved)
            {
                return reason is null or CaseCloseReason.Resolved
                    ? CaseMove.To(CaseState.Closed)
                    : CaseMove.Refused($"A resolved case closes as resolved, not as {reason}.");
            }

            if (IsOpen(from))
            {
                return reason is null or CaseCloseReason.Resolved
                    ? CaseMove.Refused($"A case that is {Describe(from)} can only be closed with a reason: NoAction, Duplicate or Unreachable (or resolve it first).")
                    : CaseMove.To(CaseState.Closed);
            }
        }

        return Moves.TryGetValue((from, action), out var to)
            ? CaseMove.To(to)
            : CaseMove.Refused($"A case that is {Describe(from)} cannot {Describe(action)}. Allowed: {string.Join(", ", Allowed(from).Select(Describe))}.");
    }

    /// <summary>The actions <see cref="Next"/> accepts from <paramref name="state"/> (with a suitable close reason).</summary>
    public static IReadOnlyList<CaseAction> Allowed(CaseState state)
    {
        var allowed = Moves.Keys.Where(k => k.Item1 == state).Select(k => k.Item2).ToList();
        if (IsOpen(state) && state != CaseState.Escalated)
        {
            allowed.Add(CaseAction.Escalate);
        }

        if (state != CaseState.Closed)
        {
            allowed.Add(CaseAction.Close);
        }

        return [.. allowed.Distinct().Order()];
    }

    private static string Describe(CaseState state) => state switch
    {
        CaseState.New => "new",
        CaseState.Assigned => "assigned",
        CaseState.InProgress => "in progress",
        CaseState.WaitingOnCustomer => "waiting on the customer",
        CaseState.Escalated => "escalated",
        CaseState.Resolved => "resolved",
        CaseState.Reopened => "reopened",
        CaseState.Closed => "closed",
        _ => state.ToString(),
    };

    private static string Describe(CaseAction action) => action switch
    {
        CaseAction.Assign => "assign",
        CaseAction.Acknowledge => "acknowledge",
        CaseAction.ContactCustomer => "contact customer",
        CaseAction.WaitOnCustomer => "wait on customer",
        CaseAction.CustomerReplied => "customer replied",
        CaseAction.Escalate => "escalate",
        CaseAction.Resolve => "resolve",
        CaseAction.Reopen => "reopen",
        CaseAction.Close => "close",
        _ => action.ToString(),
    };
}
