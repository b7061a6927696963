using System.Globalization;
using Loopwise.Features.Responses.Import;
using Spectre.Console;

namespace Loopwise.Cli;

/// <summary>What every import verb prints: counts, every skipped and rejected row with its line, the optional errors file.</summary>
internal sealed record ImportSummary(
    int Rows,
    int Stored,
    IReadOnlyList<SkippedRow> Duplicates,
    IReadOnlyList<RowError> Errors,
    IReadOnlyList<string> Warnings,
    Func<SkippedRow, string> DescribeDuplicate,
    Func<TextWriter, Task> WriteErrorsCsvAsync);

/// <summary>The console side shared by the import verbs (responses, tickets, customers and commerce facts).</summary>
internal static class ImportConsole
{
    /// <summary>Runs <paramref name="import"/> with a progress bar over the bytes of <paramref name="file"/>.</summary>
    public static Task<T> WithProgressAsync<T>(FileInfo file, Func<IProgress<ImportProgress>, Task<T>> import) =>
        AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async progress =>
            {
                var task = progress.AddTask($"Importing {file.Name}", maxValue: Math.Max(1, file.Length));
                var reporter = new Progress<ImportProgress>(p =>
                {
                    task.Value = p.BytesRead;
                    task.Description = $"Importing {file.Name}: {p.Rows.ToString("N0", CultureInfo.InvariantCulture)} rows";
                });
                var outcome = await import(reporter);
                task.Value = task.MaxValue;
                return outcome;
            });

    /// <summary>The rejected rows as CSV: line, the row's id under <paramref name="idColumn"/>, field, message.</summary>
    public static async Task WriteErrorsCsvAsync(TextWriter writer, IReadOnlyList<RowError> errors, string idColumn)
    {
        await CsvText.WriteRowAsync(writer, ["line", idColumn, "field", "message"]);
        foreach (var error in errors)
        {
            await CsvText.WriteRowAsync(writer, [error.Line.ToString(CultureInfo.InvariantCulture), error.ResponseId, error.Field, error.Message]);
        }
    }

    /// <summary>Prints the report (every rejected row, with its line) and writes the errors file; 0 when nothing was rejected.</summary>
    public static async Task<int> ReportAsync(ImportSummary report, FileInfo? errorsFile)
    {
        foreach (var warning in report.Warnings)
        {
            await Console.Error.WriteLineAsync($"warning: {warning}");
        }

        var rejected = report.Errors.Select(e => e.Line).Distinct().Count();
        await Console.Out.WriteLineAsync($"Rows read: {report.Rows}. Stored: {report.Stored}. Skipped as duplicates: {report.Duplicates.Count}. Rejected: {rejected}.");
        foreach (var skipped in report.Duplicates)
        {
            await Console.Out.WriteLineAsync($"  line {skipped.Line}: {report.DescribeDuplicate(skipped)}");
        }

        foreach (var error in report.Errors)
        {
            await Console.Out.WriteLineAsync($"  line {error.Line}: {error.Field}: {error.Message}");
        }

        if (errorsFile is not null)
        {
            await using var writer = new StreamWriter(errorsFile.FullName);
            await report.WriteErrorsCsvAsync(writer);
            await Console.Out.WriteLineAsync($"Rejected rows written to {errorsFile.FullName}.");
        }

        return report.Errors.Count == 0 ? 0 : 1;
    }
}
