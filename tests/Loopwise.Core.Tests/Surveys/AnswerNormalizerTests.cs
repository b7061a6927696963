using Loopwise.Core.Surveys;

namespace Loopwise.Core.Tests.Surveys;

public class AnswerNormalizerTests
{
    [Fact]
    public void Normalize_trims_text_and_choice_values()
    {
        var answers = AnswerSet.Of(("why", AnswerValue.OfText("  slow support \n")), ("features", AnswerValue.OfChoices(" api ", "reports")));

        var normalized = AnswerNormalizer.Normalize(answers);

        Assert.Equal(AnswerSet.Of(("why", AnswerValue.OfText("slow support")), ("features", AnswerValue.OfChoices("api", "reports"))), normalized);
    }

    [Fact]
    public void Normalize_drops_empty_answers_and_blank_choice_values()
    {
        var answers = AnswerSet.Of(
            ("blank", AnswerValue.OfText("   ")),
            ("none", new AnswerValue()),
            ("no_choices", AnswerValue.OfChoices(" ", "")),
            ("features", AnswerValue.OfChoices("api", " ")),
            ("nps", AnswerValue.OfNumber(0)));

        var normalized = AnswerNormalizer.Normalize(answers);

        Assert.Equal(AnswerSet.Of(("features", AnswerValue.OfChoices("api")), ("nps", AnswerValue.OfNumber(0))), normalized);
    }
}
