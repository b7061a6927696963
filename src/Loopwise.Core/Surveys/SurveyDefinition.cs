namespace Loopwise.Core.Surveys;

/// <summary>
/// What a survey asks, in which languages, and when each question is shown. Immutable; equality
/// compares contents. Validate with <see cref="SurveyDefinitionValidator"/>; store with <see cref="SurveyJson"/>.
/// </summary>
public sealed record SurveyDefinition
{
    /// <summary>Language used when a respondent's language is missing; must be in <see cref="Languages"/>.</summary>
    public required string DefaultLanguage { get; init; }

    /// <summary>Every language the survey is offered in; each text must exist in each of them.</summary>
    public required IReadOnlyList<string> Languages { get; init; }

    /// <summary>The survey title.</summary>
    public required LocalizedText Title { get; init; }

    /// <summary>Optional introduction shown before the questions.</summary>
    public LocalizedText? Intro { get; init; }

    /// <summary>Optional message shown after completion.</summary>
    public LocalizedText? ThankYou { get; init; }

    /// <summary>The questions, in display order.</summary>
    public required IReadOnlyList<Question> Questions { get; init; }

    /// <summary>The question with <paramref name="id"/>, or null.</summary>
    public Question? FindQuestion(string id) =>
        Questions.FirstOrDefault(q => string.Equals(q.Id, id, StringComparison.Ordinal));

    /// <inheritdoc />
    public bool Equals(SurveyDefinition? other) =>
        other is not null
        && string.Equals(DefaultLanguage, other.DefaultLanguage, StringComparison.Ordinal)
        && Languages.SequenceEqual(other.Languages, StringComparer.Ordinal)
        && Title.Equals(other.Title)
        && Equals(Intro, other.Intro)
        && Equals(ThankYou, other.ThankYou)
        && Questions.SequenceEqual(other.Questions);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(DefaultLanguage, Languages.Count, Title, Questions.Count);
}
