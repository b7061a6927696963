using Loopwise.Core.Surveys;
using static Loopwise.Core.Tests.Surveys.SampleSurveys;

namespace Loopwise.Core.Tests.Surveys;

public class DisplayLogicTests
{
    private static readonly Question DetractorFollowUp =
        Q("what_went_wrong", QuestionType.Text) with { ShowIf = DisplayCondition.Of("nps", ConditionOperator.LessThanOrEqual, "6") };

    private static bool Visible(DisplayCondition condition, AnswerValue? answer) =>
        DisplayLogic.IsVisible(
            Q("target", QuestionType.Text) with { ShowIf = condition },
            answer is null ? AnswerSet.Empty : AnswerSet.Of(("q", answer)));

    [Theory]
    [InlineData(0, true)]
    [InlineData(3, true)]
    [InlineData(6, true)]
    [InlineData(7, false)]
    [InlineData(9, false)]
    [InlineData(10, false)]
    public void Detractor_follow_up_is_shown_only_for_nps_of_6_or_less(int score, bool expected)
    {
        var answers = AnswerSet.Of(("nps", AnswerValue.OfNumber(score)));

        Assert.Equal(expected, DisplayLogic.IsVisible(DetractorFollowUp, answers));
    }

    [Fact]
    public void Detractor_follow_up_is_hidden_while_nps_is_unanswered()
    {
        Assert.False(DisplayLogic.IsVisible(DetractorFollowUp, AnswerSet.Empty));
    }

    [Fact]
    public void Question_without_condition_is_always_visible()
    {
        Assert.True(DisplayLogic.IsVisible(Q("q", QuestionType.Text), AnswerSet.Empty));
    }

    [Theory]
    [InlineData(ConditionOperator.Equals, "5", 5, true)]
    [InlineData(ConditionOperator.Equals, "5", 4, false)]
    [InlineData(ConditionOperator.NotEquals, "5", 4, true)]
    [InlineData(ConditionOperator.NotEquals, "5", 5, false)]
    [InlineData(ConditionOperator.LessThan, "5", 4, true)]
    [InlineData(ConditionOperator.LessThan, "5", 5, false)]
    [InlineData(ConditionOperator.LessThanOrEqual, "5", 5, true)]
    [InlineData(ConditionOperator.LessThanOrEqual, "5", 6, false)]
    [InlineData(ConditionOperator.GreaterThan, "5", 6, true)]
    [InlineData(ConditionOperator.GreaterThan, "5", 5, false)]
    [InlineData(ConditionOperator.GreaterThanOrEqual, "5", 5, true)]
    [InlineData(ConditionOperator.GreaterThanOrEqual, "5", 4, false)]
    public void Numeric_operators_compare_the_rating(ConditionOperator op, string value, int answer, bool expected)
    {
        Assert.Equal(expected, Visible(DisplayCondition.Of("q", op, value), AnswerValue.OfNumber(answer)));
    }

    [Theory]
    [InlineData("1", true)]
    [InlineData("3", true)]
    [InlineData("2", false)]
    public void AnyOf_matches_a_rating_in_the_list(string answer, bool expected)
    {
        Assert.Equal(expected, Visible(DisplayCondition.Of("q", ConditionOperator.AnyOf, "1", "3"), AnswerValue.OfNumber(int.Parse(answer, System.Globalization.CultureInfo.InvariantCulture))));
    }

    [Fact]
    public void Equals_on_a_single_choice_compares_the_value()
    {
        Assert.True(Visible(DisplayCondition.Of("q", ConditionOperator.Equals, "email"), AnswerValue.OfChoices("email")));
        Assert.False(Visible(DisplayCondition.Of("q", ConditionOperator.Equals, "email"), AnswerValue.OfChoices("phone")));
    }

    [Fact]
    public void Equals_on_a_multiple_choice_means_the_value_is_selected()
    {
        var answer = AnswerValue.OfChoices("reports", "api");

        Assert.True(Visible(DisplayCondition.Of("q", ConditionOperator.Equals, "api"), answer));
        Assert.False(Visible(DisplayCondition.Of("q", ConditionOperator.Equals, "alerts"), answer));
        Assert.True(Visible(DisplayCondition.Of("q", ConditionOperator.NotEquals, "alerts"), answer));
    }

    [Fact]
    public void AnyOf_on_a_multiple_choice_needs_one_selected_value_in_the_list()
    {
        Assert.True(Visible(DisplayCondition.Of("q", ConditionOperator.AnyOf, "alerts", "api"), AnswerValue.OfChoices("reports", "api")));
        Assert.False(Visible(DisplayCondition.Of("q", ConditionOperator.AnyOf, "alerts"), AnswerValue.OfChoices("reports", "api")));
    }

    [Fact]
    public void Equals_on_text_compares_the_trimmed_text_exactly()
    {
        Assert.True(Visible(DisplayCondition.Of("q", ConditionOperator.Equals, "yes"), AnswerValue.OfText(" yes ")));
        Assert.False(Visible(DisplayCondition.Of("q", ConditionOperator.Equals, "yes"), AnswerValue.OfText("Yes")));
    }

    [Fact]
    public void Answered_and_NotAnswered_look_at_presence_only()
    {
        Assert.True(Visible(DisplayCondition.Of("q", ConditionOperator.Answered), AnswerValue.OfNumber(0)));
        Assert.False(Visible(DisplayCondition.Of("q", ConditionOperator.Answered), null));
        Assert.False(Visible(DisplayCondition.Of("q", ConditionOperator.Answered), AnswerValue.OfText("   ")));
        Assert.True(Visible(DisplayCondition.Of("q", ConditionOperator.NotAnswered), null));
        Assert.False(Visible(DisplayCondition.Of("q", ConditionOperator.NotAnswered), AnswerValue.OfChoices("a")));
    }

    [Theory]
    [InlineData(ConditionOperator.Equals, false)]
    [InlineData(ConditionOperator.NotEquals, true)]
    [InlineData(ConditionOperator.LessThan, false)]
    [InlineData(ConditionOperator.GreaterThanOrEqual, false)]
    [InlineData(ConditionOperator.AnyOf, false)]
    public void Comparisons_on_an_unanswered_question_are_false_except_NotEquals(ConditionOperator op, bool expected)
    {
        Assert.Equal(expected, Visible(DisplayCondition.Of("q", op, "5"), null));
    }

    [Fact]
    public void Number_compared_with_a_non_numeric_value_is_not_a_match()
    {
        Assert.False(Visible(DisplayCondition.Of("q", ConditionOperator.LessThan, "abc"), AnswerValue.OfNumber(1)));
    }

    [Fact]
    public void VisibleQuestions_for_a_promoter_who_chose_phone()
    {
        var answers = AnswerSet.Of(("nps", AnswerValue.OfNumber(9)), ("channel", AnswerValue.OfChoices("phone")));

        var visible = DisplayLogic.VisibleQuestions(Full(), answers).Select(q => q.Id);

        Assert.Equal(["nps", "csat", "effort", "stars", "channel"], visible);
    }

    [Fact]
    public void VisibleQuestions_for_a_detractor_who_chose_chat_and_the_api()
    {
        var answers = AnswerSet.Of(
            ("nps", AnswerValue.OfNumber(3)),
            ("channel", AnswerValue.OfChoices("chat")),
            ("features", AnswerValue.OfChoices("api")));

        var visible = DisplayLogic.VisibleQuestions(Full(), answers).Select(q => q.Id);

        Assert.Equal(["nps", "what_went_wrong", "csat", "effort", "stars", "channel", "features", "comments"], visible);
    }

    [Fact]
    public void VisibleQuestions_ignores_answers_of_hidden_questions_in_later_conditions()
    {
        // features is hidden (phone), so its stale "api" answer must not reveal comments.
        var answers = AnswerSet.Of(
            ("nps", AnswerValue.OfNumber(10)),
            ("channel", AnswerValue.OfChoices("phone")),
            ("features", AnswerValue.OfChoices("api")));

        var visible = DisplayLogic.VisibleQuestions(Full(), answers).Select(q => q.Id);

        Assert.DoesNotContain("comments", visible);
        Assert.True(DisplayLogic.IsVisible(Full().FindQuestion("comments")!, answers));
    }
}
