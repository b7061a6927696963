using Loopwise.Core.Metrics;
using Loopwise.Core.Surveys;
using Loopwise.Features.Surveys;

namespace Loopwise.Features.Kpis;

/// <summary>
/// A KPI measured by survey questions: which questions feed it (type, scale, kind of survey) and the scale their answers
/// are counted on. Relationship and transactional NPS are separate KPIs and never pooled (cx-reference.md §1); CES is
/// bound to one scale, never mixed across scales (§2).
/// </summary>
public sealed record SurveyKpi(string Id, string Label, ScaleDefinition Scale, QuestionType? QuestionType, SurveyKind? SurveyKind)
{
    /// <summary>Whether a question of a survey of <paramref name="kind"/> feeds this KPI.</summary>
    public bool Covers(SurveyKind kind, Question question) =>
        (SurveyKind is null || SurveyKind == kind)
        && (QuestionType is null || question.Type == QuestionType)
        && question.IsRating && question.ResolveScale() is { } scale && ScaleCounts.IsSameScale(scale, Scale);
}

/// <summary>The survey KPIs of the catalogue.</summary>
public static class SurveyKpis
{
    public static readonly SurveyKpi Nps = new("nps", "NPS (relationship)", Scales.Nps, QuestionType.Nps, SurveyKind.Relationship);
    public static readonly SurveyKpi TransactionalNps = new("tnps", "NPS (transactional)", Scales.Nps, QuestionType.Nps, SurveyKind.Transactional);
    public static readonly SurveyKpi Csat = new("csat", "CSAT", Scales.Csat, QuestionType.Csat, null);
    public static readonly SurveyKpi CesEffort = new("ces_effort", "CES (effort, 1-5)", Scales.CesEffort, QuestionType.Ces, null);
    public static readonly SurveyKpi CesAgree = new("ces_agree", "CES 2.0 (ease, 1-7)", Scales.CesAgree, QuestionType.Ces, null);

    public static IReadOnlyList<SurveyKpi> All { get; } = [Nps, TransactionalNps, Csat, CesEffort, CesAgree];

    public static SurveyKpi? Find(string? id) => All.FirstOrDefault(k => string.Equals(k.Id, id, StringComparison.OrdinalIgnoreCase));
}
