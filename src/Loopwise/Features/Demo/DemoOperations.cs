using System.Globalization;
using Loopwise.Features.Commerce;
using Loopwise.Features.Support;

namespace Loopwise.Features.Demo;

/// <summary>
/// The demo's facts beyond surveys, stored through the same ingestion services as the API (so their rollups are the
/// product's own): support tickets with their replies (first response times in business hours, bots, repeat contacts,
/// reopens), memberships of the Trail and Summit clubs as subscriptions with a monthly churn, how customers were
/// acquired (referrals among them) and their orders in CAD (club members buy more often; a few refunds), so that
/// revenue per customer and CLV have data. Volumes follow the number of responses and customers.
/// </summary>
public sealed class DemoOperations(IngestTickets tickets, SubscriptionIngest subscriptions, CustomerIngest customers, OrderIngest orders)
{
    private const int Batch = 2_000;
    private static readonly string[] Issues = ["delivery", "returns", "sizing", "payment", "account", "warranty"];
    private static readonly (string Channel, string Touchpoint, int Weight)[] SupportChannels =
        [("phone", "contact-centre", 40), ("chat", "live-chat", 30), ("email", "returns-portal", 20), ("social", "social-care", 10)];

    private static readonly (string Source, int Weight)[] Sources = [("referral", 18), ("organic", 40), ("paid", 30), ("retail", 12)];

    public async Task AddAsync(Guid workspaceId, DemoOptions options, DemoCalendar calendar, IReadOnlyList<DemoCustomer> people, IProgress<DemoProgress>? progress, CancellationToken ct)
    {
        var random = new Random(options.Seed + 11);
        var ticketCount = Math.Max(40, options.Responses / 8);
        var ticketInputs = Tickets(random, ticketCount, calendar, people).ToList();
        var membershipInputs = Memberships(random, calendar, people).ToList();
        var acquisitionInputs = Acquisitions(random, calendar, people).ToList();
        var orderInputs = Orders(new Random(options.Seed + 13), calendar, people, acquisitionInputs).ToList();
        var total = ticketInputs.Count + membershipInputs.Count + acquisitionInputs.Count + orderInputs.Count;
        long done = 0;
        progress?.Report(new DemoProgress(DemoStep.Operations, 0, total));
        void Step(int count)
        {
            done += count;
            progress?.Report(new DemoProgress(DemoStep.Operations, done, total));
        }

        foreach (var chunk in ticketInputs.Chunk(Batch))
        {
            Check(await tickets.HandleAsync(workspaceId, chunk, null, ct), "tickets");
            Step(chunk.Length);
        }

        foreach (var chunk in membershipInputs.Chunk(Batch))
        {
            Check(await subscriptions.IngestAsync(workspaceId, chunk, null, ct), "subscriptions");
            Step(chunk.Length);
        }

        foreach (var chunk in acquisitionInputs.Chunk(Batch))
        {
            Check(await customers.IngestAsync(workspaceId, chunk, null, ct), "customers");
            Step(chunk.Length);
        }

        foreach (var chunk in orderInputs.Chunk(Batch))
        {
            Check(await orders.IngestAsync(workspaceId, chunk, null, ct), "orders");
            Step(chunk.Length);
        }
    }

    /// <summary>
    /// Orders in CAD over the demo year, none before the customer's acquisition: about 1.5 a year per customer and 4 per
    /// club member, a basket of about 95 CAD (log-normal, 15 to 600), more in November and December; about one order in
    /// 30 is refunded a few days later (a negative order).
    /// </summary>
    private static IEnumerable<OrderInput?> Orders(Random random, DemoCalendar calendar, IReadOnlyList<DemoCustomer> people, IReadOnlyList<CustomerInput?> acquisitions)
    {
        var first = calendar.FirstDay.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var last = calendar.LastDay.ToDateTime(new TimeOnly(23, 0), DateTimeKind.Utc);
        var acquired = acquisitions.OfType<CustomerInput>().Where(a => a.ExternalId is not null && a.AcquiredAt is not null)
            .ToDictionary(a => a.ExternalId!, a => a.AcquiredAt!.Value, StringComparer.Ordinal);
        var number = 0;
        foreach (var person in people)
        {
            var since = acquired.TryGetValue(person.ExternalId, out var at) && at > first ? at : first;
            var days = (last - since).TotalDays;
            var perYear = person.Member ? 4.0 : 1.5;
            var count = Poisson(random, perYear * days / DemoCalendar.Days);
            for (var i = 0; i < count; i++)
            {
                var when = since.AddDays(random.NextDouble() * days);
                if (when.Month is not (11 or 12) && random.NextDouble() < 0.2)
                {
                    when = since.AddDays(random.NextDouble() * days); // a second draw: the holiday season gets more of them
                }

                var cents = (long)Math.Round(Math.Clamp(Math.Exp(4.4 + ((random.NextDouble() + random.NextDouble() + random.NextDouble() - 1.5) * 0.9)), 15, 600) * 100);
                number++;
                var id = string.Create(CultureInfo.InvariantCulture, $"NW-{200_000 + number}");
                yield return new OrderInput(id, person.ExternalId, when, cents, "CAD", "web");
                var refundedAt = when.AddDays(random.Next(2, 15));
                if (random.NextDouble() < 1.0 / 30 && refundedAt < last)
                {
                    yield return new OrderInput(id + "-R", person.ExternalId, refundedAt, -cents, "CAD", "web");
                }
            }
        }
    }

    private static int Poisson(Random random, double mean)
    {
        // Knuth's method: fine for the small means used here.
        var (limit, product, count) = (Math.Exp(-mean), random.NextDouble(), 0);
        while (product > limit)
        {
            count++;
            product *= random.NextDouble();
        }

        return count;
    }

    private static IEnumerable<TicketInput?> Tickets(Random random, int count, DemoCalendar calendar, IReadOnlyList<DemoCustomer> people)
    {
        var lastDay = calendar.LastDay.ToDateTime(new TimeOnly(17, 0), DateTimeKind.Utc);
        for (var i = 0; i < count; i++)
        {
            var customer = people[random.Next(people.Count)];
            var (channel, touchpoint, _) = Weighted(random, SupportChannels, c => c.Weight);
            var day = calendar.FirstDay.AddDays(random.Next(0, DemoCalendar.Days));
            // Most customers write during opening hours (09:00-17:00 UTC); some in the evening or at the weekend.
            var hour = random.NextDouble() < 0.85 ? random.Next(9, 17) : random.Next(17, 22);
            var created = day.ToDateTime(new TimeOnly(hour, random.Next(0, 60)), DateTimeKind.Utc);
            var issue = Issues[random.Next(Issues.Length)];
            yield return Ticket($"ZD-{100_000 + (2 * i)}", customer, channel, touchpoint, issue, created, lastDay, random);

            // About one issue in five comes back within a week: repeat contacts lower first contact resolution.
            if (random.NextDouble() < 0.2 && created.AddDays(7) < lastDay)
            {
                var again = created.AddHours(random.Next(4, 24 * 6));
                yield return Ticket($"ZD-{100_000 + (2 * i) + 1}", customer, channel, touchpoint, issue, again, lastDay, random);
            }
        }
    }

    private static TicketInput Ticket(string id, DemoCustomer customer, string channel, string touchpoint, string issue, DateTime created, DateTime lastDay, Random random)
    {
        var events = new List<TicketEventInput?>();
        if (random.NextDouble() < 0.15)
        {
            events.Add(new TicketEventInput("message", created.AddMinutes(1), "outbound", "bot")); // an auto-reply does not stop the clock
        }

        // First human reply: log-normal delay, median about 1.3 h, long tail (social media is answered faster).
        var hours = Math.Exp(0.25 + (random.NextDouble() + random.NextDouble() + random.NextDouble() - 1.5) * 1.6) * (channel == "social" ? 0.5 : 1);
        var reply = created.AddMinutes(Math.Max(2, hours * 60));
        if (reply < lastDay && random.NextDouble() > 0.03)
        {
            events.Add(new TicketEventInput("message", reply, "outbound", "human"));
            var solved = reply.AddHours(random.Next(1, 48));
            if (solved < lastDay)
            {
                events.Add(new TicketEventInput("status", solved, Status: "solved"));
                if (random.NextDouble() < 0.05 && solved.AddDays(1) < lastDay)
                {
                    events.Add(new TicketEventInput("message", solved.AddHours(20), "inbound"));
                    events.Add(new TicketEventInput("status", solved.AddHours(21), Status: "reopened"));
                }
            }
        }

        return new TicketInput(id, customer.ExternalId, channel, touchpoint, issue, $"About my {issue}", created, "customer", events);
    }

    private static IEnumerable<SubscriptionInput?> Memberships(Random random, DemoCalendar calendar, IReadOnlyList<DemoCustomer> people)
    {
        var first = calendar.FirstDay.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var last = calendar.LastDay.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        foreach (var member in people.Where(p => p.Member))
        {
            // Most memberships are older than the demo year; about one in five starts during it.
            var started = random.NextDouble() < 0.2 ? first.AddDays(random.Next(0, DemoCalendar.Days)) : first.AddDays(-random.Next(30, 3 * 365));
            DateTime? cancelled = null;
            var monthlyChurn = member.Plan == "Summit Club" ? 0.008 : 0.018;
            for (var month = started < first ? first : started.AddDays(30); month < last; month = month.AddMonths(1))
            {
                if (random.NextDouble() < monthlyChurn)
                {
                    cancelled = month.AddDays(random.Next(0, 28));
                    break;
                }
            }

            var mrr = member.Plan == "Summit Club" ? 2_900 : 900;
            yield return new SubscriptionInput($"SUB-{member.ExternalId}", member.ExternalId, member.Plan, started, mrr, "CAD", cancelled < last ? cancelled : null);
        }
    }

    private static IEnumerable<CustomerInput?> Acquisitions(Random random, DemoCalendar calendar, IReadOnlyList<DemoCustomer> people)
    {
        var first = calendar.FirstDay.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var members = people.Where(p => p.Member).ToList();
        foreach (var person in people)
        {
            // A third of the customers were acquired during the demo year, the others before it.
            var acquired = random.NextDouble() < 0.33
                ? first.AddDays(random.Next(0, DemoCalendar.Days)).AddHours(random.Next(8, 20))
                : first.AddDays(-random.Next(1, 4 * 365));
            var source = Weighted(random, Sources, s => s.Weight).Source;
            var referrer = source == "referral" && members.Count > 0 ? members[random.Next(members.Count)].ExternalId : null;
            if (referrer == person.ExternalId)
            {
                (source, referrer) = ("organic", null);
            }

            yield return new CustomerInput(person.ExternalId, AcquiredAt: acquired, AcquisitionSource: source, ReferrerExternalId: referrer);
        }
    }

    private static T Weighted<T>(Random random, IReadOnlyList<T> items, Func<T, int> weight)
    {
        var pick = random.Next(items.Sum(weight));
        foreach (var item in items)
        {
            pick -= weight(item);
            if (pick < 0)
            {
                return item;
            }
        }

        return items[^1];
    }

    private static void Check<T>(Web.Result<T> result, string what)
    {
        if (!result.IsSuccess)
        {
            var details = result.Error is Web.Error.Invalid invalid ? string.Join("; ", invalid.Fields.Take(5).Select(f => $"{f.Key}: {string.Join(' ', f.Value)}")) : string.Empty;
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"The demo's {what} were refused: {result.Error!.Message} {details}"));
        }
    }
}
