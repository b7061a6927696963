using Loopwise.Core.Metrics;
using Loopwise.Core.Surveys;
using Loopwise.Features.Surveys;

namespace Loopwise.Features.Demo;

/// <summary>The three published demo surveys: relationship NPS (en/fr), post-purchase CSAT (en), post-support CES (en/fr).</summary>
public static class DemoSurveys
{
    public static string Name(DemoSurvey survey) => survey switch
    {
        DemoSurvey.RelationshipNps => "Trail Club relationship NPS",
        DemoSurvey.PurchaseCsat => "Post-purchase satisfaction",
        DemoSurvey.SupportCes => "Post-support effort",
        _ => throw new ArgumentOutOfRangeException(nameof(survey), survey, "Unknown demo survey."),
    };

    public static SurveyKind Kind(DemoSurvey survey) =>
        survey == DemoSurvey.RelationshipNps ? SurveyKind.Relationship : SurveyKind.Transactional;

    public static SurveyDefinition Definition(DemoSurvey survey) => survey switch
    {
        DemoSurvey.RelationshipNps => RelationshipNps,
        DemoSurvey.PurchaseCsat => PurchaseCsat,
        DemoSurvey.SupportCes => SupportCes,
        _ => throw new ArgumentOutOfRangeException(nameof(survey), survey, "Unknown demo survey."),
    };

    /// <summary>Values of the "what matters most" choice of the NPS survey.</summary>
    public static IReadOnlyList<string> WhatMattersValues { get; } = ["quality", "price", "service", "delivery", "sustainability", "club"];

    /// <summary>Values of the "what could be better" choice of the CSAT survey ("nothing" stands alone).</summary>
    public static IReadOnlyList<string> CouldBeBetterValues { get; } = ["delivery", "price", "quality", "stock", "website_app", "staff", "packaging", "nothing"];

    private static readonly SurveyDefinition RelationshipNps = new()
    {
        DefaultLanguage = "en",
        Languages = ["en", "fr"],
        Title = Text("How are we doing?", "Comment faisons-nous ?"),
        Intro = Text(
            "Two minutes to tell us how Northwind Outfitters is doing for you as a Trail Club member.",
            "Deux minutes pour nous dire comment Northwind Outfitters vous sert en tant que membre du Trail Club."),
        ThankYou = Text("Thank you! We read every comment.", "Merci ! Nous lisons chaque commentaire."),
        Questions =
        [
            new Question
            {
                Id = "nps",
                Type = QuestionType.Nps,
                Required = true,
                Text = Text(
                    "How likely are you to recommend Northwind Outfitters to a friend or colleague?",
                    "Quelle est la probabilité que vous recommandiez Northwind Outfitters à un ami ou à un collègue ?"),
            },
            new Question
            {
                Id = "reason",
                Type = QuestionType.Text,
                MaxLength = 2000,
                Text = Text("What is the main reason for your score?", "Quelle est la principale raison de votre note ?"),
            },
            new Question
            {
                Id = "what_matters",
                Type = QuestionType.SingleChoice,
                Text = Text("What matters most to you when you shop with us?", "Qu'est-ce qui compte le plus pour vous quand vous achetez chez nous ?"),
                Choices =
                [
                    new Choice("quality", Text("Gear quality", "La qualité de l'équipement")),
                    new Choice("price", Text("Price", "Le prix")),
                    new Choice("service", Text("Service and advice", "Le service et les conseils")),
                    new Choice("delivery", Text("Fast delivery", "La livraison rapide")),
                    new Choice("sustainability", Text("Sustainability", "La durabilité")),
                    new Choice("club", Text("Trail Club benefits", "Les avantages du Trail Club")),
                ],
            },
            new Question
            {
                Id = "fix_first",
                Type = QuestionType.Text,
                ShowIf = DisplayCondition.Of("nps", ConditionOperator.LessThanOrEqual, "6"),
                Text = Text("We are sorry to hear that. What is the one thing we should fix first?", "Nous en sommes désolés. Quelle est la première chose à corriger ?"),
            },
            new Question
            {
                Id = "may_contact",
                Type = QuestionType.SingleChoice,
                ShowIf = DisplayCondition.Of("nps", ConditionOperator.LessThanOrEqual, "6"),
                Text = Text("May someone from our team contact you about your feedback?", "Un membre de notre équipe peut-il vous contacter au sujet de vos commentaires ?"),
                Choices = [new Choice("yes", Text("Yes", "Oui")), new Choice("no", Text("No", "Non"))],
            },
        ],
    };

    private static readonly SurveyDefinition PurchaseCsat = new()
    {
        DefaultLanguage = "en",
        Languages = ["en"],
        Title = new LocalizedText("en", "Your recent purchase"),
        ThankYou = new LocalizedText("en", "Thanks for helping us get better."),
        Questions =
        [
            new Question
            {
                Id = "csat",
                Type = QuestionType.Csat,
                Required = true,
                Text = new LocalizedText("en", "Overall, how satisfied were you with your experience?"),
            },
            new Question
            {
                Id = "could_be_better",
                Type = QuestionType.MultipleChoice,
                Text = new LocalizedText("en", "What could have been better? (choose all that apply)"),
                Choices =
                [
                    new Choice("delivery", new LocalizedText("en", "Delivery speed or tracking")),
                    new Choice("price", new LocalizedText("en", "Price")),
                    new Choice("quality", new LocalizedText("en", "Product quality")),
                    new Choice("stock", new LocalizedText("en", "Availability of sizes and stock")),
                    new Choice("website_app", new LocalizedText("en", "Website or app")),
                    new Choice("staff", new LocalizedText("en", "Help from our staff")),
                    new Choice("packaging", new LocalizedText("en", "Packaging")),
                    new Choice("nothing", new LocalizedText("en", "Nothing, it was great")),
                ],
            },
            new Question
            {
                Id = "comment",
                Type = QuestionType.Text,
                Text = new LocalizedText("en", "Anything else you would like to tell us?"),
            },
        ],
    };

    private static readonly SurveyDefinition SupportCes = new()
    {
        DefaultLanguage = "en",
        Languages = ["en", "fr"],
        Title = Text("Your recent contact with us", "Votre récent contact avec nous"),
        ThankYou = Text("Thank you for your time.", "Merci de votre temps."),
        Questions =
        [
            new Question
            {
                Id = "ces",
                Type = QuestionType.Ces,
                ScaleId = Scales.CesEffort.Id,
                Required = true,
                Text = Text(
                    "How much effort did you personally have to put forth to handle your request?",
                    "Quel effort avez-vous dû fournir personnellement pour que votre demande soit traitée ?"),
                Help = Text("1 = very low effort, 5 = very high effort", "1 = effort très faible, 5 = effort très élevé"),
            },
            new Question
            {
                Id = "resolved",
                Type = QuestionType.SingleChoice,
                Required = true,
                Text = Text("Was your request resolved?", "Votre demande a-t-elle été résolue ?"),
                Choices = [new Choice("yes", Text("Yes", "Oui")), new Choice("no", Text("No", "Non"))],
            },
            new Question
            {
                Id = "comment",
                Type = QuestionType.Text,
                Text = Text("What could we have done better?", "Qu'aurions-nous pu mieux faire ?"),
            },
        ],
    };

    private static LocalizedText Text(string en, string fr) => new([new("en", en), new("fr", fr)]);
}
