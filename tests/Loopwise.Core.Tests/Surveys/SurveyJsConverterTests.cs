using System.Text.Json;
using Loopwise.Core.Surveys;
using static Loopwise.Core.Tests.Surveys.SampleSurveys;

namespace Loopwise.Core.Tests.Surveys;

public class SurveyJsConverterTests
{
    // A survey as the SurveyJS Creator would save it, with parts Loopwise cannot represent.
    private const string Realistic = """
        {
          "title": { "default": "Customer feedback", "de": "Kundenfeedback" },
          "description": "Tell us how we did.",
          "completedHtml": "<h3>Thank you!</h3><p>We read every answer &amp; reply.</p>",
          "showProgressBar": "top",
          "pages": [
            {
              "name": "p1",
              "elements": [
                { "type": "rating", "name": "recommend", "title": { "default": "How likely are you to recommend us?", "de": "Wie wahrscheinlich empfehlen Sie uns?" },
                  "rateMin": 0, "rateMax": 10, "isRequired": true, "minRateDescription": "Not likely", "maxRateDescription": "Very likely" },
                { "type": "comment", "name": "reason", "title": "What could we do better?", "visibleIf": "{recommend} <= 6", "maxLength": 1000 },
                { "type": "rating", "name": "satisfaction", "title": "How satisfied are you with our support?" },
                { "type": "matrix", "name": "q5", "title": "Rate these", "columns": [1, 2, 3], "rows": ["speed", "tone"] },
                { "type": "radiogroup", "name": "Channel", "title": "How did you contact us?",
                  "choices": ["Email", { "value": "phone", "text": { "default": "Phone", "de": "Telefon" } }, "Chat"], "hasOther": true }
              ]
            },
            {
              "name": "p2",
              "visibleIf": "{recommend} notempty",
              "elements": [
                { "type": "checkbox", "name": "features", "title": "Which features do you use?", "choices": ["reports", "alerts"], "visibleIf": "{Channel} anyof ['Email', 'Chat']" },
                { "type": "text", "name": "email", "inputType": "email", "title": "Your e-mail" },
                { "type": "panel", "name": "more", "visibleIf": "{satisfaction} < 3", "elements": [
                  { "type": "comment", "name": "details", "title": "Details", "visibleIf": "{satisfaction} < 3 and {recommend} < 7",
                    "validators": [{ "type": "text", "minLength": 10 }] },
                  { "type": "boolean", "name": "contact_me", "title": "May we contact you?" }
                ] },
                { "type": "html", "name": "info", "html": "<b>Privacy</b>" },
                { "type": "dropdown", "name": "region", "title": "Region", "choices": ["eu", "us"], "visibleIf": "{features} contains 'reports'" }
              ]
            }
          ]
        }
        """;

    private static SurveyJsImportResult ImportElement(string element, string before = "") =>
        SurveyJsConverter.Import($$"""{"title": "S", "pages": [{"name": "p", "elements": [{{before}}{{element}}]}]}""");

    private static Question ImportOne(string element) =>
        Assert.Single(ImportElement(element).Definition!.Questions);

    [Fact]
    public void Export_then_import_gives_an_equal_definition_with_nothing_unmapped()
    {
        var definition = Full();

        var exported = SurveyJsConverter.Export(definition);
        var imported = SurveyJsConverter.Import(exported.Json);

        Assert.Empty(exported.Unmapped);
        Assert.Empty(imported.Unmapped);
        Assert.Equal(definition, imported.Definition);
    }

    [Fact]
    public void Export_then_import_keeps_a_non_english_default_language_and_plain_thank_you()
    {
        var definition = Of(Nps(), Q("why", QuestionType.Text) with { ShowIf = DisplayCondition.Of("nps", ConditionOperator.NotEquals, "10"), Required = true }) with
        {
            DefaultLanguage = "fr",
            Languages = ["fr", "en"],
            ThankYou = EnFr("Thanks, <b>not bold</b> & \"quoted\"", "Merci"),
        };

        var imported = SurveyJsConverter.Import(SurveyJsConverter.Export(definition).Json);

        Assert.Empty(imported.Unmapped);
        Assert.Equal(definition, imported.Definition);
    }

    [Fact]
    public void Export_writes_standard_surveyjs_elements_with_loopwise_type_and_scale()
    {
        var (json, _) = SurveyJsConverter.Export(Full());

        using var document = JsonDocument.Parse(json);
        var elements = document.RootElement.GetProperty("pages")[0].GetProperty("elements");
        var nps = elements[0];
        Assert.Equal("rating", nps.GetProperty("type").GetString());
        Assert.Equal("nps", nps.GetProperty("name").GetString());
        Assert.Equal(0, nps.GetProperty("rateMin").GetInt32());
        Assert.Equal(10, nps.GetProperty("rateMax").GetInt32());
        Assert.Equal("nps", nps.GetProperty("loopwiseType").GetString());
        Assert.True(nps.GetProperty("isRequired").GetBoolean());
        Assert.Equal("Quelle est la probabilité que vous nous recommandiez ?", nps.GetProperty("title").GetProperty("fr").GetString());
        Assert.Equal("How likely are you to recommend us to a friend or colleague?", nps.GetProperty("title").GetProperty("default").GetString());
        Assert.Equal("ces_effort_1_5", elements[3].GetProperty("loopwiseScale").GetString());
        Assert.Equal("radiogroup", elements[5].GetProperty("type").GetString());
        Assert.Equal("checkbox", elements[6].GetProperty("type").GetString());
        Assert.Equal("comment", elements[7].GetProperty("type").GetString());
        Assert.Equal(500, elements[7].GetProperty("maxLength").GetInt32());
        Assert.Equal(
            new[] { "{nps} <= 6", "{channel} anyof ['email', 'chat']", "{features} contains 'api'", "{channel} empty" },
            new[] { 1, 6, 7, 8 }.Select(i => elements[i].GetProperty("visibleIf").GetString()));
    }

    [Fact]
    public void Export_writes_single_language_texts_as_plain_strings()
    {
        var definition = Of(Q("q", QuestionType.Text)) with { Languages = ["en"], Title = new LocalizedText("en", "Survey"), Questions = [Q("q", QuestionType.Text) with { Text = new LocalizedText("en", "Q?") }] };

        using var document = JsonDocument.Parse(SurveyJsConverter.Export(definition).Json);

        Assert.Equal("Survey", document.RootElement.GetProperty("title").GetString());
    }

    [Fact]
    public void Export_lists_a_condition_value_that_cannot_be_quoted()
    {
        var definition = Of(
            Q("name", QuestionType.Text),
            Q("why", QuestionType.Text) with { ShowIf = DisplayCondition.Of("name", ConditionOperator.Equals, "it's \"odd\"") });

        var (json, unmapped) = SurveyJsConverter.Export(definition);

        Assert.Equal("questions[1].showIf: a value contains both ' and \", which SurveyJS expressions cannot quote; condition not exported", Assert.Single(unmapped));
        Assert.DoesNotContain("visibleIf", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Realistic_survey_imports_its_questions_with_types_and_conditions()
    {
        var definition = SurveyJsConverter.Import(Realistic).Definition!;

        Assert.Equal(
            [
                ("recommend", QuestionType.Nps, "nps_0_10"),
                ("reason", QuestionType.Text, null),
                ("satisfaction", QuestionType.Csat, "csat_1_5"),
                ("channel", QuestionType.SingleChoice, null),
                ("features", QuestionType.MultipleChoice, null),
                ("details", QuestionType.Text, null),
                ("contact_me", QuestionType.SingleChoice, null),
                ("region", QuestionType.SingleChoice, null),
            ],
            definition.Questions.Select(q => (q.Id, q.Type, q.ScaleId)));
        Assert.True(definition.Questions[0].Required);
        Assert.Equal(1000, definition.Questions[1].MaxLength);
        Assert.Equal(DisplayCondition.Of("recommend", ConditionOperator.LessThanOrEqual, "6"), definition.Questions[1].ShowIf);
        Assert.Equal(DisplayCondition.Of("channel", ConditionOperator.AnyOf, "Email", "Chat"), definition.Questions[4].ShowIf);
        Assert.Null(definition.Questions[5].ShowIf);
        Assert.Equal(DisplayCondition.Of("features", ConditionOperator.Equals, "reports"), definition.Questions[7].ShowIf);
        Assert.Equal(["Email", "phone", "Chat"], definition.Questions[3].Choices.Select(c => c.Value));
        Assert.Equal("Telefon", definition.Questions[3].Choices[1].Text.Get("de", "en"));
        Assert.Equal(["true", "false"], definition.Questions[6].Choices.Select(c => c.Value));
    }

    [Fact]
    public void Realistic_survey_imports_survey_texts_and_languages()
    {
        var definition = SurveyJsConverter.Import(Realistic).Definition!;

        Assert.Equal("en", definition.DefaultLanguage);
        Assert.Equal(["en", "de"], definition.Languages);
        Assert.Equal("Kundenfeedback", definition.Title.Get("de", "en"));
        Assert.Equal(new LocalizedText("en", "Tell us how we did."), definition.Intro);
        Assert.Equal(new LocalizedText("en", "Thank you! We read every answer & reply."), definition.ThankYou);
        Assert.Equal("How likely are you to recommend us?", definition.Questions[0].Text.Get("fr", "en"));
    }

    [Fact]
    public void Realistic_survey_lists_every_unsupported_part_with_its_path()
    {
        var unmapped = SurveyJsConverter.Import(Realistic).Unmapped;

        Assert.Equal(
            [
                "completedHtml: HTML markup removed; imported as plain thank-you text",
                "survey: properties not mapped: showProgressBar",
                "pages: 2 pages flattened into one question list (page breaks not mapped)",
                "pages[0].elements[0] (rating \"recommend\"): properties not mapped: minRateDescription, maxRateDescription",
                "pages[0].elements[3] (matrix \"q5\"): element type not supported",
                "pages[0].elements[4] (radiogroup \"Channel\"): name \"Channel\" imported as id \"channel\"",
                "pages[0].elements[4] (radiogroup \"Channel\"): properties not mapped: hasOther",
                "pages[1] (\"p2\"): page logic not mapped: visibleIf \"{recommend} notempty\" (its questions are imported without it)",
                "pages[1].elements[1] (text \"email\"): inputType \"email\" not supported; element not imported",
                "pages[1].elements[2] (panel \"more\"): panel logic not mapped: visibleIf \"{satisfaction} < 3\" (its questions are imported without it)",
                "pages[1].elements[2].elements[0] (comment \"details\"): properties not mapped: validators",
                "pages[1].elements[2].elements[0] (comment \"details\"): visibleIf \"{satisfaction} < 3 and {recommend} < 7\" not mapped: expression too complex (only one comparison on one earlier question maps); the question is imported without a condition",
                "pages[1].elements[2].elements[1] (boolean \"contact_me\"): boolean imported as a single choice with values \"true\"/\"false\"",
                "pages[1].elements[3] (html \"info\"): display element, not a question; not imported",
            ],
            unmapped);
    }

    [Theory]
    [InlineData("""{"type": "rating", "name": "q", "rateMin": 0, "rateMax": 10}""", QuestionType.Nps, "nps_0_10")]
    [InlineData("""{"type": "rating", "name": "likely_to_recommend", "title": "Would you recommend us?", "rateMin": 0, "rateMax": 10}""", QuestionType.Nps, "nps_0_10")]
    [InlineData("""{"type": "rating", "name": "q", "title": "Overall, how satisfied are you?"}""", QuestionType.Csat, "csat_1_5")]
    [InlineData("""{"type": "rating", "name": "csat_overall_satisfaction", "rateMin": 1, "rateMax": 5}""", QuestionType.Csat, "csat_1_5")]
    [InlineData("""{"type": "rating", "name": "quality", "title": "Rate the quality"}""", QuestionType.Rating, "rating_1_5")]
    [InlineData("""{"type": "rating", "name": "q", "rateMax": 10}""", QuestionType.Rating, "rating_1_10")]
    [InlineData("""{"type": "rating", "name": "q", "rateCount": 10}""", QuestionType.Rating, "rating_1_10")]
    [InlineData("""{"type": "rating", "name": "q", "rateValues": [1, 2, 3, 4, 5]}""", QuestionType.Rating, "rating_1_5")]
    [InlineData("""{"type": "rating", "name": "q", "rateMin": 1, "rateMax": 7, "loopwiseType": "ces", "loopwiseScale": "ces_agree_1_7"}""", QuestionType.Ces, "ces_agree_1_7")]
    [InlineData("""{"type": "rating", "name": "q", "loopwiseType": "ces", "loopwiseScale": "ces_effort_1_5"}""", QuestionType.Ces, "ces_effort_1_5")]
    [InlineData("""{"type": "rating", "name": "q", "loopwiseType": "Csat"}""", QuestionType.Csat, null)]
    public void Rating_element_maps_to_type_and_scale(string element, QuestionType type, string? scaleId)
    {
        var question = ImportOne(element);

        Assert.Equal((type, scaleId), (question.Type, question.ScaleId));
    }

    [Fact]
    public void Recommend_wording_on_a_1_to_10_scale_is_not_nps()
    {
        var result = ImportElement("""{"type": "rating", "name": "recommend", "rateMax": 10}""");

        Assert.Equal(QuestionType.Rating, Assert.Single(result.Definition!.Questions).Type);
        Assert.Contains("is not NPS", Assert.Single(result.Unmapped), StringComparison.Ordinal);
    }

    [Fact]
    public void Effort_wording_is_never_guessed_as_ces_but_is_flagged()
    {
        var result = ImportElement("""{"type": "rating", "name": "effort", "title": "How much effort did it take?"}""");

        Assert.Equal(QuestionType.Rating, Assert.Single(result.Definition!.Questions).Type);
        Assert.Contains("looks like CES", Assert.Single(result.Unmapped), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"type": "rating", "name": "q", "rateMin": 1, "rateMax": 7}""", "rating 1-7 has no built-in scale")]
    [InlineData("""{"type": "rating", "name": "q", "rateValues": [{"value": "good", "text": "Good"}, "bad"]}""", "custom rateValues")]
    [InlineData("""{"type": "rating", "name": "q", "rateMin": 0, "rateMax": 10, "rateStep": 2}""", "rateStep 2 not supported")]
    [InlineData("""{"type": "matrixdynamic", "name": "q"}""", "element type not supported")]
    [InlineData("""{"type": "radiogroup", "name": "q", "choicesByUrl": {"url": "https://example.org"}}""", "no static choices")]
    [InlineData("""{"type": "text", "name": "q", "inputType": "number"}""", "inputType \"number\" not supported")]
    [InlineData("""{"name": "q"}""", "element has no type")]
    public void Unsupported_element_is_not_imported_and_is_listed(string element, string message)
    {
        var result = ImportElement(element);

        Assert.Null(result.Definition);
        Assert.Contains(result.Unmapped, u => u.StartsWith("pages[0].elements[0]", StringComparison.Ordinal) && u.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void Invalid_loopwise_type_falls_back_to_the_range_and_is_listed()
    {
        var result = ImportElement("""{"type": "rating", "name": "q", "loopwiseType": "ces"}""");

        Assert.Equal((QuestionType.Rating, "rating_1_5"), (result.Definition!.Questions[0].Type, result.Definition.Questions[0].ScaleId));
        Assert.Contains("not a valid rating type and scale", Assert.Single(result.Unmapped), StringComparison.Ordinal);
    }

    [Fact]
    public void Text_element_without_input_type_or_with_text_input_type_is_a_text_question()
    {
        var result = ImportElement("""{"type": "text", "name": "a", "maxLength": 80}, {"type": "text", "name": "b", "inputType": "text"}, {"type": "comment", "name": "c", "maxLength": 0}""");

        Assert.Empty(result.Unmapped);
        Assert.Equal([("a", 80), ("b", (int?)null), ("c", null)], result.Definition!.Questions.Select(q => (q.Id, q.MaxLength)));
    }

    [Fact]
    public void Tagbox_is_multiple_choice_with_numeric_values_as_invariant_strings()
    {
        var question = ImportOne("""{"type": "tagbox", "name": "q", "choices": [1, 2.5, {"value": 3, "text": "Three"}]}""");

        Assert.Equal(QuestionType.MultipleChoice, question.Type);
        Assert.Equal(["1", "2.5", "3"], question.Choices.Select(c => c.Value));
        Assert.Equal(new LocalizedText("en", "Three"), question.Choices[2].Text);
    }

    [Fact]
    public void Question_without_a_title_uses_its_name_like_surveyjs()
    {
        Assert.Equal(new LocalizedText("en", "q"), ImportOne("""{"type": "comment", "name": "q"}""").Text);
    }

    [Theory]
    [InlineData("{score} <= 6", ConditionOperator.LessThanOrEqual, new[] { "6" })]
    [InlineData("{score} < 6", ConditionOperator.LessThan, new[] { "6" })]
    [InlineData("{score} >= 9", ConditionOperator.GreaterThanOrEqual, new[] { "9" })]
    [InlineData("{score}>9", ConditionOperator.GreaterThan, new[] { "9" })]
    [InlineData("{score} = 10", ConditionOperator.Equals, new[] { "10" })]
    [InlineData("{SCORE} == '10'", ConditionOperator.Equals, new[] { "10" })]
    [InlineData("{score} != 5", ConditionOperator.NotEquals, new[] { "5" })]
    [InlineData("{score} <> 5", ConditionOperator.NotEquals, new[] { "5" })]
    [InlineData("{score} anyof [0, 1, 2]", ConditionOperator.AnyOf, new[] { "0", "1", "2" })]
    [InlineData("{score} notempty", ConditionOperator.Answered, new string[0])]
    [InlineData("{score} EMPTY", ConditionOperator.NotAnswered, new string[0])]
    public void Simple_visible_if_on_a_rating_maps_to_a_display_condition(string expression, ConditionOperator op, string[] values)
    {
        var result = ImportElement($$"""{"type": "comment", "name": "why", "visibleIf": "{{expression}}"}""", """{"type": "rating", "name": "score", "rateMin": 0, "rateMax": 10}, """);

        Assert.Empty(result.Unmapped);
        Assert.Equal(DisplayCondition.Of("score", op, values), result.Definition!.Questions[1].ShowIf);
    }

    [Theory]
    [InlineData("{pick} = 'a'", ConditionOperator.Equals, new[] { "a" })]
    [InlineData("{pick} = \\\"b c\\\"", ConditionOperator.Equals, new[] { "b c" })]
    [InlineData("{pick} anyof ['a', \\\"b c\\\"]", ConditionOperator.AnyOf, new[] { "a", "b c" })]
    [InlineData("{pick} anyof 'a'", ConditionOperator.AnyOf, new[] { "a" })]
    public void Simple_visible_if_on_a_choice_maps_to_a_display_condition(string expression, ConditionOperator op, string[] values)
    {
        var result = ImportElement($$"""{"type": "comment", "name": "why", "visibleIf": "{{expression}}"}""", """{"type": "dropdown", "name": "pick", "choices": ["a", "b c"]}, """);

        Assert.Empty(result.Unmapped);
        Assert.Equal(DisplayCondition.Of("pick", op, values), result.Definition!.Questions[1].ShowIf);
    }

    [Theory]
    [InlineData("{score} <= 6 or {score} = 10", "expression too complex")]
    [InlineData("age({score}) > 3", "expression too complex")]
    [InlineData("{score} + 1 > 3", "expression too complex")]
    [InlineData("{score} <= 11", "outside the scale")]
    [InlineData("{score} = 'high'", "not a whole number")]
    [InlineData("{score} contains 1", "only maps on a multiple-choice question")]
    [InlineData("{score} allof [1, 2]", "expression too complex")]
    [InlineData("{later} notempty", "\\\"later\\\" is not an earlier imported question")]
    [InlineData("{why} notempty", "\\\"why\\\" is not an earlier imported question")]
    public void Visible_if_that_does_not_map_is_listed_and_the_question_kept(string expression, string reason)
    {
        var result = ImportElement(
            $$"""{"type": "comment", "name": "why", "visibleIf": "{{expression}}"}, {"type": "comment", "name": "later"}""",
            """{"type": "rating", "name": "score", "rateMin": 0, "rateMax": 10}, """);

        Assert.Null(result.Definition!.Questions[1].ShowIf);
        var entry = Assert.Single(result.Unmapped);
        Assert.StartsWith("pages[0].elements[1] (comment \"why\"): visibleIf", entry, StringComparison.Ordinal);
        Assert.Contains(reason.Replace("\\\"", "\"", StringComparison.Ordinal), entry, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_question_name_is_listed_and_the_second_element_skipped()
    {
        var result = ImportElement("""{"type": "comment", "name": "q"}, {"type": "comment", "name": "Q"}""");

        Assert.Single(result.Definition!.Questions);
        Assert.Contains("duplicates an earlier question", Assert.Single(result.Unmapped), StringComparison.Ordinal);
    }

    [Fact]
    public void Survey_level_elements_without_pages_are_imported()
    {
        var result = SurveyJsConverter.Import("""{"title": "S", "elements": [{"type": "comment", "name": "q"}]}""");

        Assert.Equal("q", Assert.Single(result.Definition!.Questions).Id);
        Assert.Empty(result.Unmapped);
    }

    [Fact]
    public void Survey_without_title_or_questions_has_no_definition()
    {
        var result = SurveyJsConverter.Import("""{"pages": [{"name": "p", "elements": [{"type": "matrix", "name": "m"}]}]}""");

        Assert.Null(result.Definition);
        Assert.Equal(
            ["title: the survey has no title; imported with an empty one", "pages[0].elements[0] (matrix \"m\"): element type not supported", "$: no question could be imported"],
            result.Unmapped);
    }

    [Fact]
    public void Json_that_is_not_an_object_has_no_definition()
    {
        var result = SurveyJsConverter.Import("[1, 2]");

        Assert.Null(result.Definition);
        Assert.Equal(["$: a SurveyJS survey must be a JSON object"], result.Unmapped);
    }

    [Fact]
    public void Malformed_json_throws_a_format_exception()
    {
        Assert.Throws<SurveyFormatException>(() => SurveyJsConverter.Import("{\"title\": "));
    }
}
