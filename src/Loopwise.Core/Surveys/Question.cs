using System.Text.Json.Serialization;
using Loopwise.Core.Metrics;

namespace Loopwise.Core.Surveys;

/// <summary>One question of a survey. Validate with <see cref="SurveyDefinitionValidator"/>.</summary>
public sealed record Question
{
    /// <summary>Length limit of a text answer when <see cref="MaxLength"/> is not set.</summary>
    public const int DefaultTextMaxLength = 2000;

    private readonly IReadOnlyList<Choice> _choices = [];

    /// <summary>Stable key: lower-case letters, digits, <c>_</c> and <c>-</c>; unique in the survey.</summary>
    public required string Id { get; init; }

    /// <summary>The kind of question.</summary>
    public required QuestionType Type { get; init; }

    /// <summary>The question text.</summary>
    public required LocalizedText Text { get; init; }

    /// <summary>Optional help shown under the question.</summary>
    public LocalizedText? Help { get; init; }

    /// <summary>Whether a visible question must be answered to complete the survey.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Required { get; init; }

    /// <summary>
    /// Id of a built-in scale (<see cref="Scales"/>) for rating types. Nps: <c>nps_0_10</c> (may be omitted);
    /// Csat: <c>csat_1_5</c> (may be omitted); Ces: <c>ces_effort_1_5</c> or <c>ces_agree_1_7</c>, always explicit;
    /// Rating: any built-in scale, explicit. Must be null for other types.
    /// </summary>
    public string? ScaleId { get; init; }

    /// <summary>The options of a choice question; empty for other types. Setting null gives an empty list.</summary>
    public IReadOnlyList<Choice> Choices
    {
        get => _choices;
        // The JSON source generator assigns default (null) to init-only members missing from the document.
        init => _choices = value ?? [];
    }

    /// <summary>Length limit of a text answer, in UTF-16 characters; null means <see cref="DefaultTextMaxLength"/>.</summary>
    public int? MaxLength { get; init; }

    /// <summary>When set, the question is shown only if this condition holds.</summary>
    public DisplayCondition? ShowIf { get; init; }

    /// <summary>The length limit that applies to a text answer.</summary>
    [JsonIgnore]
    public int EffectiveMaxLength => MaxLength ?? DefaultTextMaxLength;

    /// <summary>True for the rating types (Nps, Csat, Ces, Rating), whose answers are numbers.</summary>
    [JsonIgnore]
    public bool IsRating => Type is QuestionType.Nps or QuestionType.Csat or QuestionType.Ces or QuestionType.Rating;

    /// <summary>True for the choice types.</summary>
    [JsonIgnore]
    public bool IsChoice => Type is QuestionType.SingleChoice or QuestionType.MultipleChoice;

    /// <summary>
    /// The scale this question's answers are on, applying the per-type defaults (Nps → nps_0_10,
    /// Csat → csat_1_5); null for non-rating types or when <see cref="ScaleId"/> is not allowed for the type.
    /// </summary>
    public ScaleDefinition? ResolveScale()
    {
        var id = ScaleId ?? Type switch
        {
            QuestionType.Nps => Scales.Nps.Id,
            QuestionType.Csat => Scales.Csat.Id,
            _ => null,
        };
        return id is not null && IsScaleAllowed(Type, id) ? Scales.Find(id) : null;
    }

    /// <summary>True when <paramref name="scaleId"/> is a valid scale for <paramref name="type"/>.</summary>
    public static bool IsScaleAllowed(QuestionType type, string scaleId) => type switch
    {
        QuestionType.Nps => scaleId == Scales.Nps.Id,
        QuestionType.Csat => scaleId == Scales.Csat.Id,
        QuestionType.Ces => scaleId == Scales.CesEffort.Id || scaleId == Scales.CesAgree.Id,
        QuestionType.Rating => Scales.Find(scaleId) is not null,
        QuestionType.SingleChoice or QuestionType.MultipleChoice or QuestionType.Text => false,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown question type."),
    };

    /// <inheritdoc />
    public bool Equals(Question? other) =>
        other is not null
        && string.Equals(Id, other.Id, StringComparison.Ordinal)
        && Type == other.Type
        && Text.Equals(other.Text)
        && Equals(Help, other.Help)
        && Required == other.Required
        && string.Equals(ScaleId, other.ScaleId, StringComparison.Ordinal)
        && Choices.SequenceEqual(other.Choices)
        && MaxLength == other.MaxLength
        && Equals(ShowIf, other.ShowIf);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, Type, Text, Required, ScaleId, Choices.Count, MaxLength, ShowIf);
}
