using Loopwise.Core.Surveys;

namespace Loopwise.Features.Respond;

/// <summary>
/// Splits a survey into pages so display logic works without JavaScript: a new page starts at any question whose
/// condition refers to a question on the current page, so the answer is known (posted) before the question is shown.
/// </summary>
public static class SurveyPaging
{
    public static IReadOnlyList<IReadOnlyList<Question>> Pages(SurveyDefinition definition)
    {
        var pages = new List<IReadOnlyList<Question>>();
        var current = new List<Question>();
        foreach (var question in definition.Questions)
        {
            var dependsOnCurrent = question.ShowIf is { } condition
                && current.Exists(q => string.Equals(q.Id, condition.QuestionId, StringComparison.Ordinal));
            if (dependsOnCurrent)
            {
                pages.Add(current);
                current = [];
            }

            current.Add(question);
        }

        if (current.Count > 0)
        {
            pages.Add(current);
        }

        return pages;
    }

    /// <summary>The questions of page <paramref name="page"/> that are shown for <paramref name="answers"/>.</summary>
    public static IReadOnlyList<Question> VisibleOn(SurveyDefinition definition, IReadOnlyList<IReadOnlyList<Question>> pages, int page, AnswerSet answers)
    {
        var visible = DisplayLogic.VisibleQuestions(definition, answers).Select(q => q.Id).ToHashSet(StringComparer.Ordinal);
        return [.. pages[page].Where(q => visible.Contains(q.Id))];
    }

    /// <summary>The first page after <paramref name="after"/> with a visible question, or -1 when the survey is done.</summary>
    public static int NextPage(SurveyDefinition definition, IReadOnlyList<IReadOnlyList<Question>> pages, int after, AnswerSet answers)
    {
        var visible = DisplayLogic.VisibleQuestions(definition, answers).Select(q => q.Id).ToHashSet(StringComparer.Ordinal);
        for (var page = after + 1; page < pages.Count; page++)
        {
            if (pages[page].Any(q => visible.Contains(q.Id)))
            {
                return page;
            }
        }

        return -1;
    }

    /// <summary>True when some page after <paramref name="page"/> could still be shown (so the button says "Next").</summary>
    public static bool HasLaterPage(IReadOnlyList<IReadOnlyList<Question>> pages, int page) => page < pages.Count - 1;
}
