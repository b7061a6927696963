using Loopwise.Core.Metrics;

namespace Loopwise.Features.Respond;

/// <summary>
/// The words of the respondent pages themselves (buttons, scale labels, messages), in the languages we ship;
/// a survey in another language gets English for these few words and its own texts for everything else.
/// </summary>
public sealed class RespondentTexts
{
    private static readonly RespondentTexts English = new()
    {
        Next = "Next",
        Submit = "Submit",
        ProblemHeading = "There is a problem",
        ErrorTitlePrefix = "Error: ",
        Required = "Answer this question.",
        ChooseFromScale = "Choose one of the values on the scale.",
        ChooseOption = "Choose one of the options.",
        TooLong = "Shorten your answer to {0} characters or fewer.",
        Invalid = "Check this answer.",
        Language = "Language",
        ThanksTitle = "Thank you",
        ThanksDefault = "Thank you for your feedback.",
        AlreadyTitle = "You already answered",
        AlreadyText = "You have already answered this survey. Thank you for your feedback.",
        NotFoundTitle = "Survey not found",
        NotFoundText = "We could not find this survey. Check the link, or ask the sender for a new one.",
        NotOpenTitle = "Survey not open",
        NotOpenText = "This survey is not open for answers yet.",
        ClosedTitle = "Survey closed",
        ClosedText = "This survey is closed and no longer takes answers. Thank you for your interest.",
        ExpiredTitle = "Link expired",
        ExpiredText = "This survey link has expired. Thank you for your interest.",
        KioskRestart = "A new survey will start in a few seconds.",
        StartAgain = "Start a new survey",
        NpsLow = "Not at all likely",
        NpsHigh = "Extremely likely",
        Csat = ["Very dissatisfied", "Dissatisfied", "Neither satisfied nor dissatisfied", "Satisfied", "Very satisfied"],
        CesEffort = ["Very low effort", "Low effort", "Moderate effort", "High effort", "Very high effort"],
        CesAgree = ["Strongly disagree", "Disagree", "Somewhat disagree", "Neither agree nor disagree", "Somewhat agree", "Agree", "Strongly agree"],
        RatingLow = "Lowest",
        RatingHigh = "Highest",
        Optional = "(optional)",
    };

    private static readonly RespondentTexts French = new()
    {
        Next = "Suivant",
        Submit = "Envoyer",
        ProblemHeading = "Il y a un problème",
        ErrorTitlePrefix = "Erreur : ",
        Required = "Répondez à cette question.",
        ChooseFromScale = "Choisissez une des valeurs de l'échelle.",
        ChooseOption = "Choisissez une des options.",
        TooLong = "Raccourcissez votre réponse à {0} caractères au plus.",
        Invalid = "Vérifiez cette réponse.",
        Language = "Langue",
        ThanksTitle = "Merci",
        ThanksDefault = "Merci pour votre avis.",
        AlreadyTitle = "Vous avez déjà répondu",
        AlreadyText = "Vous avez déjà répondu à ce questionnaire. Merci pour votre avis.",
        NotFoundTitle = "Questionnaire introuvable",
        NotFoundText = "Nous ne trouvons pas ce questionnaire. Vérifiez le lien ou demandez-en un nouveau.",
        NotOpenTitle = "Questionnaire pas encore ouvert",
        NotOpenText = "Ce questionnaire n'accepte pas encore de réponses.",
        ClosedTitle = "Questionnaire fermé",
        ClosedText = "Ce questionnaire est fermé et n'accepte plus de réponses. Merci de votre intérêt.",
        ExpiredTitle = "Lien expiré",
        ExpiredText = "Ce lien a expiré. Merci de votre intérêt.",
        KioskRestart = "Un nouveau questionnaire commencera dans quelques secondes.",
        StartAgain = "Commencer un nouveau questionnaire",
        NpsLow = "Pas du tout probable",
        NpsHigh = "Extrêmement probable",
        Csat = ["Très insatisfait", "Insatisfait", "Ni satisfait ni insatisfait", "Satisfait", "Très satisfait"],
        CesEffort = ["Effort très faible", "Effort faible", "Effort modéré", "Effort élevé", "Effort très élevé"],
        CesAgree = ["Pas du tout d'accord", "Pas d'accord", "Plutôt pas d'accord", "Ni d'accord ni pas d'accord", "Plutôt d'accord", "D'accord", "Tout à fait d'accord"],
        RatingLow = "Le plus bas",
        RatingHigh = "Le plus haut",
        Optional = "(facultatif)",
    };

    public required string Next { get; init; }

    public required string Submit { get; init; }

    public required string ProblemHeading { get; init; }

    public required string ErrorTitlePrefix { get; init; }

    public required string Required { get; init; }

    public required string ChooseFromScale { get; init; }

    public required string ChooseOption { get; init; }

    public required string TooLong { get; init; }

    public required string Invalid { get; init; }

    public required string Language { get; init; }

    public required string ThanksTitle { get; init; }

    public required string ThanksDefault { get; init; }

    public required string AlreadyTitle { get; init; }

    public required string AlreadyText { get; init; }

    public required string NotFoundTitle { get; init; }

    public required string NotFoundText { get; init; }

    public required string NotOpenTitle { get; init; }

    public required string NotOpenText { get; init; }

    public required string ClosedTitle { get; init; }

    public required string ClosedText { get; init; }

    public required string ExpiredTitle { get; init; }

    public required string ExpiredText { get; init; }

    public required string KioskRestart { get; init; }

    public required string StartAgain { get; init; }

    public required string NpsLow { get; init; }

    public required string NpsHigh { get; init; }

    public required IReadOnlyList<string> Csat { get; init; }

    public required IReadOnlyList<string> CesEffort { get; init; }

    public required IReadOnlyList<string> CesAgree { get; init; }

    public required string RatingLow { get; init; }

    public required string RatingHigh { get; init; }

    public required string Optional { get; init; }

    public static RespondentTexts For(string language) =>
        language.StartsWith("fr", StringComparison.OrdinalIgnoreCase) ? French : English;

    /// <summary>A label for every point of a short labelled scale, or null when the scale shows numbers with end labels.</summary>
    public IReadOnlyList<string>? PointLabels(ScaleDefinition scale) => scale.Id switch
    {
        "csat_1_5" => Csat,
        "ces_effort_1_5" => CesEffort,
        "ces_agree_1_7" => CesAgree,
        _ => null,
    };

    /// <summary>The words under the two ends of a numeric scale.</summary>
    public (string Low, string High) Ends(ScaleDefinition scale) =>
        scale.Id == Scales.Nps.Id ? (NpsLow, NpsHigh) : (RatingLow, RatingHigh);
}
