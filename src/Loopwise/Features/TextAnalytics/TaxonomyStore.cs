using Loopwise.Core.Text.Topics;
using Loopwise.Data;
using Loopwise.Features.Audit;
using Loopwise.Features.Jobs;
using Loopwise.Web;
using Microsoft.EntityFrameworkCore;

namespace Loopwise.Features.TextAnalytics;

/// <summary>
/// The current workspace's topic taxonomy. Until a person saves one, the starter taxonomy of the retail industry is in
/// force (version 0). A save compiles the whole taxonomy first: any rule that does not parse refuses the save with the
/// topic and the character position, and nothing is stored. A save is audited and queues the re-analysis of the
/// workspace's comments, since their topics may change.
/// </summary>
public sealed class TaxonomyStore(LoopwiseDbContext db, SqliteWriteGate gate, TimeProvider clock, JobQueue queue)
{
    public const string DefaultIndustry = "retail";

    public const int MaxTopics = 500;

    public async Task<WorkspaceTaxonomy> CurrentAsync(CancellationToken ct)
    {
        var row = await db.Set<TextTaxonomyRow>().AsNoTracking().SingleOrDefaultAsync(ct);
        return row is null
            ? new WorkspaceTaxonomy(DefaultIndustry, 0, StarterTaxonomies.For(DefaultIndustry), null, null)
            : new WorkspaceTaxonomy(row.Industry, row.Version, TaxonomyJson.Deserialize(row.TopicsJson), row.UpdatedAt, row.UpdatedBy);
    }

    /// <summary>
    /// Saves <paramref name="topics"/> as the next version. <paramref name="expectedVersion"/> is the version the editor
    /// started from: a save over someone else's newer save is a conflict rather than a silent overwrite.
    /// </summary>
    public async Task<Result<WorkspaceTaxonomy>> SaveAsync(string? industry, IReadOnlyList<TopicDto>? topics, int expectedVersion, string actor, CancellationToken ct)
    {
        if (industry is not null && !StarterTaxonomies.Industries.Contains(industry, StringComparer.Ordinal))
        {
            return Error.Invalid.Field("industry", $"The industry is one of: {string.Join(", ", StarterTaxonomies.Industries)}.");
        }

        if (topics is null)
        {
            return Error.Invalid.Field("topics", "A taxonomy is a list of topics {key, name, rule}.");
        }

        if (topics.Count > MaxTopics)
        {
            return Error.Invalid.Field("topics", $"A taxonomy has at most {MaxTopics} topics.");
        }

        var definitions = topics.Select(t => t.ToDefinition()).ToList();
        var fields = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        for (var i = 0; i < definitions.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(definitions[i].Name))
            {
                Add(fields, $"topics[{i}].name", "A topic needs a name.");
            }
        }

        var compiled = TopicTaxonomy.Compile(definitions);
        foreach (var error in compiled.Errors)
        {
            var index = definitions.FindIndex(d => string.Equals(d.Key, error.Key, StringComparison.Ordinal));
            var path = index < 0 ? "topics" : error.Position >= 0 ? $"topics[{index}].rule" : $"topics[{index}].key";
            Add(fields, path, error.Position >= 0 ? $"{error.Key}: at character {error.Position + 1}: {error.Message}" : $"{error.Key}: {error.Message}");
        }

        if (fields.Count > 0)
        {
            return new Error.Invalid(fields.ToDictionary(f => f.Key, f => f.Value.ToArray(), StringComparer.Ordinal), "The taxonomy was not saved.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        using (await gate.EnterAsync(ct))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var row = await db.Set<TextTaxonomyRow>().SingleOrDefaultAsync(ct);
            var current = row?.Version ?? 0;
            if (current != expectedVersion)
            {
                return new Error.Conflict($"The taxonomy was saved by {row?.UpdatedBy ?? "someone"} since version {expectedVersion} was read (it is now version {current}). Reload it and apply the change again.");
            }

            var json = TaxonomyJson.Serialize(definitions);
            if (row is null)
            {
                row = new TextTaxonomyRow
                {
                    WorkspaceId = db.Scope.WorkspaceId,
                    Industry = industry ?? DefaultIndustry,
                    Version = 1,
                    TopicsJson = json,
                    UpdatedAt = now,
                    UpdatedBy = actor,
                };
                db.Add(row);
            }
            else
            {
                row.Industry = industry ?? row.Industry;
                row.Version++;
                row.TopicsJson = json;
                row.UpdatedAt = now;
                row.UpdatedBy = actor;
            }

            db.Add(AuditEntry.Of(db.Scope.WorkspaceId, now, actor, "text_taxonomy.save", $"text_taxonomy:{row.Version}",
                $"{definitions.Count} topics, industry {row.Industry}"));
            queue.Enqueue(TextReanalysisJob.For(db.Scope.WorkspaceId, row.Version, null));
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return new WorkspaceTaxonomy(row.Industry, row.Version, definitions, row.UpdatedAt, row.UpdatedBy);
        }
    }

    private static void Add(Dictionary<string, List<string>> fields, string path, string message)
    {
        if (!fields.TryGetValue(path, out var messages))
        {
            fields[path] = messages = [];
        }

        messages.Add(message);
    }
}
