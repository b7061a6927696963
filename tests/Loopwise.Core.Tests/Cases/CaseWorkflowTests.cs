using Loopwise.Core.Cases;

namespace Loopwise.Core.Tests.Cases;

public sealed class CaseWorkflowTests
{
    [Theory]
    [InlineData(CaseState.New, CaseAction.Acknowledge, CaseState.Assigned)]
    [InlineData(CaseState.New, CaseAction.Assign, CaseState.Assigned)]
    [InlineData(CaseState.Assigned, CaseAction.ContactCustomer, CaseState.InProgress)]
    [InlineData(CaseState.InProgress, CaseAction.WaitOnCustomer, CaseState.WaitingOnCustomer)]
    [InlineData(CaseState.WaitingOnCustomer, CaseAction.CustomerReplied, CaseState.InProgress)]
    [InlineData(CaseState.WaitingOnCustomer, CaseAction.Resolve, CaseState.Resolved)]
    [InlineData(CaseState.InProgress, CaseAction.Resolve, CaseState.Resolved)]
    [InlineData(CaseState.Assigned, CaseAction.Escalate, CaseState.Escalated)]
    [InlineData(CaseState.WaitingOnCustomer, CaseAction.Escalate, CaseState.Escalated)]
    [InlineData(CaseState.Escalated, CaseAction.Assign, CaseState.Assigned)]
    [InlineData(CaseState.Resolved, CaseAction.Reopen, CaseState.Reopened)]
    [InlineData(CaseState.Resolved, CaseAction.Close, CaseState.Closed)]
    [InlineData(CaseState.Reopened, CaseAction.ContactCustomer, CaseState.InProgress)]
    public void The_default_workflow_follows_the_table_of_section_7(CaseState from, CaseAction action, CaseState to)
    {
        var move = CaseWorkflow.Next(from, action);

        Assert.True(move.IsAllowed, move.Refusal);
        Assert.Equal(to, move.State);
    }

    [Theory]
    [InlineData(CaseState.New, CaseAction.Resolve)]
    [InlineData(CaseState.Assigned, CaseAction.Resolve)]
    [InlineData(CaseState.New, CaseAction.ContactCustomer)]
    [InlineData(CaseState.Resolved, CaseAction.Escalate)]
    [InlineData(CaseState.Escalated, CaseAction.Escalate)]
    [InlineData(CaseState.Closed, CaseAction.Reopen)]
    [InlineData(CaseState.Closed, CaseAction.Close)]
    [InlineData(CaseState.Reopened, CaseAction.Resolve)]
    [InlineData(CaseState.InProgress, CaseAction.Reopen)]
    public void Illegal_moves_are_refused_naming_the_state_the_action_and_what_is_allowed(CaseState from, CaseAction action)
    {
        var move = CaseWorkflow.Next(from, action);

        Assert.False(move.IsAllowed);
        Assert.Null(move.State);
        Assert.StartsWith("A case that is ", move.Refusal, StringComparison.Ordinal);
        Assert.Contains("Allowed: ", move.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void The_refusal_of_resolving_a_new_case_says_what_a_new_case_allows()
    {
        Assert.Equal(
            "A case that is new cannot resolve. Allowed: assign, acknowledge, escalate, close.",
            CaseWorkflow.Next(CaseState.New, CaseAction.Resolve).Refusal);
    }

    [Theory]
    [InlineData(CaseCloseReason.NoAction)]
    [InlineData(CaseCloseReason.Duplicate)]
    [InlineData(CaseCloseReason.Unreachable)]
    public void An_open_case_closes_only_with_a_reason(CaseCloseReason reason)
    {
        Assert.False(CaseWorkflow.Next(CaseState.InProgress, CaseAction.Close).IsAllowed);
        Assert.False(CaseWorkflow.Next(CaseState.InProgress, CaseAction.Close, CaseCloseReason.Resolved).IsAllowed);
        Assert.Equal(CaseState.Closed, CaseWorkflow.Next(CaseState.InProgress, CaseAction.Close, reason).State);
        Assert.False(CaseWorkflow.Next(CaseState.Resolved, CaseAction.Close, reason).IsAllowed);
    }

    [Fact]
    public void Every_allowed_action_is_accepted_and_every_other_refused()
    {
        foreach (var state in Enum.GetValues<CaseState>())
        {
            var allowed = CaseWorkflow.Allowed(state);
            foreach (var action in Enum.GetValues<CaseAction>())
            {
                var reason = action == CaseAction.Close && CaseWorkflow.IsOpen(state) ? CaseCloseReason.NoAction : (CaseCloseReason?)null;
                Assert.Equal(allowed.Contains(action), CaseWorkflow.Next(state, action, reason).IsAllowed);
            }
        }

        Assert.Empty(CaseWorkflow.Allowed(CaseState.Closed));
    }
}
