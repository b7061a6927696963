using Loopwise.Core.Surveys;

namespace Loopwise.Features.Responses.Import;

/// <summary>A source column with what it holds for the survey being imported into.</summary>
/// <param name="Source">The column.</param>
/// <param name="Role">What it holds.</param>
/// <param name="Question">For answers: the question.</param>
/// <param name="ChoiceLabel">SurveyMonkey multiple-choice sub-column: the option it stands for (cell filled = selected).</param>
public sealed record MappedColumn(SourceColumn Source, ColumnRole Role, Question? Question = null, string? ChoiceLabel = null);

/// <summary>
/// Decides what each column holds: a known metadata column of the format, or the answer to a question matched by an
/// explicit <c>--map column=questionId</c>, by question id (column id or Qualtrics ImportId), or by question text
/// (any language; case and spacing ignored).
/// </summary>
public static class ColumnMapping
{
    private static readonly Dictionary<string, ColumnRole> QualtricsMeta = new(StringComparer.OrdinalIgnoreCase)
    {
        ["StartDate"] = ColumnRole.StartedAt,
        ["EndDate"] = ColumnRole.CompletedAt,
        ["Finished"] = ColumnRole.Finished,
        ["ResponseId"] = ColumnRole.ResponseId,
        ["_recordId"] = ColumnRole.ResponseId,
        ["RecipientEmail"] = ColumnRole.Email,
        ["ExternalReference"] = ColumnRole.CustomerId,
        ["externalDataReference"] = ColumnRole.CustomerId,
        ["UserLanguage"] = ColumnRole.Language,
        ["Status"] = ColumnRole.Ignored,
        ["IPAddress"] = ColumnRole.Ignored,
        ["Progress"] = ColumnRole.Ignored,
        ["Duration (in seconds)"] = ColumnRole.Ignored,
        ["duration"] = ColumnRole.Ignored,
        ["RecordedDate"] = ColumnRole.Ignored,
        ["RecipientLastName"] = ColumnRole.Ignored,
        ["RecipientFirstName"] = ColumnRole.Ignored,
        ["LocationLatitude"] = ColumnRole.Ignored,
        ["LocationLongitude"] = ColumnRole.Ignored,
        ["DistributionChannel"] = ColumnRole.Ignored,
    };

    private static readonly Dictionary<string, ColumnRole> SurveyMonkeyMeta = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Respondent ID"] = ColumnRole.ResponseId,
        ["Start Date"] = ColumnRole.StartedAt,
        ["End Date"] = ColumnRole.CompletedAt,
        ["Email Address"] = ColumnRole.Email,
    };

    private static readonly Dictionary<string, ColumnRole> CsvMeta = new(StringComparer.OrdinalIgnoreCase)
    {
        ["response_id"] = ColumnRole.ResponseId,
        ["customer_id"] = ColumnRole.CustomerId,
        ["email"] = ColumnRole.Email,
        ["touchpoint"] = ColumnRole.Touchpoint,
        ["language"] = ColumnRole.Language,
        ["started_at"] = ColumnRole.StartedAt,
        ["completed_at"] = ColumnRole.CompletedAt,
        ["channel"] = ColumnRole.Ignored,
    };

    public sealed record Outcome(IReadOnlyList<MappedColumn> Columns, IReadOnlyList<string> Warnings, IReadOnlyList<string> Errors);

    public static Outcome Build(ImportFormat format, IReadOnlyList<SourceColumn> columns, SurveyDefinition definition, IReadOnlyDictionary<string, string> explicitMap)
    {
        var warnings = new List<string>();
        var errors = new List<string>();
        var explicitKeys = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (column, questionId) in explicitMap)
        {
            if (definition.FindQuestion(questionId.Trim()) is null)
            {
                errors.Add($"--map {column}={questionId}: the survey has no question '{questionId}'.");
            }
            else if (!columns.Any(c => Names(c).Any(n => string.Equals(n, AnswerReader.Squash(column), StringComparison.OrdinalIgnoreCase))))
            {
                errors.Add($"--map {column}={questionId}: the file has no column '{column}'.");
            }

            explicitKeys[AnswerReader.Squash(column)] = questionId.Trim();
        }

        var mapped = new List<MappedColumn>();
        var usedBy = new Dictionary<string, SourceColumn>(StringComparer.Ordinal);
        foreach (var column in columns)
        {
            var meta = format switch
            {
                ImportFormat.Qualtrics => Lookup(QualtricsMeta, column.Id) ?? Lookup(QualtricsMeta, column.ImportId),
                ImportFormat.SurveyMonkey => column.Index < SourceLayout.SurveyMonkeyFixedColumns.Length ? Lookup(SurveyMonkeyMeta, column.Id) ?? ColumnRole.Ignored : null,
                _ => Lookup(CsvMeta, column.Id),
            };
            if (meta is { } role)
            {
                mapped.Add(new MappedColumn(column, role));
                continue;
            }

            var question = FindQuestion(column, definition, explicitKeys);
            if (question is null)
            {
                if (column.Id.Length > 0 || column.Text is { Length: > 0 })
                {
                    warnings.Add($"Column '{column.Name}' matches no question of the survey and is ignored (use --map \"{column.Name}=questionId\").");
                }

                mapped.Add(new MappedColumn(column, ColumnRole.Ignored));
                continue;
            }

            if (format == ImportFormat.SurveyMonkey && column.Group != column.Index || columns.Any(c => c.Group == column.Index && c.Index != column.Index))
            {
                // A SurveyMonkey question over several columns: options of a multiple choice, or rows of a matrix.
                var sub = column.SubLabel ?? string.Empty;
                if (sub.StartsWith("Other", StringComparison.OrdinalIgnoreCase))
                {
                    warnings.Add($"Column '{column.Name}' / '{sub}' (an \"other\" text) is ignored.");
                    mapped.Add(new MappedColumn(column, ColumnRole.Ignored));
                    continue;
                }

                if (question.IsChoice && !sub.Equals("Response", StringComparison.OrdinalIgnoreCase))
                {
                    mapped.Add(new MappedColumn(column, ColumnRole.Answer, question, sub));
                    continue;
                }

                if (usedBy.TryGetValue(question.Id, out var first))
                {
                    warnings.Add($"Column '{column.Name}' / '{sub}' is ignored: question '{question.Id}' already reads column {first.Index + 1}.");
                    mapped.Add(new MappedColumn(column, ColumnRole.Ignored));
                    continue;
                }
            }

            if (usedBy.TryGetValue(question.Id, out var other) && other.Group != column.Group)
            {
                errors.Add($"Columns '{other.Name}' and '{column.Name}' both map to question '{question.Id}'; pick one with --map.");
            }

            usedBy[question.Id] = column;
            mapped.Add(new MappedColumn(column, ColumnRole.Answer, question));
        }

        foreach (var question in definition.Questions.Where(q => !mapped.Any(m => m.Question == q)))
        {
            warnings.Add(question.Required
                ? $"Required question '{question.Id}' has no column: every row will be rejected unless it is hidden by its condition (use --map)."
                : $"Question '{question.Id}' has no column.");
        }

        return new Outcome(mapped, warnings, errors);
    }

    private static Question? FindQuestion(SourceColumn column, SurveyDefinition definition, Dictionary<string, string> explicitKeys)
    {
        foreach (var name in Names(column))
        {
            if (explicitKeys.TryGetValue(name, out var id))
            {
                return definition.FindQuestion(id);
            }
        }

        var byId = definition.Questions.FirstOrDefault(q =>
            string.Equals(q.Id, column.Id, StringComparison.OrdinalIgnoreCase)
            || string.Equals(q.Id, column.ImportId, StringComparison.OrdinalIgnoreCase));
        if (byId is not null)
        {
            return byId;
        }

        var texts = new[] { column.Text, column.Id }
            .Where(t => !string.IsNullOrWhiteSpace(t))
            .Select(t => AnswerReader.Squash(StripQualtricsSuffix(t!)))
            .ToList();
        return definition.Questions.FirstOrDefault(q => q.Text.Values.Values.Any(text =>
            texts.Contains(AnswerReader.Squash(text), StringComparer.OrdinalIgnoreCase)));
    }

    private static IEnumerable<string> Names(SourceColumn column)
    {
        yield return AnswerReader.Squash(column.Id);
        if (column.Text is { Length: > 0 } text)
        {
            yield return AnswerReader.Squash(text);
        }

        if (column.ImportId is { Length: > 0 } importId)
        {
            yield return importId;
        }
    }

    // Qualtrics appends " - Selected Choice" to the text of a choice column that has an "other" text box.
    private static string StripQualtricsSuffix(string text) =>
        text.EndsWith(" - Selected Choice", StringComparison.OrdinalIgnoreCase) ? text[..^" - Selected Choice".Length] : text;

    private static ColumnRole? Lookup(Dictionary<string, ColumnRole> table, string? key) =>
        key is not null && table.TryGetValue(key.Trim(), out var role) ? role : null;
}
