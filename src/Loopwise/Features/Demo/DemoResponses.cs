using Loopwise.Core.Surveys;
using Loopwise.Features.Responses;

namespace Loopwise.Features.Demo;

/// <summary>A demo customer as the response generator sees it.</summary>
public sealed record DemoCustomer(Guid Id, string Language, bool Member, double QualityShift, string ExternalId, string Plan);

/// <summary>A demo response that was started and never finished.</summary>
public sealed record DemoPartial(Guid Id, Guid SurveyId, Guid TouchpointId, Guid? CustomerId, DistributionChannel Channel, string Language, DateTime StartedAt, AnswerSet Answers);

/// <summary>
/// Invents the demo responses: how many per touchpoint and day (yearly and weekly seasonality, the story of
/// <see cref="DemoCalendar"/>), when in the day, who answers in which language, the scores (touchpoint quality
/// plus the day's shift plus the customer) and the comments. Pure: no I/O; deterministic for a seed.
/// </summary>
public sealed class DemoResponses
{
    private readonly Random _random;
    private readonly DemoCalendar _calendar;
    private readonly DemoComments _comments;
    private readonly IReadOnlyDictionary<DemoSurvey, Guid> _surveyIds;
    private readonly IReadOnlyDictionary<string, Guid> _touchpointIds;
    private readonly IReadOnlyList<DemoCustomer> _customers;
    private readonly IReadOnlyList<DemoCustomer> _members;

    public DemoResponses(
        int seed,
        DemoCalendar calendar,
        IReadOnlyDictionary<DemoSurvey, Guid> surveyIds,
        IReadOnlyDictionary<string, Guid> touchpointIds,
        IReadOnlyList<DemoCustomer> customers)
    {
        _random = new Random(seed);
        _calendar = calendar;
        _comments = new DemoComments(_random);
        _surveyIds = surveyIds;
        _touchpointIds = touchpointIds;
        _customers = customers;
        var members = customers.Where(c => c.Member).ToList();
        _members = members.Count > 0 ? members : customers;
    }

    /// <summary>
    /// Splits <paramref name="total"/> completed responses over touchpoints and days: each survey gets its share, each
    /// touchpoint its share of its survey, each day its seasonal weight with some noise; rounded so the sum is exact.
    /// </summary>
    public IReadOnlyList<(DateOnly Day, DemoTouchpoint Touchpoint, int Count)> Plan(int total)
    {
        var cells = new List<(DateOnly Day, DemoTouchpoint Touchpoint, double Expected)>();
        foreach (var survey in Enum.GetValues<DemoSurvey>())
        {
            var touchpoints = DemoCompany.Touchpoints.Where(t => t.Survey == survey).ToList();
            var weights = new List<(DateOnly, DemoTouchpoint, double)>();
            foreach (var day in _calendar.AllDays())
            {
                foreach (var touchpoint in touchpoints)
                {
                    var noise = Math.Exp(0.12 * Gaussian());
                    weights.Add((day, touchpoint, touchpoint.Share * _calendar.Volume(touchpoint, day) * noise));
                }
            }

            var sum = weights.Sum(w => w.Item3);
            var surveyTotal = total * DemoCompany.SurveyShare(survey);
            cells.AddRange(weights.Select(w => (w.Item1, w.Item2, surveyTotal * w.Item3 / sum)));
        }

        // Largest remainder: floor every cell, then hand the missing units to the largest fractions.
        var counts = cells.Select(c => (int)Math.Floor(c.Expected)).ToArray();
        var missing = total - counts.Sum();
        foreach (var index in Enumerable.Range(0, cells.Count).OrderByDescending(i => cells[i].Expected - counts[i]).ThenBy(i => i).Take(missing))
        {
            counts[index]++;
        }

        return cells.Select((c, i) => (c.Day, c.Touchpoint, counts[i]))
            .Where(c => c.Item3 > 0)
            .OrderBy(c => c.Day)
            .ToList();
    }

    /// <summary>One completed response at <paramref name="touchpoint"/> on <paramref name="day"/>, plus sometimes an abandoned one.</summary>
    public (ResponseToStore Completed, DemoPartial? Abandoned) Next(DateOnly day, DemoTouchpoint touchpoint)
    {
        var survey = touchpoint.Survey;
        var definition = DemoSurveys.Definition(survey);
        var customer = _random.NextDouble() < touchpoint.AnonymousRate
            ? null
            : survey == DemoSurvey.RelationshipNps ? Pick(_members) : Pick(_customers);
        var language = definition.Languages.Count > 1 && (customer?.Language ?? (_random.NextDouble() < 0.05 ? "fr" : "en")) == "fr" ? "fr" : "en";
        var completedAt = TimeOn(day, touchpoint.Week);
        var seconds = survey switch
        {
            DemoSurvey.RelationshipNps => 45 + (int)(Math.Exp(Gaussian() * 0.5) * 70),
            _ => 15 + (int)(Math.Exp(Gaussian() * 0.5) * 40),
        };
        var startedAt = completedAt.AddSeconds(-seconds);
        var quality = touchpoint.Quality + _calendar.QualityShift(touchpoint, day) + (customer?.QualityShift ?? 0) + (0.06 * Gaussian());
        var moment = new DemoMoment(
            Place(touchpoint),
            CarrierTrouble: _calendar.CarrierTrouble(day) > 0.3,
            ChatFixed: _calendar.ChatFixed(day) > 0.5,
            AppBug: _calendar.AppBug(day) > 0.3);
        var answers = survey switch
        {
            DemoSurvey.RelationshipNps => NpsAnswers(touchpoint, quality, language, day, moment),
            DemoSurvey.PurchaseCsat => CsatAnswers(touchpoint, quality, day, moment),
            DemoSurvey.SupportCes => CesAnswers(touchpoint, quality, language, day, moment),
            _ => throw new ArgumentOutOfRangeException(nameof(touchpoint), survey, "Unknown demo survey."),
        };
        var channel = PickWeighted(touchpoint.Distribution);
        var completed = new ResponseToStore(
            Guid.CreateVersion7(completedAt), _surveyIds[survey], 1, _touchpointIds[touchpoint.Key], customer?.Id, null,
            channel, language, startedAt, completedAt, answers, null);

        DemoPartial? abandoned = null;
        if (_random.NextDouble() < touchpoint.AbandonRate)
        {
            var at = TimeOn(day, touchpoint.Week);
            var first = definition.Questions[0];
            var partialAnswers = _random.NextDouble() < 0.55
                ? AnswerSet.Of((first.Id, answers.Answers[first.Id]))
                : AnswerSet.Empty;
            abandoned = new DemoPartial(
                Guid.CreateVersion7(at), _surveyIds[survey], _touchpointIds[touchpoint.Key], Pick(_customers).Id, channel, language, at, partialAnswers);
        }

        return (completed, abandoned);
    }

    private AnswerSet NpsAnswers(DemoTouchpoint touchpoint, double quality, string language, DateOnly day, DemoMoment moment)
    {
        var score = Score(2.6 + (9 * quality), 2.2, 0, 10);
        var mood = score >= 9 ? DemoMood.Positive : score >= 7 ? DemoMood.Neutral : DemoMood.Negative;
        var answers = new Dictionary<string, AnswerValue>(StringComparer.Ordinal) { ["nps"] = AnswerValue.OfNumber(score) };
        var topic = Topic(touchpoint, mood, day);
        if (_random.NextDouble() < CommentRate(mood, 0.45, 0.5, 0.72))
        {
            answers["reason"] = AnswerValue.OfText(_comments.Comment(topic, Topics(touchpoint), mood, language, moment));
        }

        if (_random.NextDouble() < 0.85)
        {
            var carrier = 12 + (20 * _calendar.CarrierTrouble(day));
            answers["what_matters"] = AnswerValue.OfChoices(PickWeighted<string>(
                [("quality", 30), ("price", 22), ("service", 15), ("delivery", carrier), ("sustainability", 11), ("club", 10)]));
        }

        if (score <= 6)
        {
            if (_random.NextDouble() < 0.6)
            {
                answers["fix_first"] = AnswerValue.OfText(_comments.FixFirst(topic, language));
            }

            if (_random.NextDouble() < 0.8)
            {
                answers["may_contact"] = AnswerValue.OfChoices(_random.NextDouble() < 0.55 ? "yes" : "no");
            }
        }

        return new AnswerSet(answers);
    }

    private AnswerSet CsatAnswers(DemoTouchpoint touchpoint, double quality, DateOnly day, DemoMoment moment)
    {
        var score = Score(1.2 + (4.2 * quality), 0.95, 1, 5);
        var mood = score >= 4 ? DemoMood.Positive : score == 3 ? DemoMood.Neutral : DemoMood.Negative;
        var answers = new Dictionary<string, AnswerValue>(StringComparer.Ordinal) { ["csat"] = AnswerValue.OfNumber(score) };
        var topic = Topic(touchpoint, mood, day);
        if (_random.NextDouble() < 0.7)
        {
            answers["could_be_better"] = AnswerValue.OfChoices(CouldBeBetter(score, topic));
        }

        if (_random.NextDouble() < CommentRate(mood, 0.3, 0.38, 0.62))
        {
            answers["comment"] = AnswerValue.OfText(_comments.Comment(topic, Topics(touchpoint), mood, "en", moment));
        }

        return new AnswerSet(answers);
    }

    private AnswerSet CesAnswers(DemoTouchpoint touchpoint, double quality, string language, DateOnly day, DemoMoment moment)
    {
        var score = Score(4.6 - (3.6 * quality), 0.9, 1, 5);
        var mood = score <= 2 ? DemoMood.Positive : score == 3 ? DemoMood.Neutral : DemoMood.Negative;
        var resolved = _random.NextDouble() < Math.Clamp(0.25 + (0.7 * quality) - (0.08 * (score - 3)), 0.05, 0.97);
        var answers = new Dictionary<string, AnswerValue>(StringComparer.Ordinal)
        {
            ["ces"] = AnswerValue.OfNumber(score),
            ["resolved"] = AnswerValue.OfChoices(resolved ? "yes" : "no"),
        };
        if (_random.NextDouble() < CommentRate(mood, 0.3, 0.4, 0.66))
        {
            answers["comment"] = AnswerValue.OfText(_comments.Comment(Topic(touchpoint, mood, day), Topics(touchpoint), mood, language, moment));
        }

        return new AnswerSet(answers);
    }

    private string[] CouldBeBetter(int score, DemoTopic topic)
    {
        if (score == 5 && _random.NextDouble() < 0.7 || score == 4 && _random.NextDouble() < 0.4)
        {
            return ["nothing"];
        }

        var chosen = new List<string>
        {
            topic switch
            {
                DemoTopic.Delivery => "delivery",
                DemoTopic.Price or DemoTopic.Billing => "price",
                DemoTopic.Quality => "quality",
                DemoTopic.App => "website_app",
                DemoTopic.Staff or DemoTopic.Wait => "staff",
                DemoTopic.Returns => "packaging",
                _ => throw new ArgumentOutOfRangeException(nameof(topic), topic, "Unknown topic."),
            },
        };
        var extra = score <= 2 ? _random.Next(0, 3) : _random.Next(0, 2);
        for (var i = 0; i < extra; i++)
        {
            var value = PickWeighted<string>([("stock", 4), ("price", 2), ("delivery", 2), ("packaging", 1), ("quality", 1), ("website_app", 1)]);
            if (!chosen.Contains(value, StringComparer.Ordinal))
            {
                chosen.Add(value);
            }
        }

        return [.. chosen];
    }

    /// <summary>The topic a comment is about: the touchpoint's usual topics, tilted by what is going wrong that day.</summary>
    private DemoTopic Topic(DemoTouchpoint touchpoint, DemoMood mood, DateOnly day)
    {
        if (mood == DemoMood.Positive)
        {
            return PickWeighted(touchpoint.Topics);
        }

        var trouble = _calendar.CarrierTrouble(day);
        var bug = touchpoint.Key == "mobile-app" ? _calendar.AppBug(day) : 0;
        return PickWeighted(touchpoint.Topics.Select(t => (t.Topic, t.Topic switch
        {
            DemoTopic.Delivery => t.Weight * (1 + (5 * trouble)),
            DemoTopic.App => t.Weight * (1 + (4 * bug)),
            _ => t.Weight,
        })).ToList());
    }

    private static IReadOnlyList<DemoTopic> Topics(DemoTouchpoint touchpoint) => [.. touchpoint.Topics.Select(t => t.Topic)];

    private static DemoPlace Place(DemoTouchpoint touchpoint) => touchpoint.Survey == DemoSurvey.RelationshipNps
        ? DemoPlace.Overall
        : touchpoint.Channel switch
        {
            Touchpoints.Channel.InPerson => DemoPlace.Store,
            Touchpoints.Channel.Phone => DemoPlace.Phone,
            Touchpoints.Channel.Chat => DemoPlace.Chat,
            Touchpoints.Channel.Social => DemoPlace.Social,
            _ => DemoPlace.Online,
        };

    private static double CommentRate(DemoMood mood, double positive, double neutral, double negative) => mood switch
    {
        DemoMood.Positive => positive,
        DemoMood.Neutral => neutral,
        DemoMood.Negative => negative,
        _ => throw new ArgumentOutOfRangeException(nameof(mood), mood, "Unknown mood."),
    };

    private int Score(double mean, double spread, int min, int max) =>
        Math.Clamp((int)Math.Round(mean + (spread * Gaussian()), MidpointRounding.AwayFromZero), min, max);

    private DateTime TimeOn(DateOnly day, DemoWeek week)
    {
        var hours = DemoCalendar.Hours(week);
        var hour = PickWeighted(hours.Select((w, h) => (h, w)).ToList());
        return day.ToDateTime(new TimeOnly(hour, _random.Next(60), _random.Next(60)), DateTimeKind.Utc);
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    private T PickWeighted<T>(IReadOnlyList<(T Item, double Weight)> items)
    {
        var total = 0.0;
        foreach (var (_, weight) in items)
        {
            total += weight;
        }

        var roll = _random.NextDouble() * total;
        foreach (var (item, weight) in items)
        {
            roll -= weight;
            if (roll < 0)
            {
                return item;
            }
        }

        return items[^1].Item;
    }

    /// <summary>A standard normal draw (Box-Muller).</summary>
    private double Gaussian()
    {
        var u = 1.0 - _random.NextDouble();
        var v = _random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u)) * Math.Cos(2.0 * Math.PI * v);
    }
}
