using System.Text.Json;
using System.Text.Json.Nodes;
using static Loopwise.Core.Surveys.SurveyJsNodes;

namespace Loopwise.Core.Surveys;

/// <summary>One SurveyJS import: walks the JSON once, collecting questions and unmapped parts. See <see cref="SurveyJsConverter"/>.</summary>
internal sealed partial class SurveyJsImporter(JsonObject survey)
{
    private static readonly string[] SurveyProperties = ["title", "description", "completedHtml", "pages", "elements", "questions", "loopwiseDefaultLanguage", "loopwiseLanguages"];
    private static readonly string[] PageProperties = ["name", "elements", "questions", "visibleIf"];
    private static readonly string[] PanelProperties = ["type", "name", "elements", "questions", "visibleIf"];
    private static readonly string[] QuestionProperties = ["type", "name", "title", "description", "isRequired", "visibleIf"];
    private static readonly string[] RatingProperties = ["rateMin", "rateMax", "rateCount", "rateStep", "rateValues", "loopwiseType", "loopwiseScale"];
    private static readonly string[] ChoiceProperties = ["choices"];
    private static readonly string[] BooleanProperties = ["labelTrue", "labelFalse", "valueTrue", "valueFalse"];
    private static readonly string[] TextProperties = ["maxLength", "inputType"];

    private readonly List<string> _unmapped = [];
    private readonly List<Question> _questions = [];
    private readonly Dictionary<string, string> _idsByName = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _languagesSeen = [];
    private string _defaultLanguage = SurveyJsConverter.DefaultLanguage;

    public SurveyJsImportResult Run()
    {
        _defaultLanguage = String(survey["loopwiseDefaultLanguage"]) is { Length: > 0 } language ? language : SurveyJsConverter.DefaultLanguage;
        _languagesSeen.Add(_defaultLanguage);

        var title = ReadText(survey["title"]);
        if (title is null)
        {
            _unmapped.Add("title: the survey has no title; imported with an empty one");
            title = new LocalizedText(_defaultLanguage, string.Empty);
        }

        var intro = ReadText(survey["description"]);
        var thankYou = ReadThankYou();
        ListUnmapped("survey", survey, SurveyProperties);

        if (survey["pages"] is JsonArray pages)
        {
            if (pages.Count > 1)
            {
                _unmapped.Add(Invariant($"pages: {pages.Count} pages flattened into one question list (page breaks not mapped)"));
            }

            for (var i = 0; i < pages.Count; i++)
            {
                ReadContainer(pages[i], Invariant($"pages[{i}]"), "page", PageProperties);
            }
        }

        ReadElements(survey, string.Empty);

        var languages = survey["loopwiseLanguages"] is JsonArray list
            ? list.Select(String).OfType<string>().ToList()
            : _languagesSeen;

        if (_questions.Count == 0)
        {
            _unmapped.Add("$: no question could be imported");
            return new SurveyJsImportResult(null, _unmapped);
        }

        var definition = new SurveyDefinition
        {
            DefaultLanguage = _defaultLanguage,
            Languages = languages,
            Title = title,
            Intro = intro,
            ThankYou = thankYou,
            Questions = _questions,
        };
        return new SurveyJsImportResult(definition, _unmapped);
    }

    private LocalizedText? ReadThankYou()
    {
        var html = ReadText(survey["completedHtml"]);
        if (html is null)
        {
            return null;
        }

        var hadMarkup = false;
        var values = html.Values.Select(kv =>
        {
            var text = SurveyJsConverter.HtmlToText(kv.Value, out var markup);
            hadMarkup |= markup;
            return KeyValuePair.Create(kv.Key, text);
        }).ToList();
        if (hadMarkup)
        {
            _unmapped.Add("completedHtml: HTML markup removed; imported as plain thank-you text");
        }

        return new LocalizedText(values);
    }

    /// <summary>A page or panel: its own logic and properties are listed, its elements imported.</summary>
    private void ReadContainer(JsonNode? node, string path, string kind, string[] known)
    {
        if (node is not JsonObject container)
        {
            _unmapped.Add($"{path}: not an object");
            return;
        }

        if (String(container["visibleIf"]) is { } expression)
        {
            _unmapped.Add($"{Label(path, container)}: {kind} logic not mapped: visibleIf \"{expression}\" (its questions are imported without it)");
        }

        ListUnmapped(Label(path, container), container, known);
        ReadElements(container, path.Length == 0 ? string.Empty : path + ".");
    }

    private void ReadElements(JsonObject container, string prefix)
    {
        foreach (var member in new[] { "elements", "questions" })
        {
            if (container[member] is JsonArray elements)
            {
                for (var i = 0; i < elements.Count; i++)
                {
                    ReadElement(elements[i], Invariant($"{prefix}{member}[{i}]"));
                }
            }
        }
    }

    private void ReadElement(JsonNode? node, string path)
    {
        if (node is not JsonObject element)
        {
            _unmapped.Add($"{path}: not an object");
            return;
        }

        var type = String(element["type"])?.ToLowerInvariant();
        var label = Label(path, element);
        switch (type)
        {
            case "panel":
                ReadContainer(element, path, "panel", PanelProperties);
                return;
            case "rating":
                AddQuestion(element, path, label, ReadRating(element, label), [.. QuestionProperties, .. RatingProperties]);
                return;
            case "radiogroup" or "dropdown":
                AddQuestion(element, path, label, ReadChoices(element, label, QuestionType.SingleChoice), [.. QuestionProperties, .. ChoiceProperties]);
                return;
            case "checkbox" or "tagbox":
                AddQuestion(element, path, label, ReadChoices(element, label, QuestionType.MultipleChoice), [.. QuestionProperties, .. ChoiceProperties]);
                return;
            case "boolean":
                AddQuestion(element, path, label, ReadBoolean(element, label), [.. QuestionProperties, .. BooleanProperties]);
                return;
            case "comment":
                AddQuestion(element, path, label, ReadTextQuestion(element), [.. QuestionProperties, .. TextProperties]);
                return;
            case "text":
                var inputType = String(element["inputType"]);
                if (inputType is not null && !inputType.Equals("text", StringComparison.OrdinalIgnoreCase))
                {
                    _unmapped.Add($"{label}: inputType \"{inputType}\" not supported; element not imported");
                    return;
                }

                AddQuestion(element, path, label, ReadTextQuestion(element), [.. QuestionProperties, .. TextProperties]);
                return;
            case "html" or "image" or "expression":
                _unmapped.Add($"{label}: display element, not a question; not imported");
                return;
            case null:
                _unmapped.Add($"{label}: element has no type; not imported");
                return;
            default:
                _unmapped.Add($"{label}: element type not supported");
                return;
        }
    }

    private void AddQuestion(JsonObject element, string path, string label, Question? shape, string[] known)
    {
        if (shape is null)
        {
            return;
        }

        var name = String(element["name"]);
        if (string.IsNullOrWhiteSpace(name))
        {
            _unmapped.Add($"{label}: question has no name; not imported");
            return;
        }

        var id = ToId(name);
        if (!SurveyDefinitionValidator.IsValidId(id) || _questions.Any(q => q.Id == id) || _idsByName.ContainsKey(name))
        {
            _unmapped.Add($"{label}: name \"{name}\" duplicates an earlier question or cannot be made a valid id; not imported");
            return;
        }

        if (id != name)
        {
            _unmapped.Add($"{label}: name \"{name}\" imported as id \"{id}\"");
        }

        ListUnmapped(label, element, known);
        var question = shape with
        {
            Id = id,
            Text = ReadText(element["title"]) ?? new LocalizedText(_defaultLanguage, name),
            Help = ReadText(element["description"]),
            Required = element["isRequired"] is JsonValue required && required.GetValueKind() == JsonValueKind.True,
            ShowIf = ReadCondition(element, label),
        };
        _questions.Add(question);
        _idsByName[name] = id;
    }

    private DisplayCondition? ReadCondition(JsonObject element, string label)
    {
        if (String(element["visibleIf"]) is not { } expression)
        {
            return null;
        }

        var parsed = SurveyJsExpression.Parse(expression);
        if (parsed is null)
        {
            return Drop("expression too complex (only one comparison on one earlier question maps)");
        }

        if (!_idsByName.TryGetValue(parsed.Name, out var targetId))
        {
            return Drop($"\"{parsed.Name}\" is not an earlier imported question");
        }

        var target = _questions.First(q => q.Id == targetId);
        var multiple = target.Type == QuestionType.MultipleChoice;
        ConditionOperator? op = parsed.Operator switch
        {
            "=" or "==" => ConditionOperator.Equals,
            "!=" or "<>" => ConditionOperator.NotEquals,
            "<" => ConditionOperator.LessThan,
            "<=" => ConditionOperator.LessThanOrEqual,
            ">" => ConditionOperator.GreaterThan,
            ">=" => ConditionOperator.GreaterThanOrEqual,
            "anyof" => ConditionOperator.AnyOf,
            "notempty" => ConditionOperator.Answered,
            "empty" => ConditionOperator.NotAnswered,
            "contains" when multiple => ConditionOperator.Equals,
            "notcontains" when multiple => ConditionOperator.NotEquals,
            _ => null,
        };
        if (op is null)
        {
            return Drop($"operator \"{parsed.Operator}\" only maps on a multiple-choice question");
        }

        var condition = new DisplayCondition { QuestionId = targetId, Operator = op.Value, Values = parsed.Values };
        var problems = SurveyDefinitionValidator.CheckCondition(condition, target).Select(p => p.Message).ToList();
        return problems.Count == 0 ? condition : Drop(string.Join(" ", problems));

        DisplayCondition? Drop(string reason)
        {
            _unmapped.Add($"{label}: visibleIf \"{expression}\" not mapped: {reason}; the question is imported without a condition");
            return null;
        }
    }

    private static Question ReadTextQuestion(JsonObject element) =>
        Shape(QuestionType.Text, null) with { MaxLength = Integer(element["maxLength"]) is > 0 and var max ? max : null };

    private static Question Shape(QuestionType type, string? scaleId) =>
        new() { Id = "_", Type = type, Text = new LocalizedText("en", string.Empty), ScaleId = scaleId };

    private LocalizedText? ReadText(JsonNode? node)
    {
        if (String(node) is { } plain)
        {
            return new LocalizedText(_defaultLanguage, plain);
        }

        if (node is not JsonObject localized)
        {
            return null;
        }

        var values = new List<KeyValuePair<string, string>>();
        foreach (var (key, value) in localized)
        {
            if (String(value) is not { } text)
            {
                continue;
            }

            var language = key == "default" ? _defaultLanguage : key;
            if (!_languagesSeen.Contains(language, StringComparer.OrdinalIgnoreCase))
            {
                _languagesSeen.Add(language);
            }

            values.Add(KeyValuePair.Create(language, text));
        }

        return values.Count == 0 ? null : new LocalizedText(values);
    }

    private void ListUnmapped(string label, JsonObject element, string[] known)
    {
        var extra = element.Select(p => p.Key).Where(k => !known.Contains(k, StringComparer.Ordinal)).ToList();
        if (extra.Count > 0)
        {
            _unmapped.Add($"{label}: properties not mapped: {string.Join(", ", extra)}");
        }
    }

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}
