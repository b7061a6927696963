using System.Globalization;
using System.Text;
using Loopwise.Data;
using Loopwise.Features.Responses.Import;
using Loopwise.Web;

namespace Loopwise.Features.Commerce;

/// <summary>What a commerce CSV file holds.</summary>
public enum CommerceImportKind
{
    Customers,
    Orders,
    Subscriptions,
    Referrals,
    JourneySteps,
}

/// <summary>The outcome of a commerce import: counts, and every rejected or skipped row with its line.</summary>
public sealed record CommerceImportReport(CommerceImportKind Kind, int Rows, int Stored, IReadOnlyList<SkippedRow> Duplicates, IReadOnlyList<RowError> Errors)
{
    /// <summary>Lines of rejected rows, each once, in file order.</summary>
    public IReadOnlyList<int> RejectedLines => [.. Errors.Select(e => e.Line).Distinct().Order()];

    /// <summary>Writes the rejected rows as CSV: line, key, field, message.</summary>
    public async Task WriteErrorsCsvAsync(TextWriter writer)
    {
        await CsvText.WriteRowAsync(writer, ["line", "key", "field", "message"]);
        foreach (var error in Errors)
        {
            await CsvText.WriteRowAsync(writer, [error.Line.ToString(CultureInfo.InvariantCulture), error.ResponseId, error.Field, error.Message]);
        }
    }
}

/// <summary>
/// Imports customers, orders, subscriptions, referrals or journey steps from a CSV file with a header row (column
/// names are the API's field names in snake_case: <c>external_id, customer_external_id, ordered_at, amount_minor,
/// currency</c>...). Rows are checked exactly like API items; a bad row is reported with its line and column and never
/// stops the others; good rows are stored in chunks, each in its own transaction. Rows stored already are skipped as
/// duplicates, so importing a file again stores nothing twice.
/// </summary>
public sealed class CommerceImporter(
    CustomerIngest customers, OrderIngest orders, SubscriptionIngest subscriptions, ReferralIngest referrals, JourneyStepIngest journeySteps, WorkspaceScope scope)
{
    public const int ChunkSize = 1_000;

    private static readonly string[] CustomerColumns = ["external_id", "email", "name", "language", "acquired_at", "acquisition_source", "referrer_external_id"];

    /// <summary>Required columns per kind.</summary>
    public static IReadOnlyList<string> RequiredColumns(CommerceImportKind kind) => kind switch
    {
        CommerceImportKind.Customers => ["external_id"],
        CommerceImportKind.Orders => ["external_id", "customer_external_id", "ordered_at", "amount_minor", "currency"],
        CommerceImportKind.Subscriptions => ["external_id", "customer_external_id", "plan", "started_at", "mrr_minor", "currency"],
        CommerceImportKind.Referrals => ["referrer_external_id", "referred_external_id", "referred_at"],
        _ => ["journey", "step", "session_id", "state", "at"],
    };

    public Task<Result<CommerceImportReport>> ImportAsync(CommerceImportKind kind, Stream data, IProgress<ImportProgress>? progress, CancellationToken ct) => kind switch
    {
        CommerceImportKind.Customers => RunAsync(kind, customers, data, progress, (row, fail) => new CustomerInput(
            row["external_id"], row["email"], row["name"], row["language"],
            row.Others(CustomerColumns), row.Time("acquired_at", fail), row["acquisition_source"], row["referrer_external_id"]), ct),
        CommerceImportKind.Orders => RunAsync(kind, orders, data, progress, (row, fail) => new OrderInput(
            row["external_id"], row["customer_external_id"], row.Time("ordered_at", fail), row.Long("amount_minor", fail), row["currency"], row["channel"], row["touchpoint_key"]), ct),
        CommerceImportKind.Subscriptions => RunAsync(kind, subscriptions, data, progress, (row, fail) => new SubscriptionInput(
            row["external_id"], row["customer_external_id"], row["plan"], row.Time("started_at", fail), row.Long("mrr_minor", fail), row["currency"], row.Time("cancelled_at", fail)), ct),
        CommerceImportKind.Referrals => RunAsync(kind, referrals, data, progress, (row, fail) => new ReferralInput(
            row["referrer_external_id"], row["referred_external_id"], row.Time("referred_at", fail), row.Time("converted_at", fail)), ct),
        _ => RunAsync(kind, journeySteps, data, progress, (row, fail) => new JourneyStepInput(
            row["journey"], row["step"], row["session_id"], row["state"], row.Time("at", fail), row["customer_external_id"], row["touchpoint_key"]), ct),
    };

    private async Task<Result<CommerceImportReport>> RunAsync<TInput, TFact>(
        CommerceImportKind kind, FactIngest<TInput, TFact> ingest, Stream data, IProgress<ImportProgress>? progress, Func<Row, Action<string, string>, TInput> map, CancellationToken ct)
        where TInput : class
        where TFact : class
    {
        using var text = new StreamReader(data, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        var csv = new CsvRecordReader(text);
        if (csv.Read() is not { } header)
        {
            return Error.Invalid.Field("file", "The file is empty: the first line must name the columns.");
        }

        var columns = header.Fields.Select(h => h.Trim().ToLowerInvariant()).ToArray();
        var missing = RequiredColumns(kind).Where(c => !columns.Contains(c, StringComparer.Ordinal)).ToList();
        if (missing.Count > 0)
        {
            return Error.Invalid.Field("file", $"The header has no {string.Join(", ", missing)} column(s); a {kind} file needs {string.Join(", ", RequiredColumns(kind))}.");
        }

        var errors = new List<RowError>();
        var skipped = new List<SkippedRow>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var chunk = new List<(int Line, TInput Item)>(ChunkSize);
        var (rows, stored) = (0, 0);
        long? total = data.CanSeek ? data.Length : null;
        while (csv.Read() is { } record)
        {
            rows++;
            if (record.Fields.Length != columns.Length)
            {
                errors.Add(new RowError(record.Line, null, "row", FormattableString.Invariant($"The row has {record.Fields.Length} fields; the header has {columns.Length}.")));
            }
            else
            {
                var bad = false;
                var item = map(new Row(columns, record.Fields), (field, message) =>
                {
                    bad = true;
                    errors.Add(new RowError(record.Line, null, field, message));
                });
                if (!bad)
                {
                    chunk.Add((record.Line, item));
                }
            }

            if (chunk.Count == ChunkSize)
            {
                stored += await ingest.ImportChunkAsync(scope.WorkspaceId, chunk, errors, skipped, seen, ct);
                chunk.Clear();
                progress?.Report(new ImportProgress(data.CanSeek ? data.Position : 0, total, rows, stored));
            }
        }

        if (chunk.Count > 0)
        {
            stored += await ingest.ImportChunkAsync(scope.WorkspaceId, chunk, errors, skipped, seen, ct);
        }

        progress?.Report(new ImportProgress(total ?? 0, total, rows, stored));
        return new CommerceImportReport(kind, rows, stored, [.. skipped.OrderBy(s => s.Line)], [.. errors.OrderBy(e => e.Line)]);
    }

    /// <summary>One CSV row by column name; blank fields are null.</summary>
    private sealed class Row(string[] columns, string[] fields)
    {
        private static readonly string[] TimeFormats = ["yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd HH:mm:ss.FFFFFFF", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd"];

        public string? this[string column] => Array.IndexOf(columns, column) is var i and >= 0 && !string.IsNullOrWhiteSpace(fields[i]) ? fields[i].Trim() : null;

        public Dictionary<string, string?> Others(string[] known)
        {
            var others = new Dictionary<string, string?>(StringComparer.Ordinal);
            for (var i = 0; i < columns.Length; i++)
            {
                if (columns[i].Length > 0 && !known.Contains(columns[i], StringComparer.Ordinal) && !string.IsNullOrWhiteSpace(fields[i]))
                {
                    others[columns[i]] = fields[i].Trim();
                }
            }

            return others;
        }

        public DateTime? Time(string column, Action<string, string> fail)
        {
            if (this[column] is not { } value)
            {
                return null;
            }

            if (DateTime.TryParseExact(value, TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var time))
            {
                return DateTime.SpecifyKind(time, DateTimeKind.Utc);
            }

            fail(column, $"'{value}' is not a time: use ISO 8601, e.g. 2026-03-01T12:00:00Z (UTC unless an offset is given).");
            return null;
        }

        public long? Long(string column, Action<string, string> fail)
        {
            if (this[column] is not { } value)
            {
                return null;
            }

            if (long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
            {
                return number;
            }

            fail(column, $"'{value}' is not a whole number of minor units (cents), e.g. 1999.");
            return null;
        }
    }
}
