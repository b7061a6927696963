namespace Loopwise.Core.Surveys;

/// <summary>The kind of a survey question.</summary>
public enum QuestionType
{
    /// <summary>Net Promoter question, always on <c>nps_0_10</c> (cx-reference.md §1).</summary>
    Nps,

    /// <summary>Customer satisfaction, on <c>csat_1_5</c> (cx-reference.md §2).</summary>
    Csat,

    /// <summary>Customer effort, on an explicit scale: <c>ces_effort_1_5</c> or <c>ces_agree_1_7</c> (cx-reference.md §2).</summary>
    Ces,

    /// <summary>A generic rating on any built-in scale.</summary>
    Rating,

    /// <summary>Exactly one of a list of choices.</summary>
    SingleChoice,

    /// <summary>Any number of a list of choices.</summary>
    MultipleChoice,

    /// <summary>Free text.</summary>
    Text,
}
