using System.Text.Json.Nodes;

using static Loopwise.Core.Surveys.SurveyJsNodes;

namespace Loopwise.Core.Surveys;

/// <summary>SurveyJS choice-based elements: radiogroup, dropdown, checkbox, tagbox and boolean.</summary>
internal sealed partial class SurveyJsImporter
{
    private Question? ReadChoices(JsonObject element, string label, QuestionType type)
    {
        if (element["choices"] is not JsonArray items || items.Count == 0)
        {
            _unmapped.Add($"{label}: no static choices (choicesByUrl/choicesFromQuestion are not supported); element not imported");
            return null;
        }

        var choices = new List<Choice>();
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var itemPath = Invariant($"{label}.choices[{i}]");
            var value = item is JsonObject choice ? Scalar(choice["value"]) : Scalar(item);
            if (string.IsNullOrEmpty(value))
            {
                _unmapped.Add($"{itemPath}: choice without a value; not imported");
                continue;
            }

            if (choices.Any(c => c.Value == value))
            {
                _unmapped.Add($"{itemPath}: duplicate choice value \"{value}\"; not imported");
                continue;
            }

            if (item is JsonObject withExtras)
            {
                ListUnmapped(itemPath, withExtras, ["value", "text"]);
            }

            var text = item is JsonObject withText ? ReadText(withText["text"]) : null;
            choices.Add(new Choice(value, text ?? new LocalizedText(_defaultLanguage, value)));
        }

        return choices.Count == 0 ? null : Shape(type, null) with { Choices = choices };
    }

    private Question? ReadBoolean(JsonObject element, string label)
    {
        _unmapped.Add($"{label}: boolean imported as a single choice with values \"true\"/\"false\"");
        var yes = Scalar(element["valueTrue"]) ?? "true";
        var no = Scalar(element["valueFalse"]) ?? "false";
        return Shape(QuestionType.SingleChoice, null) with
        {
            Choices =
            [
                new Choice(yes, ReadText(element["labelTrue"]) ?? new LocalizedText(_defaultLanguage, "Yes")),
                new Choice(no, ReadText(element["labelFalse"]) ?? new LocalizedText(_defaultLanguage, "No")),
            ],
        };
    }
}
