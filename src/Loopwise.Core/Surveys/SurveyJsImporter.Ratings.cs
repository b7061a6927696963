using System.Text.Json.Nodes;
using Loopwise.Core.Metrics;

using static Loopwise.Core.Surveys.SurveyJsNodes;

namespace Loopwise.Core.Surveys;

/// <summary>SurveyJS <c>rating</c> elements: range, explicit Loopwise type and scale, and the guessing rules.</summary>
internal sealed partial class SurveyJsImporter
{
    private Question? ReadRating(JsonObject element, string label)
    {
        var range = ReadRange(element, label);
        if (range is null)
        {
            return null;
        }

        var (min, max) = range.Value;
        var explicitType = ReadLoopwiseType(element, label);
        if (explicitType is { } typed)
        {
            var scale = typed.ResolveScale();
            if (scale is not null && (scale.Min != min || scale.Max != max))
            {
                _unmapped.Add(Invariant($"{label}: rateMin/rateMax {min}-{max} disagree with scale {scale.Id}; the scale is used"));
            }

            return typed;
        }

        var words = (String(element["name"]) + " " + ReadText(element["title"])?.Get(_defaultLanguage, _defaultLanguage)).ToLowerInvariant();
        var recommend = words.Contains("recommend", StringComparison.Ordinal);
        if (recommend && (min, max) != (0, 10))
        {
            _unmapped.Add(Invariant($"{label}: \"recommend\" wording on a {min}-{max} scale is not NPS (cx-reference.md §1); imported by its range"));
        }

        if ((min, max) is (1, 5) && (words.Contains("effort", StringComparison.Ordinal) || words.Contains("easy", StringComparison.Ordinal)))
        {
            _unmapped.Add($"{label}: looks like CES but CES is never guessed; imported as a rating; set loopwiseType \"ces\" and loopwiseScale to make it CES");
        }

        return (min, max) switch
        {
            (0, 10) => Shape(QuestionType.Nps, Scales.Nps.Id),
            (1, 5) when words.Contains("satisf", StringComparison.Ordinal) => Shape(QuestionType.Csat, Scales.Csat.Id),
            (1, 5) => Shape(QuestionType.Rating, Scales.Rating5.Id),
            (1, 10) => Shape(QuestionType.Rating, Scales.Rating10.Id),
            _ => Unsupported(Invariant($"rating {min}-{max} has no built-in scale (use loopwiseType/loopwiseScale for CES 1-7); element not imported")),
        };

        Question? Unsupported(string message)
        {
            _unmapped.Add($"{label}: {message}");
            return null;
        }
    }

    private (int Min, int Max)? ReadRange(JsonObject element, string label)
    {
        if (element["rateValues"] is JsonArray rateValues)
        {
            var numbers = rateValues.Select(v => Integer(v is JsonObject item ? item["value"] : v)).ToList();
            var consecutive = numbers.Count > 0 && numbers.All(n => n is not null)
                && numbers.Select((n, i) => n!.Value - i).Distinct().Count() == 1;
            if (!consecutive)
            {
                _unmapped.Add($"{label}: custom rateValues that are not consecutive whole numbers are not supported; element not imported");
                return null;
            }

            if (rateValues.Any(v => v is JsonObject item && item["text"] is not null))
            {
                _unmapped.Add($"{label}: rateValues texts (labels) not mapped");
            }

            return (numbers[0]!.Value, numbers[^1]!.Value);
        }

        var step = Integer(element["rateStep"]) ?? 1;
        if (step != 1)
        {
            _unmapped.Add(Invariant($"{label}: rateStep {step} not supported; element not imported"));
            return null;
        }

        var min = Integer(element["rateMin"]) ?? 1;
        var max = Integer(element["rateMax"]) ?? (Integer(element["rateCount"]) is { } count ? min + count - 1 : 5);
        return (min, max);
    }

    private Question? ReadLoopwiseType(JsonObject element, string label)
    {
        if (String(element["loopwiseType"]) is not { } typeName)
        {
            return null;
        }

        var scaleId = String(element["loopwiseScale"]);
        if (!typeName.All(char.IsAsciiLetter) || !Enum.TryParse<QuestionType>(typeName, ignoreCase: true, out var type)
            || Shape(type, scaleId) is not { IsRating: true } shape
            || (scaleId is not null && !Question.IsScaleAllowed(type, scaleId))
            || shape.ResolveScale() is null)
        {
            _unmapped.Add($"{label}: loopwiseType \"{typeName}\" / loopwiseScale \"{scaleId}\" is not a valid rating type and scale; guessed from the range instead");
            return null;
        }

        return shape;
    }
}
