using Loopwise.Core.Surveys;
using static Loopwise.Core.Tests.Surveys.SampleSurveys;

namespace Loopwise.Core.Tests.Surveys;

public class AnswerValidatorTests
{
    private static readonly SurveyDefinition Survey = Full();

    private static List<ValidationError> Validate(AnswerMode mode, params (string, AnswerValue)[] answers) =>
        [.. AnswerValidator.Validate(Survey, AnswerSet.Of(answers), mode)];

    private static readonly (string, AnswerValue) Promoter = ("nps", AnswerValue.OfNumber(10));

    [Fact]
    public void Complete_promoter_response_is_valid()
    {
        var errors = Validate(AnswerMode.Complete, Promoter, ("csat", AnswerValue.OfNumber(5)), ("channel", AnswerValue.OfChoices("phone")));

        Assert.Empty(errors);
    }

    [Fact]
    public void Complete_response_missing_a_required_visible_question_is_rejected()
    {
        var error = Assert.Single(Validate(AnswerMode.Complete, ("csat", AnswerValue.OfNumber(4))));

        Assert.Equal("answers.nps", error.Path);
        Assert.Equal("This question is required.", error.Message);
    }

    [Fact]
    public void Partial_response_may_miss_required_questions()
    {
        Assert.Empty(Validate(AnswerMode.Partial, ("csat", AnswerValue.OfNumber(4))));
    }

    [Fact]
    public void Required_question_hidden_by_its_condition_is_not_required()
    {
        // what_went_wrong is required but only shown to detractors (nps <= 6).
        Assert.Empty(Validate(AnswerMode.Complete, ("nps", AnswerValue.OfNumber(9))));
    }

    [Fact]
    public void Required_question_shown_by_its_condition_is_required()
    {
        var error = Assert.Single(Validate(AnswerMode.Complete, ("nps", AnswerValue.OfNumber(3))));

        Assert.Equal("answers.what_went_wrong", error.Path);
    }

    [Fact]
    public void Answer_to_a_question_hidden_by_display_logic_is_rejected()
    {
        var error = Assert.Single(Validate(AnswerMode.Partial, ("nps", AnswerValue.OfNumber(9)), ("what_went_wrong", AnswerValue.OfText("nothing"))));

        Assert.Equal("answers.what_went_wrong", error.Path);
        Assert.Contains("hidden", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_question_id_is_rejected()
    {
        var error = Assert.Single(Validate(AnswerMode.Partial, ("ghost", AnswerValue.OfText("boo"))));

        Assert.Equal("answers.ghost", error.Path);
    }

    [Theory]
    [InlineData("nps", 11)]
    [InlineData("nps", -1)]
    [InlineData("csat", 0)]
    [InlineData("csat", 6)]
    [InlineData("effort", 6)]
    [InlineData("stars", 0)]
    [InlineData("stars", 11)]
    public void Number_outside_the_question_scale_is_rejected(string id, int value)
    {
        var error = Assert.Single(Validate(AnswerMode.Partial, (id, AnswerValue.OfNumber(value))));

        Assert.Equal("answers." + id, error.Path);
        Assert.Contains("outside the scale", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nps", 0)]
    [InlineData("nps", 10)]
    [InlineData("csat", 1)]
    [InlineData("effort", 5)]
    [InlineData("stars", 10)]
    public void Number_at_the_ends_of_the_scale_is_accepted(string id, int value)
    {
        Assert.Empty(Validate(AnswerMode.Partial, (id, AnswerValue.OfNumber(value))));
    }

    [Fact]
    public void Wrong_kind_of_answer_is_a_type_mismatch()
    {
        var errors = Validate(
            AnswerMode.Partial,
            ("nps", AnswerValue.OfText("9")),
            ("csat", new AnswerValue(Number: 4, Text: "great")),
            ("effort", AnswerValue.OfChoices("1")),
            ("channel", AnswerValue.OfNumber(1)));
        var textError = Assert.Single(Validate(AnswerMode.Partial, ("nps", AnswerValue.OfNumber(2)), ("what_went_wrong", AnswerValue.OfNumber(2))));

        Assert.Equal(["answers.nps", "answers.csat", "answers.effort", "answers.channel"], errors.Select(e => e.Path));
        Assert.Equal("A Nps question takes a number.", errors[0].Message);
        Assert.Equal("A SingleChoice question takes choice values.", errors[3].Message);
        Assert.Equal(new ValidationError("answers.what_went_wrong", "A text question takes text."), textError);
    }

    [Fact]
    public void Unknown_choice_value_is_rejected()
    {
        var error = Assert.Single(Validate(AnswerMode.Partial, ("channel", AnswerValue.OfChoices("fax"))));

        Assert.Equal("Unknown choice value: 'fax'.", error.Message);
    }

    [Fact]
    public void Single_choice_with_several_values_is_rejected()
    {
        var error = Assert.Single(Validate(AnswerMode.Partial, ("channel", AnswerValue.OfChoices("email", "chat"))));

        Assert.Equal("A single-choice question takes exactly one value.", error.Message);
    }

    [Fact]
    public void Multiple_choice_accepts_several_known_values_but_not_the_same_one_twice()
    {
        var channel = ("channel", AnswerValue.OfChoices("email"));

        Assert.Empty(Validate(AnswerMode.Partial, channel, ("features", AnswerValue.OfChoices("reports", "api"))));
        Assert.Single(Validate(AnswerMode.Partial, channel, ("features", AnswerValue.OfChoices("api", "api"))));
    }

    [Fact]
    public void Text_longer_than_max_length_is_rejected_and_exactly_max_length_is_accepted()
    {
        var reveal = new[] { ("channel", AnswerValue.OfChoices("email")), ("features", AnswerValue.OfChoices("api")) };

        Assert.Empty(Validate(AnswerMode.Partial, [.. reveal, ("comments", AnswerValue.OfText(new string('x', 500)))]));
        var error = Assert.Single(Validate(AnswerMode.Partial, [.. reveal, ("comments", AnswerValue.OfText(new string('x', 501)))]));
        Assert.Equal("The text is 501 characters long; the limit is 500.", error.Message);
    }

    [Fact]
    public void Text_without_max_length_is_limited_to_2000_characters()
    {
        var detractor = ("nps", AnswerValue.OfNumber(0));

        Assert.Empty(Validate(AnswerMode.Partial, detractor, ("what_went_wrong", AnswerValue.OfText(new string('x', 2000)))));
        Assert.Single(Validate(AnswerMode.Partial, detractor, ("what_went_wrong", AnswerValue.OfText(new string('x', 2001)))));
    }

    [Fact]
    public void Empty_answer_counts_as_missing()
    {
        var error = Assert.Single(Validate(AnswerMode.Complete, ("nps", new AnswerValue(Choices: []))));

        Assert.Equal("This question is required.", error.Message);
    }
}
