using Loopwise.Core.Surveys;
using static Loopwise.Core.Tests.Surveys.SampleSurveys;

namespace Loopwise.Core.Tests.Surveys;

public class SurveyDefinitionValidatorTests
{
    private static List<string> Paths(SurveyDefinition definition) =>
        [.. SurveyDefinitionValidator.Validate(definition).Select(e => e.Path)];

    [Fact]
    public void Full_bilingual_sample_is_valid()
    {
        Assert.Empty(SurveyDefinitionValidator.Validate(Full()));
    }

    [Fact]
    public void Survey_without_questions_is_rejected()
    {
        Assert.Equal(["questions"], Paths(Of()));
    }

    [Fact]
    public void Duplicate_question_id_is_reported_on_the_second_question()
    {
        Assert.Equal(["questions[1].id"], Paths(Of(Q("a", QuestionType.Text), Q("a", QuestionType.Text))));
    }

    [Theory]
    [InlineData("NPS")]
    [InlineData("my question")]
    [InlineData("")]
    [InlineData("é")]
    public void Question_id_outside_lowercase_letters_digits_underscore_and_dash_is_rejected(string id)
    {
        Assert.Equal(["questions[0].id"], Paths(Of(Q(id, QuestionType.Text) with { Text = EnFr("Question", "Question") })));
    }

    [Fact]
    public void Question_id_of_65_characters_is_too_long_and_64_is_fine()
    {
        Assert.Equal(["questions[0].id"], Paths(Of(Q(new string('a', 65), QuestionType.Text))));
        Assert.Empty(Paths(Of(Q(new string('a', 64), QuestionType.Text))));
    }

    [Theory]
    [InlineData(QuestionType.Nps, null)]
    [InlineData(QuestionType.Nps, "nps_0_10")]
    [InlineData(QuestionType.Csat, null)]
    [InlineData(QuestionType.Csat, "csat_1_5")]
    [InlineData(QuestionType.Ces, "ces_effort_1_5")]
    [InlineData(QuestionType.Ces, "ces_agree_1_7")]
    [InlineData(QuestionType.Rating, "rating_1_5")]
    [InlineData(QuestionType.Rating, "rating_1_10")]
    [InlineData(QuestionType.Rating, "ces_agree_1_7")]
    public void Scale_allowed_for_its_type_is_accepted(QuestionType type, string? scaleId)
    {
        Assert.Empty(Paths(Of(Q("q", type, scaleId))));
    }

    [Theory]
    [InlineData(QuestionType.Nps, "rating_1_10")]
    [InlineData(QuestionType.Csat, "rating_1_5")]
    [InlineData(QuestionType.Ces, null)]
    [InlineData(QuestionType.Ces, "csat_1_5")]
    [InlineData(QuestionType.Rating, null)]
    [InlineData(QuestionType.Rating, "rating_1_7")]
    [InlineData(QuestionType.Text, "rating_1_5")]
    [InlineData(QuestionType.SingleChoice, "rating_1_5")]
    public void Scale_not_allowed_for_its_type_is_rejected(QuestionType type, string? scaleId)
    {
        var question = Q("q", type, scaleId) with
        {
            Choices = type == QuestionType.SingleChoice ? [new Choice("a", EnFr("A", "A"))] : [],
        };

        Assert.Equal(["questions[0].scaleId"], Paths(Of(question)));
    }

    [Fact]
    public void Ces_without_scale_message_names_both_ces_scales()
    {
        var error = Assert.Single(SurveyDefinitionValidator.Validate(Of(Q("effort", QuestionType.Ces))));

        Assert.Contains("ces_effort_1_5", error.Message, StringComparison.Ordinal);
        Assert.Contains("ces_agree_1_7", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(QuestionType.SingleChoice)]
    [InlineData(QuestionType.MultipleChoice)]
    public void Choice_question_without_choices_is_rejected(QuestionType type)
    {
        Assert.Equal(["questions[0].choices"], Paths(Of(Q("q", type))));
    }

    [Fact]
    public void Duplicate_and_blank_choice_values_are_rejected()
    {
        var definition = Of(Choice("q", QuestionType.SingleChoice, "a", "b", "a", " "));

        Assert.Equal(["questions[0].choices[2].value", "questions[0].choices[3].value", "questions[0].choices[3].text"], Paths(definition));
    }

    [Fact]
    public void Choices_on_a_text_question_are_rejected()
    {
        var question = Q("q", QuestionType.Text) with { Choices = [new Choice("a", EnFr("A", "A"))] };

        Assert.Equal(["questions[0].choices"], Paths(Of(question)));
    }

    [Fact]
    public void Max_length_only_applies_to_text_and_must_be_positive()
    {
        var definition = Of(
            Q("rating", QuestionType.Nps) with { MaxLength = 10 },
            Q("text", QuestionType.Text) with { MaxLength = 0 },
            Q("ok", QuestionType.Text) with { MaxLength = 1 });

        Assert.Equal(["questions[0].maxLength", "questions[1].maxLength"], Paths(definition));
    }

    [Fact]
    public void Condition_on_a_later_question_is_rejected()
    {
        var definition = Of(
            Q("why", QuestionType.Text) with { ShowIf = DisplayCondition.Of("nps", ConditionOperator.LessThanOrEqual, "6") },
            Q("nps", QuestionType.Nps));

        var error = Assert.Single(SurveyDefinitionValidator.Validate(definition));
        Assert.Equal("questions[0].showIf.questionId", error.Path);
        Assert.Contains("earlier", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Condition_on_the_question_itself_is_rejected()
    {
        var definition = Of(Q("nps", QuestionType.Nps) with { ShowIf = DisplayCondition.Of("nps", ConditionOperator.Answered) });

        Assert.Equal(["questions[0].showIf.questionId"], Paths(definition));
    }

    [Fact]
    public void Condition_on_an_unknown_question_is_rejected()
    {
        var definition = Of(Q("why", QuestionType.Text) with { ShowIf = DisplayCondition.Of("ghost", ConditionOperator.Answered) });

        Assert.Equal(["questions[0].showIf.questionId"], Paths(definition));
    }

    [Theory]
    [InlineData(ConditionOperator.LessThanOrEqual, "11", "questions[1].showIf.values[0]")]
    [InlineData(ConditionOperator.LessThanOrEqual, "-1", "questions[1].showIf.values[0]")]
    [InlineData(ConditionOperator.Equals, "six", "questions[1].showIf.values[0]")]
    [InlineData(ConditionOperator.Equals, "6.5", "questions[1].showIf.values[0]")]
    [InlineData(ConditionOperator.LessThanOrEqual, "0", null)]
    [InlineData(ConditionOperator.GreaterThan, "10", null)]
    public void Condition_value_on_a_rating_question_must_be_a_whole_number_on_its_scale(ConditionOperator op, string value, string? expectedPath)
    {
        var definition = Of(Q("nps", QuestionType.Nps), Q("why", QuestionType.Text) with { ShowIf = DisplayCondition.Of("nps", op, value) });

        Assert.Equal(expectedPath is null ? [] : [expectedPath], Paths(definition));
    }

    [Fact]
    public void Condition_value_must_be_a_choice_of_a_choice_question()
    {
        var definition = Of(
            Choice("channel", QuestionType.SingleChoice, "email", "phone"),
            Q("why", QuestionType.Text) with { ShowIf = DisplayCondition.Of("channel", ConditionOperator.AnyOf, "email", "fax") });

        Assert.Equal(["questions[1].showIf.values[1]"], Paths(definition));
    }

    [Fact]
    public void Ordering_comparison_on_a_choice_question_is_rejected()
    {
        var definition = Of(
            Choice("channel", QuestionType.SingleChoice, "email"),
            Q("why", QuestionType.Text) with { ShowIf = DisplayCondition.Of("channel", ConditionOperator.GreaterThan, "email") });

        Assert.Equal(["questions[1].showIf.operator"], Paths(definition));
    }

    [Theory]
    [InlineData(ConditionOperator.Answered, new[] { "1" })]
    [InlineData(ConditionOperator.NotAnswered, new[] { "1" })]
    [InlineData(ConditionOperator.Equals, new string[0])]
    [InlineData(ConditionOperator.Equals, new[] { "1", "2" })]
    [InlineData(ConditionOperator.LessThan, new[] { "1", "2" })]
    [InlineData(ConditionOperator.AnyOf, new string[0])]
    public void Condition_with_the_wrong_number_of_values_is_rejected(ConditionOperator op, string[] values)
    {
        var definition = Of(Q("nps", QuestionType.Nps), Q("why", QuestionType.Text) with { ShowIf = DisplayCondition.Of("nps", op, values) });

        Assert.Equal(["questions[1].showIf.values"], Paths(definition));
    }

    [Fact]
    public void Missing_translations_are_reported_per_text()
    {
        var definition = Of(
            Q("nps", QuestionType.Nps) with { Text = new LocalizedText("en", "Recommend?").With("fr", " ") },
            Choice("channel", QuestionType.SingleChoice, "email") with { Choices = [new Choice("email", new LocalizedText("en", "E-mail"))] })
            with { Title = new LocalizedText("en", "Your feedback") };

        var errors = SurveyDefinitionValidator.Validate(definition);

        Assert.Equal(["title", "questions[0].text", "questions[1].choices[0].text"], errors.Select(e => e.Path));
        Assert.All(errors, e => Assert.Equal("Missing translation for: fr.", e.Message));
    }

    [Fact]
    public void Text_in_a_language_the_survey_does_not_list_is_reported()
    {
        var definition = Of(Q("q", QuestionType.Text) with { Help = EnFr("Help", "Aide").With("de", "Hilfe") });

        var error = Assert.Single(SurveyDefinitionValidator.Validate(definition));
        Assert.Equal("questions[0].help", error.Path);
        Assert.Contains("de", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Default_language_must_be_listed_and_languages_must_be_unique()
    {
        var definition = Of(Q("q", QuestionType.Text)) with { DefaultLanguage = "de", Languages = ["en", "EN", "fr"] };

        Assert.Equal(["languages[1]", "defaultLanguage"], Paths(definition));
    }
}
