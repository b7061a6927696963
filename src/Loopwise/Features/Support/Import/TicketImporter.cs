using System.Globalization;
using System.Text;
using Loopwise.Data;
using Loopwise.Features.Responses;
using Loopwise.Features.Responses.Import;
using Loopwise.Features.Touchpoints;
using Loopwise.Web;
using Microsoft.EntityFrameworkCore;

namespace Loopwise.Features.Support.Import;

/// <summary>Layouts <see cref="TicketImporter"/> reads.</summary>
public enum TicketImportFormat
{
    /// <summary>Zendesk Support's CSV ticket export (Id, Requester id, Via, Created at, First reply time in minutes...).</summary>
    Zendesk,

    /// <summary>Our plain layout: external_id, customer_id, channel, touchpoint_key, issue_key, subject, created_at, created_by, first_response_at, solved_at, reopens, status, agent_fcr, transferred.</summary>
    Csv,
}

/// <summary>The outcome of a ticket import: counts, every rejected row with its line and field, every duplicate, and what was not mapped.</summary>
public sealed record TicketImportReport(int Rows, int Imported, IReadOnlyList<SkippedRow> Duplicates, IReadOnlyList<RowError> Errors, IReadOnlyList<string> Warnings)
{
    public IReadOnlyList<int> RejectedLines => [.. Errors.Select(e => e.Line).Distinct().Order()];
}

/// <summary>
/// Imports tickets from a Zendesk export or our plain CSV. A summary export has no event log, so each row becomes the
/// events it implies: created; a public human reply at created + first reply time; a solve at "Solved at" (or the
/// status time); each reopen as a reopened/solved pair at the solve. Our business-hours FRT is derived from the
/// workspace calendar, not copied from Zendesk. Bad rows are reported with their line and never stop the others;
/// valid rows are stored in chunks, each in its own transaction; tickets already stored are reported as duplicates.
/// </summary>
public sealed class TicketImporter(LoopwiseDbContext db, TicketWriter writer, CustomerDirectory customers, SqliteWriteGate gate, TimeProvider clock)
{
    public const int ChunkSize = 1_000;

    private static readonly string[] DateFormats =
    [
        "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ssK",
        "yyyy-MM-dd HH:mm:ss K", "M/d/yyyy H:mm", "M/d/yyyy H:mm:ss", "M/d/yyyy h:mm tt", "yyyy-MM-dd",
    ];

    private static readonly string[] ZendeskUsed =
    [
        "Id", "Requester", "Requester id", "Requester email", "Subject", "Status", "Via", "Created at", "Solved at", "First reply time in minutes", "Reopens",
    ];

    public async Task<Result<TicketImportReport>> ImportAsync(TicketImportFormat format, Stream data, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        using var text = new StreamReader(data, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        var csv = new CsvRecordReader(text);
        if (csv.Read() is not { } header)
        {
            return Error.Invalid.Field("file", "The file is empty: a header row is expected.");
        }

        var columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Fields.Length; i++)
        {
            columns.TryAdd(header.Fields[i].Trim(), i);
        }

        var required = format == TicketImportFormat.Zendesk ? new[] { "Id", "Created at", "Via" } : ["external_id", "created_at", "channel"];
        var missing = required.Where(c => !columns.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            return Error.Invalid.Field("file", $"The header lacks the column(s) {string.Join(", ", missing)} of a {format.ToString().ToLowerInvariant()} ticket export.");
        }

        var warnings = new List<string>();
        if (format == TicketImportFormat.Zendesk)
        {
            var ignored = columns.Keys.Where(c => !ZendeskUsed.Contains(c, StringComparer.OrdinalIgnoreCase)).ToList();
            if (ignored.Count > 0)
            {
                warnings.Add($"Not imported (no place in the ticket model yet): {string.Join(", ", ignored)}.");
            }

            if (columns.ContainsKey("First reply time in minutes within business hours"))
            {
                warnings.Add("Business-hours first reply time is derived from this workspace's calendar, not copied from Zendesk's.");
            }

            warnings.Add("Zendesk times are read as UTC.");
        }

        var touchpoints = await db.Set<Touchpoint>().AsNoTracking().ToDictionaryAsync(t => t.Key, t => t.Id, StringComparer.Ordinal, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var run = new Run();
        var chunk = new List<Row>();
        long? total = data.CanSeek ? data.Length : null;
        while (csv.Read() is { } record)
        {
            run.Rows++;
            string? Field(string name) => columns.TryGetValue(name, out var i) && i < record.Fields.Length && record.Fields[i].Trim() is { Length: > 0 } v ? v : null;
            var rowErrors = new List<RowError>();
            var input = format == TicketImportFormat.Zendesk
                ? ReadZendesk(Field, record.Line, rowErrors)
                : ReadCsv(Field, record.Line, rowErrors);
            if (input is not null && rowErrors.Count == 0)
            {
                var ticket = IngestTickets.ReadNew(Guid.Empty, input, input.ExternalId!, touchpoints, now, (f, m) => rowErrors.Add(new RowError(record.Line, input.ExternalId, f, m)));
                var events = new List<TicketEventData>();
                foreach (var e in input.Events ?? [])
                {
                    if (ticket is not null && IngestTickets.ReadEvent(e, ticket.CreatedAt, now, (f, m) => rowErrors.Add(new RowError(record.Line, input.ExternalId, "events." + f, m))) is { } d)
                    {
                        events.Add(d);
                    }
                }

                if (ticket is not null && rowErrors.Count == 0)
                {
                    chunk.Add(new Row(record.Line, ticket, input.CustomerExternalId, events));
                }
            }

            run.Errors.AddRange(rowErrors);
            if (chunk.Count == ChunkSize)
            {
                await FlushAsync(run, chunk, ct);
            }

            if (run.Rows % 200 == 0)
            {
                progress?.Report(new ImportProgress(data.CanSeek ? data.Position : 0, total, run.Rows, run.Imported));
            }
        }

        await FlushAsync(run, chunk, ct);
        progress?.Report(new ImportProgress(total ?? 0, total, run.Rows, run.Imported));
        return new TicketImportReport(run.Rows, run.Imported, run.Duplicates, [.. run.Errors.OrderBy(e => e.Line)], warnings);
    }

    private static TicketInput? ReadZendesk(Func<string, string?> field, int line, List<RowError> errors)
    {
        var id = field("Id");
        void Fail(string column, string message) => errors.Add(new RowError(line, id, column, message));
        if (id is null)
        {
            Fail("Id", "The ticket id is empty.");
            return null;
        }

        var created = Date(field("Created at"), "Created at", Fail);
        var (channel, createdBy) = Via(field("Via"));
        if (channel is null)
        {
            Fail("Via", $"'{field("Via")}' is not a Zendesk channel we can map (email, web form, chat, messaging, phone, social, mobile, SMS, API).");
        }

        var events = new List<TicketEventInput?>();
        if (field("First reply time in minutes") is { } minutesText)
        {
            if (long.TryParse(minutesText, NumberStyles.None, CultureInfo.InvariantCulture, out var minutes))
            {
                if (created is { } c)
                {
                    events.Add(new TicketEventInput("message", c.AddMinutes(minutes), "outbound", "human", true));
                }
            }
            else
            {
                Fail("First reply time in minutes", $"'{minutesText}' is not a whole number of minutes.");
            }
        }

        var status = field("Status")?.ToLowerInvariant() switch
        {
            null => null,
            "hold" or "on-hold" or "on hold" => "on_hold",
            var s => s,
        };
        var solvedAt = Date(field("Solved at"), "Solved at", Fail);
        var reopens = 0;
        if (field("Reopens") is { } reopensText && !int.TryParse(reopensText, NumberStyles.None, CultureInfo.InvariantCulture, out reopens))
        {
            Fail("Reopens", $"'{reopensText}' is not a whole number.");
        }

        AddStatusEvents(events, solvedAt, reopens, status, created);
        return errors.Count > 0 ? null : new TicketInput(
            id, field("Requester id") ?? field("Requester email") ?? field("Requester"), channel, null, null, field("Subject"), created, createdBy, events);
    }

    private static TicketInput? ReadCsv(Func<string, string?> field, int line, List<RowError> errors)
    {
        var id = field("external_id");
        void Fail(string column, string message) => errors.Add(new RowError(line, id, column, message));
        if (id is null)
        {
            Fail("external_id", "The ticket id is empty.");
            return null;
        }

        var created = Date(field("created_at"), "created_at", Fail);
        var events = new List<TicketEventInput?>();
        if (Date(field("first_response_at"), "first_response_at", Fail) is { } reply)
        {
            events.Add(new TicketEventInput("message", reply, "outbound", "human", true));
        }

        var reopens = 0;
        if (field("reopens") is { } reopensText && !int.TryParse(reopensText, NumberStyles.None, CultureInfo.InvariantCulture, out reopens))
        {
            Fail("reopens", $"'{reopensText}' is not a whole number.");
        }

        if (Bool(field("transferred"), "transferred", Fail) == true)
        {
            events.Add(new TicketEventInput("transferred", created));
        }

        if (Bool(field("agent_fcr"), "agent_fcr", Fail) is { } flag)
        {
            events.Add(new TicketEventInput("resolved_flag", created, Flag: flag));
        }

        AddStatusEvents(events, Date(field("solved_at"), "solved_at", Fail), reopens, field("status")?.ToLowerInvariant(), created);
        return errors.Count > 0 ? null : new TicketInput(
            id, field("customer_id"), field("channel"), field("touchpoint_key"), field("issue_key"), field("subject"), created, field("created_by"), events);
    }

    private static void AddStatusEvents(List<TicketEventInput?> events, DateTime? solvedAt, int reopens, string? status, DateTime? created)
    {
        if (solvedAt is { } solved)
        {
            events.Add(new TicketEventInput("status", solved, Status: "solved"));
            for (var i = 0; i < reopens; i++)
            {
                events.Add(new TicketEventInput("status", solved, Status: "reopened"));
                events.Add(new TicketEventInput("status", solved, Status: "solved"));
            }
        }

        if (status is not null && status != "solved" && !(status == "closed" && solvedAt is not null) && created is { } c)
        {
            events.Add(new TicketEventInput("status", solvedAt ?? c, Status: status));
        }
    }

    /// <summary>Zendesk "Via" to our channel and creator.</summary>
    private static (string? Channel, string CreatedBy) Via(string? via) => via?.Trim().ToLowerInvariant() switch
    {
        null => (null, "customer"),
        "email" or "mail" or "closed ticket" => ("email", "customer"),
        "web form" or "web widget" or "web" or "help center" or "api" or "web service" => ("web", "customer"),
        "chat" or "messaging" or "native messaging" => ("chat", "customer"),
        "phone call (incoming)" or "voicemail" or "phone" => ("phone", "customer"),
        "phone call (outgoing)" => ("phone", "agent"),
        "twitter" or "facebook" or "instagram" or "whatsapp" or "x corp" or "social" => ("social", "customer"),
        "mobile sdk" or "mobile" or "mobile app" => ("app", "customer"),
        "sms" or "text" => ("sms", "customer"),
        "ticket sharing" or "side conversation" => ("email", "agent"),
        _ => (null, "customer"),
    };

    private static DateTime? Date(string? text, string column, Action<string, string> fail)
    {
        if (text is null)
        {
            return null;
        }

        if (DateTime.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var value))
        {
            return DateTime.SpecifyKind(value, DateTimeKind.Utc);
        }

        fail(column, $"'{text}' is not a date and time (e.g. 2026-11-23 09:15:00).");
        return null;
    }

    private static bool? Bool(string? text, string column, Action<string, string> fail)
    {
        switch (text?.ToLowerInvariant())
        {
            case null:
                return null;
            case "true" or "yes" or "1":
                return true;
            case "false" or "no" or "0":
                return false;
            default:
                fail(column, $"'{text}' is not true or false.");
                return null;
        }
    }

    private async Task FlushAsync(Run run, List<Row> chunk, CancellationToken ct)
    {
        if (chunk.Count == 0)
        {
            return;
        }

        var ids = chunk.Select(r => r.Ticket.ExternalId).ToList();
        var stored = (await db.Set<Ticket>().AsNoTracking().Where(t => ids.Contains(t.ExternalId)).Select(t => t.ExternalId).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var fresh = new List<Row>();
        foreach (var row in chunk)
        {
            if (stored.Contains(row.Ticket.ExternalId) || !run.Seen.Add(row.Ticket.ExternalId))
            {
                run.Duplicates.Add(new SkippedRow(row.Line, row.Ticket.ExternalId));
            }
            else
            {
                fresh.Add(row);
            }
        }

        chunk.Clear();
        if (fresh.Count == 0)
        {
            return;
        }

        var workspaceId = db.Scope.WorkspaceId;
        using var turn = await gate.EnterAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var wanted = fresh.Where(r => r.Customer is not null).Select(r => r.Customer!.Trim()).Distinct(StringComparer.Ordinal).ToDictionary(c => c, _ => (string?)null, StringComparer.Ordinal);
        var customerIds = wanted.Count == 0 ? [] : await customers.ResolveAsync(workspaceId, wanted, ct);
        var tickets = fresh.Select(r => new Ticket
        {
            WorkspaceId = workspaceId, Id = r.Ticket.Id, ExternalId = r.Ticket.ExternalId, CustomerId = r.Customer is null ? null : customerIds[r.Customer.Trim()],
            Channel = r.Ticket.Channel, TouchpointId = r.Ticket.TouchpointId, IssueKey = r.Ticket.IssueKey, Subject = r.Ticket.Subject, CreatedAt = r.Ticket.CreatedAt,
            CreatedBy = r.Ticket.CreatedBy, Status = "new",
        }).ToList();
        await writer.WriteAsync(workspaceId, tickets, [.. fresh.SelectMany(r => r.Events.Select(e => (r.Ticket.Id, e)))], ct);
        await transaction.CommitAsync(ct);
        run.Imported += fresh.Count;
    }

    private sealed record Row(int Line, Ticket Ticket, string? Customer, List<TicketEventData> Events);

    private sealed class Run
    {
        public int Rows { get; set; }

        public int Imported { get; set; }

        public List<RowError> Errors { get; } = [];

        public List<SkippedRow> Duplicates { get; } = [];

        public HashSet<string> Seen { get; } = new(StringComparer.Ordinal);
    }
}
