using System.Text.Json;
using Loopwise.Core.Surveys;
using static Loopwise.Core.Tests.Surveys.SampleSurveys;

namespace Loopwise.Core.Tests.Surveys;

public class SurveyJsonTests
{
    private const string Minimal = """
        {
          "defaultLanguage": "en",
          "languages": ["en"],
          "title": {"en": "Survey"},
          "questions": [
            {"id": "nps", "type": "nps", "text": {"en": "Recommend?"}, "required": true},
            {"id": "why", "type": "text", "text": {"en": "Why?"}, "showIf": {"questionId": "nps", "operator": "lessThanOrEqual", "values": ["6"]}}
          ]
        }
        """;

    [Fact]
    public void Definition_round_trips_to_an_equal_definition()
    {
        var definition = Full();

        var copy = SurveyJson.Deserialize(SurveyJson.Serialize(definition));

        Assert.Equal(definition, copy);
    }

    [Fact]
    public void Definition_is_written_as_camel_case_with_camel_case_enums_and_without_nulls()
    {
        using var json = JsonDocument.Parse(SurveyJson.Serialize(Full()));
        var root = json.RootElement;
        var followUp = root.GetProperty("questions")[1];

        Assert.Equal("en", root.GetProperty("defaultLanguage").GetString());
        Assert.Equal("Votre avis", root.GetProperty("title").GetProperty("fr").GetString());
        Assert.Equal("text", followUp.GetProperty("type").GetString());
        Assert.Equal("lessThanOrEqual", followUp.GetProperty("showIf").GetProperty("operator").GetString());
        Assert.Equal("singleChoice", root.GetProperty("questions")[5].GetProperty("type").GetString());
        Assert.False(followUp.TryGetProperty("scaleId", out _));
        Assert.False(followUp.TryGetProperty("effectiveMaxLength", out _));
    }

    [Fact]
    public void Minimal_document_reads_with_defaults_for_optional_members()
    {
        var definition = SurveyJson.Deserialize(Minimal);

        var why = definition.Questions[1];
        Assert.Equal(QuestionType.Text, why.Type);
        Assert.False(why.Required);
        Assert.Empty(why.Choices);
        Assert.Null(why.MaxLength);
        Assert.Equal(DisplayCondition.Of("nps", ConditionOperator.LessThanOrEqual, "6"), why.ShowIf);
        Assert.Empty(SurveyDefinitionValidator.Validate(definition));
    }

    [Theory]
    [InlineData("""{"defaultLanguage": "en", "languages": ["en"], "title": {"en": "S"}, "questions": [{"type": "nps", "text": {"en": "Q"}}]}""", "$.questions[0]")]
    [InlineData("""{"defaultLanguage": "en", "languages": ["en"], "title": {"en": "S"}, "questions": [{"id": "q", "type": "stars", "text": {"en": "Q"}}]}""", "$.questions[0].type")]
    [InlineData("""{"defaultLanguage": "en", "languages": ["en"], "title": {"en": "S"}, "questions": [{"id": "q", "type": 0, "text": {"en": "Q"}}]}""", "$.questions[0].type")]
    [InlineData("""{"defaultLanguage": "en", "languages": ["en"], "title": "Survey", "questions": []}""", "$.title")]
    [InlineData("""{"defaultLanguage": "en", "languages": ["en"], "title": {"en": 5}, "questions": []}""", "$.title")]
    [InlineData("""{"defaultLanguage": "en", "languages": ["en"], "title": {"en": "S"}, "questions": [], "colour": "red"}""", "$.colour")]
    [InlineData("""{"defaultLanguage": null, "languages": ["en"], "title": {"en": "S"}, "questions": []}""", "$.defaultLanguage")]
    [InlineData("""{"defaultLanguage": "en", "languages": ["en"], "title": {"en": "S"}, "questions": [{"id": "q", "type": "text", "text": {"en": "Q"}, "choices": null}]}""", "$.questions[0].choices")]
    public void Bad_document_throws_a_format_exception_with_the_json_path(string json, string path)
    {
        var ex = Assert.Throws<SurveyFormatException>(() => SurveyJson.Deserialize(json));

        Assert.Equal(path, ex.Path);
        Assert.StartsWith(path + ": ", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Condition_without_values_reads_as_an_empty_list()
    {
        var json = Minimal.Replace("\"operator\": \"lessThanOrEqual\", \"values\": [\"6\"]", "\"operator\": \"answered\"", StringComparison.Ordinal);

        var condition = SurveyJson.Deserialize(json).Questions[1].ShowIf!;

        Assert.Equal(ConditionOperator.Answered, condition.Operator);
        Assert.Empty(condition.Values);
    }

    [Fact]
    public void Optional_false_and_null_members_are_not_written()
    {
        var json = SurveyJson.Serialize(Of(Q("q", QuestionType.Text)));

        Assert.DoesNotContain("required", json, StringComparison.Ordinal);
        Assert.DoesNotContain("null", json, StringComparison.Ordinal);
        Assert.DoesNotContain("intro", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_question_type_gets_a_message_without_internal_type_names()
    {
        var ex = Assert.Throws<SurveyFormatException>(() => SurveyJson.Deserialize(Minimal.Replace("\"type\": \"nps\"", "\"type\": \"stars\"", StringComparison.Ordinal)));

        Assert.Equal("$.questions[0].type: The value has the wrong JSON type or is not one of the allowed names.", ex.Message);
    }

    [Fact]
    public void Missing_required_member_is_named_in_the_message()
    {
        var ex = Assert.Throws<SurveyFormatException>(() => SurveyJson.Deserialize("""{"languages": ["en"], "title": {"en": "S"}, "questions": []}"""));

        Assert.Contains("defaultLanguage", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"defaultLanguage\": \"en\",")]
    [InlineData("not json")]
    [InlineData("")]
    public void Malformed_json_throws_a_format_exception(string json)
    {
        var ex = Assert.Throws<SurveyFormatException>(() => SurveyJson.Deserialize(json));

        Assert.IsType<JsonException>(ex.InnerException, exactMatch: false);
    }

    [Fact]
    public void Json_null_throws_a_format_exception_at_the_root()
    {
        var ex = Assert.Throws<SurveyFormatException>(() => SurveyJson.Deserialize("null"));

        Assert.Equal("$", ex.Path);
    }

    [Fact]
    public void Answer_set_round_trips_and_is_written_compactly()
    {
        var answers = AnswerSet.Of(
            ("nps", AnswerValue.OfNumber(0)),
            ("features", AnswerValue.OfChoices("api", "reports")),
            ("why", AnswerValue.OfText("Slow \"support\"")));

        var json = SurveyJson.Serialize(answers);
        var copy = SurveyJson.DeserializeAnswers(json);

        Assert.Equal(answers, copy);
        using var document = JsonDocument.Parse(json);
        var nps = document.RootElement.GetProperty("answers").GetProperty("nps");
        Assert.Equal(0, nps.GetProperty("number").GetInt32());
        Assert.False(nps.TryGetProperty("text", out _));
        Assert.False(nps.TryGetProperty("isEmpty", out _));
    }

    [Fact]
    public void Answer_set_with_a_non_integer_number_throws_with_its_path()
    {
        var ex = Assert.Throws<SurveyFormatException>(() => SurveyJson.DeserializeAnswers("""{"answers": {"nps": {"number": 6.5}}}"""));

        Assert.Equal("$.answers.nps.number", ex.Path);
    }
}
