using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Loopwise.Core.Surveys;
using Loopwise.Data;
using Loopwise.Features.Audit;
using Loopwise.Features.Customers;
using Loopwise.Features.Dimensions;
using Loopwise.Features.Responses;
using Loopwise.Features.Support;
using Loopwise.Features.Surveys;
using Loopwise.Features.Touchpoints;
using Loopwise.Features.Workspaces;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Loopwise.Dashboards;

/// <summary>What generation stored and how fast.</summary>
internal sealed record GenerationReport(long Customers, long Responses, long Tickets, long TicketEvents, TimeSpan CustomerTime, TimeSpan ResponseTime, TimeSpan TicketTime);

/// <summary>
/// Generates the benchmark workspace through the production writers: responses through
/// <see cref="ResponseWriter.WriteCompletedAsync"/> (rollups and dimension rollups maintained as in production; COPY on
/// PostgreSQL) and tickets with their events through <see cref="IngestTickets"/> (validation, customer resolution,
/// <see cref="TicketWriter"/> with its summaries and rollups). Deterministic for a seed (ids of tickets aside, which
/// the ingest use case draws itself).
/// </summary>
internal sealed class Generator(IServiceProvider services, BenchOptions options, BenchCalendar calendar)
{
    private static readonly string[] TicketChannelNames = ["email", "chat", "phone", "web", "social"];
    private static readonly double[] TicketChannelWeights = [0.35, 0.3, 0.2, 0.1, 0.05];
    private static readonly double[] MedianReplySeconds = [3 * 3600, 180, 45, 5 * 3600, 2 * 3600];
    private static readonly double[] MedianSolveSeconds = [20 * 3600, 2 * 3600, 1800, 24 * 3600, 8 * 3600];

    private readonly Random _random = new(options.Seed);
    private Guid _workspaceId;
    private Guid[] _customerIds = [];
    private double[] _customerMood = [];

    /// <summary>The workspace <c>bench</c>: its id and the marker's details when generation finished, or nulls.</summary>
    public static async Task<(Guid? Id, string? Marker)> FindAsync(IServiceProvider services, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var workspace = await scope.ServiceProvider.GetRequiredService<WorkspaceService>().FindBySlugAsync(BenchShape.Slug, ct);
        if (workspace is null)
        {
            return (null, null);
        }

        scope.ServiceProvider.GetRequiredService<WorkspaceScope>().Set(workspace.Id);
        var db = scope.ServiceProvider.GetRequiredService<LoopwiseDbContext>();
        var marker = await db.Set<AuditEntry>().AsNoTracking().Where(a => a.Action == BenchShape.MarkerAction).Select(a => a.Details).FirstOrDefaultAsync(ct);
        return (workspace.Id, marker ?? (await db.Set<AuditEntry>().AnyAsync(a => a.Action == BenchShape.MarkerAction, ct) ? string.Empty : null));
    }

    public async Task<GenerationReport> GenerateAsync(CancellationToken ct)
    {
        var definitions = await SetUpAsync(ct);
        GenerationReport? report = null;
        await AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var customers = context.AddTask("Customers", maxValue: options.Customers);
                var responses = context.AddTask("Responses", autoStart: false, maxValue: Math.Max(1, options.Responses));
                var tickets = context.AddTask("Tickets", autoStart: false, maxValue: Math.Max(1, options.Tickets));
                var customerTime = await CustomersAsync(customers, ct);
                responses.StartTask();
                var responseTime = await ResponsesAsync(definitions, responses, ct);
                tickets.StartTask();
                var (ticketTime, events) = await TicketsAsync(tickets, ct);
                report = new GenerationReport(options.Customers, options.Responses, options.Tickets, events, customerTime, responseTime, ticketTime);
            });

        await MarkAsync(ct);
        return report!;
    }

    /// <summary>
    /// Finishes a workspace whose customers and responses are stored but whose tickets were interrupted: deletes its
    /// tickets, their events and the ticket rollups, then generates the tickets again and marks the workspace done.
    /// </summary>
    public async Task<GenerationReport> ResumeTicketsAsync(Guid workspaceId, CancellationToken ct)
    {
        _workspaceId = workspaceId;
        await using (var scope = Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LoopwiseDbContext>();
            await db.Database.OpenConnectionAsync(ct);
            foreach (var table in new[] { "ticket_events", "tickets", "ticket_rollups", "ticket_month_rollups", "ticket_duration_rollups", "ticket_duration_month_rollups" })
            {
                await using var command = db.Database.GetDbConnection().CreateCommand();
#pragma warning disable CA2100 // Table names are the constants above.
                command.CommandText = $"DELETE FROM {table} WHERE workspace_id = @w";
#pragma warning restore CA2100
                command.CommandTimeout = 3600;
                var parameter = command.CreateParameter();
                parameter.ParameterName = "@w";
                parameter.Value = new SqlValue(db.IsPostgres).Of(workspaceId);
                command.Parameters.Add(parameter);
                await command.ExecuteNonQueryAsync(ct);
            }
        }

        GenerationReport? report = null;
        await AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var (ticketTime, events) = await TicketsAsync(context.AddTask("Tickets", maxValue: Math.Max(1, options.Tickets)), ct);
                report = new GenerationReport(0, 0, options.Tickets, events, TimeSpan.Zero, TimeSpan.Zero, ticketTime);
            });
        await MarkAsync(ct);
        return report!;
    }

    private async Task MarkAsync(CancellationToken ct)
    {
        await using var scope = Scope();
        var db = scope.ServiceProvider.GetRequiredService<LoopwiseDbContext>();
        db.Add(AuditEntry.Of(_workspaceId, calendar.Now, "bench", BenchShape.MarkerAction, "workspace", string.Create(CultureInfo.InvariantCulture,
            $"responses={options.Responses};tickets={options.Tickets};customers={options.Customers};seed={options.Seed};from={calendar.From:yyyy-MM-dd};to={calendar.Today:yyyy-MM-dd}")));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Workspace, touchpoints, surveys and the three dimensions.</summary>
    private async Task<Dictionary<Guid, SurveyDefinition>> SetUpAsync(CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var workspace = await scope.ServiceProvider.GetRequiredService<WorkspaceService>().CreateAsync(BenchShape.Slug, "Dashboard benchmark", ct);
        if (!workspace.IsSuccess)
        {
            throw new InvalidOperationException($"Cannot create the workspace '{BenchShape.Slug}': {workspace.Error}");
        }

        _workspaceId = workspace.Value!.Id;
        scope.ServiceProvider.GetRequiredService<WorkspaceScope>().Set(_workspaceId);
        var db = scope.ServiceProvider.GetRequiredService<LoopwiseDbContext>();
        var created = calendar.From.AddDays(-30).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        foreach (var (key, name, channel, stage) in BenchShape.Touchpoints)
        {
            db.Add(new Touchpoint { WorkspaceId = _workspaceId, Id = Id(created), Key = key, Name = name, Channel = channel, JourneyStage = stage, CreatedAt = created });
        }

        var definitions = new Dictionary<Guid, SurveyDefinition>();
        for (var i = 0; i < BenchShape.Surveys.Length; i++)
        {
            var definition = BenchShape.Definition(i);
            var survey = new Survey
            {
                WorkspaceId = _workspaceId, Id = Id(created), Name = BenchShape.Surveys[i].Name, Kind = BenchShape.Surveys[i].Kind, Status = SurveyStatus.Published,
                LinkToken = "bench" + i.ToString(CultureInfo.InvariantCulture), DefinitionJson = SurveyJson.Serialize(definition), CreatedAt = created, UpdatedAt = created,
            };
            db.Add(survey);
            definitions[survey.Id] = definition;
        }

        await db.SaveChangesAsync(ct);
        var dimensions = await scope.ServiceProvider.GetRequiredService<DimensionService>().ReplaceAsync(
            [new DimensionDto("region", "Region"), new DimensionDto("plan", "Plan"), new DimensionDto("value_tier", "Value tier")], "bench", ct);
        if (!dimensions.IsSuccess)
        {
            throw new InvalidOperationException($"Cannot declare the dimensions: {dimensions.Error}");
        }

        return definitions;
    }

    private async Task<TimeSpan> CustomersAsync(ProgressTask task, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        _customerIds = new Guid[options.Customers];
        _customerMood = new double[options.Customers];
        const int chunk = 10_000;
        for (var start = 0; start < options.Customers; start += chunk)
        {
            await using var scope = Scope();
            var db = scope.ServiceProvider.GetRequiredService<LoopwiseDbContext>();
            for (var i = start; i < Math.Min(options.Customers, start + chunk); i++)
            {
                var acquired = calendar.From.AddDays(-_random.Next(0, 1500)).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
                var region = BenchShape.Pick(BenchShape.Regions, _random);
                var plan = BenchShape.Pick(BenchShape.Plans, _random);
                var tier = BenchShape.Pick(BenchShape.ValueTiers, _random);
                _customerIds[i] = Id(acquired);
                _customerMood[i] = BenchShape.Regions[region].Effect + BenchShape.Plans[plan].Effect + BenchShape.ValueTiers[tier].Effect + 0.6 * BenchShape.Normal(_random);
                db.Add(new Customer
                {
                    WorkspaceId = _workspaceId, Id = _customerIds[i], ExternalId = CustomerKey(i), CreatedAt = acquired, AcquiredAt = acquired,
                    AttributesJson = JsonSerializer.Serialize(new Dictionary<string, string>(StringComparer.Ordinal)
                    {
                        ["region"] = BenchShape.Regions[region].Value, ["plan"] = BenchShape.Plans[plan].Value, ["value_tier"] = BenchShape.ValueTiers[tier].Value,
                    }),
                });
            }

            await db.SaveChangesAsync(ct);
            task.Value = Math.Min(options.Customers, start + chunk);
            task.Description = $"Customers {Rate(task.Value, watch.Elapsed)}";
        }

        return watch.Elapsed;
    }

    private async Task<TimeSpan> ResponsesAsync(Dictionary<Guid, SurveyDefinition> definitions, ProgressTask task, CancellationToken ct)
    {
        var surveys = definitions.Keys.ToArray();
        Dictionary<string, Guid> touchpoints;
        await using (var scope = Scope())
        {
            touchpoints = await scope.ServiceProvider.GetRequiredService<LoopwiseDbContext>().Set<Touchpoint>().AsNoTracking().ToDictionaryAsync(t => t.Key, t => t.Id, StringComparer.Ordinal, ct);
        }

        var shares = BenchShape.Surveys.Select(s => (s.Name, s.Share, 0.0)).ToArray();
        var perDay = calendar.Spread(options.Responses);
        var batch = new List<ResponseToStore>(options.ResponseBatch);
        var watch = Stopwatch.StartNew();
        long written = 0;
        for (var d = 0; d < perDay.Length; d++)
        {
            var day = calendar.Days[d];
            var mood = 0.35 * BenchCalendar.Mood(day);
            for (var k = 0L; k < perDay[d]; k++)
            {
                var s = BenchShape.Pick(shares, _random);
                var shape = BenchShape.Surveys[s];
                var touchpointKey = shape.Touchpoints[_random.Next(shape.Touchpoints.Length)];
                int? customer = _random.NextDouble() < 0.95 ? _random.Next(options.Customers) : null;
                var latent = (customer is { } c ? _customerMood[c] : 0) + mood + TouchpointEffect(touchpointKey);
                var answers = new Dictionary<string, AnswerValue>(StringComparer.Ordinal);
                foreach (var (id, type, _) in shape.Questions)
                {
                    var value = type switch
                    {
                        QuestionType.Nps => Clamp(7.2 + 1.3 * latent + 2.0 * BenchShape.Normal(_random), 0, 10),
                        QuestionType.Csat => Clamp(3.9 + 0.55 * latent + 0.85 * BenchShape.Normal(_random), 1, 5),
                        QuestionType.Ces => Clamp(2.4 - 0.5 * latent + 0.9 * BenchShape.Normal(_random), 1, 5),
                        _ => (int?)null,
                    };
                    if (value is { } v)
                    {
                        answers[id] = AnswerValue.OfNumber(v);
                    }
                    else if (_random.NextDouble() < 0.15)
                    {
                        answers[id] = AnswerValue.OfText(latent > 0 ? "Quick and friendly." : "Took too long.");
                    }
                }

                var completed = calendar.TimeOn(day, _random);
                batch.Add(new ResponseToStore(
                    Id(completed), surveys[s], 1, touchpoints[touchpointKey], customer is { } cu ? _customerIds[cu] : null, null,
                    ChannelOf(touchpointKey), "en", completed.AddSeconds(-_random.Next(20, 600)), completed, new AnswerSet(answers), null));
                if (batch.Count == options.ResponseBatch)
                {
                    written += await WriteAsync(batch, definitions, ct);
                    task.Value = written;
                    task.Description = $"Responses {Rate(written, watch.Elapsed)}";
                }
            }
        }

        written += await WriteAsync(batch, definitions, ct);
        task.Value = task.MaxValue;
        task.Description = $"Responses {Rate(written, watch.Elapsed)}";
        return watch.Elapsed;
    }

    private async Task<int> WriteAsync(List<ResponseToStore> batch, Dictionary<Guid, SurveyDefinition> definitions, CancellationToken ct)
    {
        if (batch.Count == 0)
        {
            return 0;
        }

        // A fresh scope per batch, as a request of the batch API would have.
        await using var scope = Scope();
        await scope.ServiceProvider.GetRequiredService<ResponseWriter>().WriteCompletedAsync(_workspaceId, batch, definitions, ct);
        var count = batch.Count;
        batch.Clear();
        return count;
    }

    private async Task<(TimeSpan Elapsed, long Events)> TicketsAsync(ProgressTask task, CancellationToken ct)
    {
        var perDay = calendar.Spread(options.Tickets);
        var followUps = new Dictionary<int, List<(int Customer, string Issue)>>();
        var batch = new List<TicketInput?>(options.TicketBatch);
        var watch = Stopwatch.StartNew();
        long written = 0, events = 0, number = 0, issues = 0;
        for (var d = 0; d < perDay.Length; d++)
        {
            var day = calendar.Days[d];
            var due = followUps.Remove(d, out var list) ? list : [];
            for (var k = 0; k < perDay[d]; k++)
            {
                int customer;
                string issue;
                if (k < due.Count)
                {
                    (customer, issue) = due[k];
                }
                else
                {
                    customer = _random.Next(options.Customers);
                    issue = "issue-" + (++issues).ToString(CultureInfo.InvariantCulture);
                }

                // About one issue in eight comes back within a few days: a repeat contact for the FCR rule.
                if (_random.NextDouble() < 0.12)
                {
                    var later = d + _random.Next(1, 10);
                    if (later < perDay.Length)
                    {
                        if (!followUps.TryGetValue(later, out var planned))
                        {
                            followUps[later] = planned = [];
                        }

                        planned.Add((customer, issue));
                    }
                }

                var ticket = Ticket(++number, customer, issue, calendar.TimeOn(day, _random));
                events += ticket.Events!.Count + 1;
                batch.Add(ticket);
                if (batch.Count == options.TicketBatch)
                {
                    written += await IngestAsync(batch, ct);
                    task.Value = written;
                    task.Description = $"Tickets {Rate(written, watch.Elapsed)}";
                }
            }
        }

        written += await IngestAsync(batch, ct);
        task.Value = task.MaxValue;
        task.Description = $"Tickets {Rate(written, watch.Elapsed)}";
        return (watch.Elapsed, events);
    }

    private TicketInput Ticket(long number, int customer, string issue, DateTime created)
    {
        var channel = Pick(TicketChannelWeights);
        var events = new List<TicketEventInput?> { new("message", created, Direction: "inbound") };
        if (channel == 0 && _random.NextDouble() < 0.3)
        {
            events.Add(new TicketEventInput("message", created.AddSeconds(30), Direction: "outbound", Author: "system"));
        }

        var reply = created.AddSeconds(LogNormal(MedianReplySeconds[channel], 1.1));
        if (_random.NextDouble() < 0.05)
        {
            events.Add(new TicketEventInput("transferred", created.AddSeconds((reply - created).TotalSeconds / 2)));
        }

        if (_random.NextDouble() < 0.97)
        {
            events.Add(new TicketEventInput("message", reply, Direction: "outbound", Author: "human"));
            var solved = reply.AddSeconds(LogNormal(MedianSolveSeconds[channel], 1.0));
            events.Add(new TicketEventInput("status", solved, Status: "solved"));
            if (_random.NextDouble() < 0.6)
            {
                events.Add(new TicketEventInput("resolved_flag", solved, Flag: true));
            }

            if (_random.NextDouble() < 0.07)
            {
                var back = solved.AddHours(1 + _random.NextDouble() * 47);
                events.Add(new TicketEventInput("message", back, Direction: "inbound"));
                events.Add(new TicketEventInput("status", back, Status: "reopened"));
                events.Add(new TicketEventInput("message", back.AddHours(1), Direction: "outbound", Author: "human"));
                events.Add(new TicketEventInput("status", back.AddHours(5), Status: "solved"));
            }
        }

        // Whatever has not happened yet is left out: recent tickets are still open.
        events.RemoveAll(e => e!.At > calendar.Now.AddMinutes(-1));
        return new TicketInput(
            "t" + number.ToString("D8", CultureInfo.InvariantCulture), CustomerKey(customer), TicketChannelNames[channel],
            channel switch { 0 => "email-support", 1 => "chat-support", 2 => "phone-support", _ => null },
            issue, "Question about my order", created, "customer", events);
    }

    private async Task<long> IngestAsync(List<TicketInput?> batch, CancellationToken ct)
    {
        if (batch.Count == 0)
        {
            return 0;
        }

        await using var scope = Scope();
        var result = await scope.ServiceProvider.GetRequiredService<IngestTickets>().HandleAsync(_workspaceId, batch, null, ct);
        if (!result.IsSuccess)
        {
            throw new InvalidOperationException($"The ticket batch was refused: {result.Error}");
        }

        var count = batch.Count;
        batch.Clear();
        return count;
    }

    private AsyncServiceScope Scope()
    {
        var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<WorkspaceScope>().Set(_workspaceId);
        return scope;
    }

    /// <summary>A version-7 shaped id (time ordered, as Guid.CreateVersion7) whose random part comes from the seeded generator.</summary>
    private Guid Id(DateTime at)
    {
        Span<byte> bytes = stackalloc byte[16];
        _random.NextBytes(bytes);
        var ms = (long)(at - DateTime.UnixEpoch).TotalMilliseconds;
        for (var i = 0; i < 6; i++)
        {
            bytes[i] = (byte)(ms >> (8 * (5 - i)));
        }

        bytes[6] = (byte)(0x70 | (bytes[6] & 0x0F));
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F));
        return new Guid(bytes, bigEndian: true);
    }

    private int Pick(double[] weights)
    {
        var x = _random.NextDouble();
        for (var i = 0; i < weights.Length; i++)
        {
            x -= weights[i];
            if (x < 0)
            {
                return i;
            }
        }

        return weights.Length - 1;
    }

    private double LogNormal(double median, double sigma) => Math.Min(30 * 86_400, median * Math.Exp(sigma * BenchShape.Normal(_random)));

    private static int Clamp(double value, int min, int max) => (int)Math.Clamp(Math.Round(value), min, max);

    private static string CustomerKey(int index) => "c" + index.ToString("D7", CultureInfo.InvariantCulture);

    private static double TouchpointEffect(string key) => key switch
    {
        "store-pos" => 0.4,
        "app-checkout" => 0.2,
        "sms-renewal" => -0.4,
        "phone-support" => -0.3,
        "email-support" => -0.5,
        _ => 0,
    };

    private static DistributionChannel ChannelOf(string touchpoint) => touchpoint switch
    {
        "store-pos" => DistributionChannel.Kiosk,
        "sms-renewal" => DistributionChannel.Sms,
        _ when touchpoint.StartsWith("email-", StringComparison.Ordinal) => DistributionChannel.Email,
        _ when touchpoint.StartsWith("app-", StringComparison.Ordinal) => DistributionChannel.InApp,
        _ when touchpoint.StartsWith("web-", StringComparison.Ordinal) => DistributionChannel.Widget,
        _ => DistributionChannel.Link,
    };

    private static string Rate(double rows, TimeSpan elapsed) =>
        string.Create(CultureInfo.InvariantCulture, $"{rows:N0} ({rows / Math.Max(0.001, elapsed.TotalSeconds):N0}/s)");
}
