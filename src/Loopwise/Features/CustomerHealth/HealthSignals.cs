using Loopwise.Core.Metrics;
using Loopwise.Core.Surveys;
using Loopwise.Data;
using Loopwise.Features.Commerce;
using Loopwise.Features.Responses;
using Loopwise.Features.Support;
using Loopwise.Features.Surveys;
using Microsoft.EntityFrameworkCore;

namespace Loopwise.Features.CustomerHealth;

/// <summary>
/// The raw health signals of every customer of the current workspace, from the facts that exist, each with a few grouped
/// queries (never one query per customer). A customer without the facts a signal needs has no value for it (the model
/// then re-normalises over the present components, cx-reference.md §3). Signal names are <see cref="Names"/>.
/// </summary>
public sealed class HealthSignals(LoopwiseDbContext db, SurveyDefinitions definitions)
{
    /// <summary>Days of survey answers behind <c>csat_pct</c> and <c>ces_effort</c>.</summary>
    public const int SurveyWindowDays = 90;

    /// <summary>Days of tickets behind <c>tickets_30d</c>.</summary>
    public const int TicketWindowDays = 30;

    private SurveySignals? _survey;
    private DateTime _surveyNow;

    /// <summary>The signal names this class computes.</summary>
    public static class Names
    {
        public const string Nps = "nps";
        public const string CsatPct = "csat_pct";
        public const string CesEffort = "ces_effort";
        public const string Tickets30d = "tickets_30d";
        public const string DaysSinceLastOrder = "days_since_last_order";
        public const string ActiveSubscription = "active_subscription";

        public static IReadOnlyList<string> All { get; } = [Nps, CsatPct, CesEffort, Tickets30d, DaysSinceLastOrder, ActiveSubscription];
    }

    /// <summary>Every signal of every customer that has at least one, keyed by customer id then signal name.</summary>
    public async Task<Dictionary<Guid, Dictionary<string, double>>> CollectAsync(DateTime now, CancellationToken ct)
    {
        var all = new Dictionary<Guid, Dictionary<string, double>>();
        void Add(string signal, Dictionary<Guid, double> values)
        {
            foreach (var (customer, value) in values)
            {
                if (!all.TryGetValue(customer, out var signals))
                {
                    all[customer] = signals = new Dictionary<string, double>(StringComparer.Ordinal);
                }

                signals[signal] = value;
            }
        }

        Add(Names.Nps, await NpsAsync(now, ct));
        Add(Names.CsatPct, await CsatPctAsync(now, ct));
        Add(Names.CesEffort, await CesEffortAsync(now, ct));
        Add(Names.Tickets30d, await Tickets30dAsync(now, ct));
        Add(Names.DaysSinceLastOrder, await DaysSinceLastOrderAsync(now, ct));
        Add(Names.ActiveSubscription, await ActiveSubscriptionAsync(now, ct));
        return all;
    }

    /// <summary>
    /// <c>nps</c>: the customer's latest completed relationship-survey answer to an NPS question, as a one-respondent NPS in
    /// Loopwise.Core units (−1..1): promoter (9–10) +1, passive (7–8) 0, detractor (0–6) −1.
    /// </summary>
    public async Task<Dictionary<Guid, double>> NpsAsync(DateTime now, CancellationToken ct) =>
        (await SurveyAsync(now, ct)).Nps.ToDictionary(p => p.Key, p => p.Value.Value);

    /// <summary><c>csat_pct</c>: favourable CSAT answers (4–5 on csat_1_5) ÷ all CSAT answers in the last 90 days, 0..1.</summary>
    public async Task<Dictionary<Guid, double>> CsatPctAsync(DateTime now, CancellationToken ct) =>
        (await SurveyAsync(now, ct)).Csat.ToDictionary(p => p.Key, p => (double)p.Value.Favourable / p.Value.Count);

    /// <summary><c>ces_effort</c>: mean CES answer on the 1–5 effort scale (ces_effort_1_5) in the last 90 days.</summary>
    public async Task<Dictionary<Guid, double>> CesEffortAsync(DateTime now, CancellationToken ct) =>
        (await SurveyAsync(now, ct)).Ces.ToDictionary(p => p.Key, p => p.Value.Sum / p.Value.Count);

    /// <summary>
    /// <c>tickets_30d</c>: tickets opened in the last 30 days, for customers with a support history (at least one ticket
    /// ever; 0 is then a real value). A customer never seen by support has no value: absence of data is not "no tickets".
    /// </summary>
    public async Task<Dictionary<Guid, double>> Tickets30dAsync(DateTime now, CancellationToken ct)
    {
        var since = now.AddDays(-TicketWindowDays);
        var rows = await db.Set<Ticket>().AsNoTracking()
            .Where(t => t.CustomerId != null)
            .GroupBy(t => t.CustomerId)
            .Select(g => new { Customer = g.Key, Recent = g.Sum(t => t.CreatedAt >= since && t.CreatedAt <= now ? 1 : 0) })
            .ToListAsync(ct);
        return rows.ToDictionary(r => r.Customer!.Value, r => (double)r.Recent);
    }

    /// <summary><c>days_since_last_order</c>: UTC days from the customer's latest order to today (0 for today or later).</summary>
    public async Task<Dictionary<Guid, double>> DaysSinceLastOrderAsync(DateTime now, CancellationToken ct)
    {
        var rows = await db.Set<Order>().AsNoTracking()
            .GroupBy(o => o.CustomerId)
            .Select(g => new { Customer = g.Key, Last = g.Max(o => o.OrderedAt) })
            .ToListAsync(ct);
        var today = DateOnly.FromDateTime(now).DayNumber;
        return rows.ToDictionary(r => r.Customer, r => (double)Math.Max(0, today - DateOnly.FromDateTime(r.Last).DayNumber));
    }

    /// <summary><c>active_subscription</c>: 1 when a subscription has started and is not cancelled now, else 0 (customers with subscriptions only).</summary>
    public async Task<Dictionary<Guid, double>> ActiveSubscriptionAsync(DateTime now, CancellationToken ct)
    {
        var rows = await db.Set<Subscription>().AsNoTracking()
            .GroupBy(s => s.CustomerId)
            .Select(g => new { Customer = g.Key, Active = g.Max(s => s.StartedAt <= now && (s.CancelledAt == null || s.CancelledAt > now) ? 1 : 0) })
            .ToListAsync(ct);
        return rows.ToDictionary(r => r.Customer, r => (double)r.Active);
    }

    // The three survey signals come from one scan of the customers' completed responses to surveys that ask NPS, CSAT or
    // CES: relationship surveys over all time (for the latest NPS answer), any survey over the last 90 days (CSAT, CES).
    private async Task<SurveySignals> SurveyAsync(DateTime now, CancellationToken ct)
    {
        if (_survey is not null && _surveyNow == now)
        {
            return _survey;
        }

        var questions = new Dictionary<Guid, (bool Relationship, Question[] Nps, Question[] Csat, Question[] Ces)>();
        foreach (var survey in await db.Set<Survey>().AsNoTracking().ToListAsync(ct))
        {
            var definition = definitions.Of(survey);
            var nps = definition.Questions.Where(q => q.Type == QuestionType.Nps).ToArray();
            var csat = definition.Questions.Where(q => q.Type == QuestionType.Csat && q.ResolveScale()?.Id == Scales.Csat.Id).ToArray();
            var ces = definition.Questions.Where(q => q.Type == QuestionType.Ces && q.ResolveScale()?.Id == Scales.CesEffort.Id).ToArray();
            var relationship = survey.Kind == SurveyKind.Relationship;
            if ((relationship && nps.Length > 0) || csat.Length > 0 || ces.Length > 0)
            {
                questions[survey.Id] = (relationship, relationship ? nps : [], csat, ces);
            }
        }

        var result = new SurveySignals();
        if (questions.Count == 0)
        {
            return Remember(result, now);
        }

        var since = now.AddDays(-SurveyWindowDays);
        var relationshipIds = questions.Where(q => q.Value.Relationship).Select(q => q.Key).ToList();
        var recentIds = questions.Where(q => q.Value.Csat.Length > 0 || q.Value.Ces.Length > 0).Select(q => q.Key).ToList();
        var responses = db.Set<SurveyResponse>().AsNoTracking()
            .Where(r => r.CustomerId != null && r.CompletedAt != null && r.CompletedAt <= now)
            .Where(r => relationshipIds.Contains(r.SurveyId) || (recentIds.Contains(r.SurveyId) && r.CompletedAt >= since))
            .Select(r => new { Customer = r.CustomerId!.Value, r.SurveyId, CompletedAt = r.CompletedAt!.Value, r.AnswersJson })
            .AsAsyncEnumerable();
        await foreach (var response in responses.WithCancellation(ct))
        {
            var asked = questions[response.SurveyId];
            var answers = SurveyJson.DeserializeAnswers(response.AnswersJson);
            if (asked.Nps.Select(q => answers.Find(q.Id)?.Number).FirstOrDefault(n => n is not null) is { } nps
                && (!result.Nps.TryGetValue(response.Customer, out var latest) || response.CompletedAt > latest.At))
            {
                result.Nps[response.Customer] = (response.CompletedAt, nps >= 9 ? 1.0 : nps >= 7 ? 0.0 : -1.0);
            }

            if (response.CompletedAt < since)
            {
                continue;
            }

            foreach (var question in asked.Csat)
            {
                if (answers.Find(question.Id)?.Number is { } value && Scales.Csat.Contains(value))
                {
                    var (count, favourable) = result.Csat.GetValueOrDefault(response.Customer);
                    result.Csat[response.Customer] = (count + 1, favourable + (Scales.Csat.IsFavourable(value) ? 1 : 0));
                }
            }

            foreach (var question in asked.Ces)
            {
                if (answers.Find(question.Id)?.Number is { } value && Scales.CesEffort.Contains(value))
                {
                    var (count, sum) = result.Ces.GetValueOrDefault(response.Customer);
                    result.Ces[response.Customer] = (count + 1, sum + value);
                }
            }
        }

        return Remember(result, now);
    }

    private SurveySignals Remember(SurveySignals signals, DateTime now)
    {
        _survey = signals;
        _surveyNow = now;
        return signals;
    }

    private sealed class SurveySignals
    {
        public Dictionary<Guid, (DateTime At, double Value)> Nps { get; } = [];

        public Dictionary<Guid, (int Count, int Favourable)> Csat { get; } = [];

        public Dictionary<Guid, (int Count, double Sum)> Ces { get; } = [];
    }
}
