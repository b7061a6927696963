using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Bogus;
using Loopwise.Core.Surveys;
using Loopwise.Data;
using Loopwise.Features.CustomerHealth;
using Loopwise.Features.TextAnalytics;
using Loopwise.Features.Dimensions;
using Loopwise.Features.Audit;
using Loopwise.Features.Customers;
using Loopwise.Features.Responses;
using Loopwise.Features.Surveys;
using Loopwise.Features.Touchpoints;
using Loopwise.Features.Users;
using Loopwise.Features.Workspaces;
using Loopwise.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Loopwise.Features.Demo;

/// <summary>
/// Builds the Northwind Outfitters demo workspace: people for every role, an API key, touchpoints, three published
/// surveys, customers, and a year of responses stored through <see cref="ResponseWriter"/> so rollups agree with them.
/// A finished build is marked by a <c>demo.built</c> audit entry; a second run reuses it unless asked to reset.
/// </summary>
public sealed class DemoGenerator(
    LoopwiseDbContext db,
    WorkspaceService workspaces,
    UserService users,
    ApiKeyService keys,
    ResponseWriter writer,
    TimeProvider clock,
    DimensionCatalog dimensionCatalog,
    DemoOperations operations,
    HealthScoring healthScoring,
    TextReanalysis textAnalysis,
    DemoCases demoCases)
{
    public const string BuiltAction = "demo.built";

    public async Task<Result<DemoResult>> BuildAsync(DemoOptions options, IProgress<DemoProgress>? progress, CancellationToken ct)
    {
        var stopwatch = Stopwatch.StartNew();
        var now = clock.GetUtcNow().UtcDateTime;
        var calendar = new DemoCalendar(DateOnly.FromDateTime(now).AddDays(-1));

        var workspace = await workspaces.FindBySlugAsync(options.Slug, ct);
        if (workspace is not null)
        {
            db.Scope.Set(workspace.Id);
            var finished = await db.Set<AuditEntry>().AnyAsync(a => a.Action == BuiltAction, ct);
            if (finished && !options.Reset)
            {
                return await SummaryAsync(workspace, calendar, alreadyBuilt: true, apiKey: null, stopwatch.Elapsed, ct);
            }

            if (!finished && !options.Reset)
            {
                return new Error.Conflict(
                    $"Workspace '{options.Slug}' exists but holds no finished demo build (an earlier build was interrupted, or it is not a demo). " +
                    "Run again with --reset to delete its data and build the demo.");
            }

            await DeleteWorkspaceRowsAsync(workspace.Id, ct);
        }
        else
        {
            var created = await workspaces.CreateAsync(options.Slug, DemoCompany.Name, ct);
            if (!created.IsSuccess)
            {
                return created.Error!;
            }

            workspace = created.Value!;
            db.Scope.Set(workspace.Id);
        }

        progress?.Report(new DemoProgress(DemoStep.Workspace, 0, 3));
        foreach (var account in DemoCompany.Accounts(options.Slug))
        {
            var added = await users.AddAsync(workspace.Id, account.Email, account.DisplayName, DemoCompany.Password, account.Roles, ct);
            if (!added.IsSuccess)
            {
                return added.Error!;
            }
        }

        var key = await keys.CreateAsync(workspace.Id, "Demo key (all scopes)", [.. Permissions.All], ct);
        if (!key.IsSuccess)
        {
            return key.Error!;
        }

        progress?.Report(new DemoProgress(DemoStep.Workspace, 1, 3));
        var since = calendar.FirstDay.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var touchpointIds = await AddTouchpointsAndDimensionsAsync(workspace.Id, since, ct);
        var surveyIds = await AddSurveysAsync(workspace.Id, since.AddDays(-30), ct);
        progress?.Report(new DemoProgress(DemoStep.Workspace, 3, 3));

        var customers = await AddCustomersAsync(workspace.Id, options, since, progress, ct);
        await AddResponsesAsync(workspace.Id, options, calendar, surveyIds, touchpointIds, customers, progress, ct);
        await operations.AddAsync(workspace.Id, options, calendar, customers, progress, ct);
        await healthScoring.ScoreAllAsync("demo", null, ct);

        // The comments' jobs would be worked by the server; analysing them here makes the demo complete when it opens.
        await textAnalysis.RunAsync(new DemoCommentsProgress(progress), ct);
        await demoCases.AddAsync(workspace.Id, options.Seed, clock.GetUtcNow().UtcDateTime, ct);

        db.Add(new AuditEntry
        {
            WorkspaceId = workspace.Id,
            Id = Guid.CreateVersion7(),
            At = clock.GetUtcNow().UtcDateTime,
            Actor = "cli",
            Action = BuiltAction,
            Target = "workspace:" + workspace.Slug,
            Details = string.Create(CultureInfo.InvariantCulture, $"seed={options.Seed}; responses={options.Responses}; customers={options.CustomerCount}"),
        });
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();

        return await SummaryAsync(workspace, calendar, alreadyBuilt: false, key.Value!.Key, stopwatch.Elapsed, ct);
    }

    private async Task<DemoResult> SummaryAsync(Workspace workspace, DemoCalendar calendar, bool alreadyBuilt, string? apiKey, TimeSpan elapsed, CancellationToken ct)
    {
        var channels = await db.Set<Touchpoint>().Select(t => t.Channel).Distinct().CountAsync(ct);
        var touchpoints = await db.Set<Touchpoint>().CountAsync(ct);
        var surveys = await db.Set<Survey>().CountAsync(ct);
        var customers = await db.Set<Customer>().CountAsync(ct);
        var completed = await db.Set<SurveyResponse>().LongCountAsync(r => r.CompletedAt != null, ct);
        var partial = await db.Set<SurveyResponse>().LongCountAsync(r => r.CompletedAt == null, ct);
        var from = alreadyBuilt ? await FirstDayAsync(ct) ?? calendar.FirstDay : calendar.FirstDay;
        var to = alreadyBuilt ? await LastDayAsync(ct) ?? calendar.LastDay : calendar.LastDay;
        return new DemoResult(
            workspace.Id, workspace.Slug, workspace.Name, alreadyBuilt, touchpoints, channels, surveys, customers, completed, partial,
            from, to, DemoCompany.Accounts(workspace.Slug), DemoCompany.Password, apiKey, elapsed);
    }

    private async Task<DateOnly?> FirstDayAsync(CancellationToken ct) =>
        await db.Set<SurveyResponse>().Where(r => r.CompletedAt != null).MinAsync(r => r.CompletedAt, ct) is { } first ? DateOnly.FromDateTime(first) : null;

    private async Task<DateOnly?> LastDayAsync(CancellationToken ct) =>
        await db.Set<SurveyResponse>().Where(r => r.CompletedAt != null).MaxAsync(r => r.CompletedAt, ct) is { } last ? DateOnly.FromDateTime(last) : null;

    private async Task<Dictionary<string, Guid>> AddTouchpointsAndDimensionsAsync(Guid workspaceId, DateTime createdAt, CancellationToken ct)
    {
        var ids = new Dictionary<string, Guid>(StringComparer.Ordinal);
        foreach (var touchpoint in DemoCompany.Touchpoints)
        {
            var id = Guid.CreateVersion7();
            ids[touchpoint.Key] = id;
            db.Add(new Touchpoint
            {
                WorkspaceId = workspaceId,
                Id = id,
                Key = touchpoint.Key,
                Name = touchpoint.Name,
                Channel = touchpoint.Channel,
                JourneyStage = touchpoint.Stage,
                CreatedAt = createdAt,
            });
        }

        // The customer attributes the demo's dashboards slice by.
        var position = 0;
        foreach (var (attribute, label) in new[] { ("region", "Region"), ("plan", "Plan"), ("value_tier", "Value tier") })
        {
            db.Add(new WorkspaceDimension { WorkspaceId = workspaceId, Attribute = attribute, Label = label, Position = position++, CreatedAt = createdAt });
        }

        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        dimensionCatalog.Invalidate(workspaceId);
        return ids;
    }

    private async Task<Dictionary<DemoSurvey, Guid>> AddSurveysAsync(Guid workspaceId, DateTime createdAt, CancellationToken ct)
    {
        var ids = new Dictionary<DemoSurvey, Guid>();
        foreach (var survey in Enum.GetValues<DemoSurvey>())
        {
            var definition = DemoSurveys.Definition(survey);
            var errors = SurveyDefinitionValidator.Validate(definition);
            if (errors.Count > 0)
            {
                throw new InvalidOperationException($"Demo survey {survey} is invalid: {string.Join("; ", errors.Select(e => e.Path + ": " + e.Message))}");
            }

            var id = Guid.CreateVersion7();
            ids[survey] = id;
            db.Add(new Survey
            {
                WorkspaceId = workspaceId,
                Id = id,
                Name = DemoSurveys.Name(survey),
                Kind = DemoSurveys.Kind(survey),
                Status = SurveyStatus.Published,
                LinkToken = Tokens.Random(16),
                DefinitionJson = SurveyJson.Serialize(definition),
                Version = 1,
                CreatedAt = createdAt,
                UpdatedAt = createdAt,
            });
        }

        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return ids;
    }

    private async Task<List<DemoCustomer>> AddCustomersAsync(Guid workspaceId, DemoOptions options, DateTime createdAt, IProgress<DemoProgress>? progress, CancellationToken ct)
    {
        var random = new Random(options.Seed + 1);
        var english = new Faker("en") { Random = new Randomizer(options.Seed + 2) };
        var french = new Faker("fr") { Random = new Randomizer(options.Seed + 3) };
        var total = options.CustomerCount;
        var result = new List<DemoCustomer>(total);
        progress?.Report(new DemoProgress(DemoStep.Customers, 0, total));
        for (var i = 0; i < total; i++)
        {
            var region = Weighted(random, DemoCompany.Regions, [16, 18, 12, 12, 16, 10, 9, 7]);
            var frenchSpeaking = random.NextDouble() < region switch
            {
                "Québec" => 0.85,
                "Ontario" => 0.08,
                _ => 0.005,
            };
            var faker = frenchSpeaking ? french : english;
            var first = faker.Name.FirstName();
            var last = faker.Name.LastName();
            var plan = Weighted(random, ["Guest", "Trail Club", "Summit Club"], [45, 40, 15]);
            var tier = Weighted(random, ["Low", "Medium", "High"], plan switch
            {
                "Summit Club" => [5, 35, 60],
                "Trail Club" => [25, 50, 25],
                _ => [55, 37, 8],
            });
            var attributes = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["region"] = region,
                ["plan"] = plan,
                ["value_tier"] = tier,
            };
            if (plan != "Guest")
            {
                attributes["member_since"] = (createdAt.Year - random.Next(0, 9)).ToString(CultureInfo.InvariantCulture);
            }

            var id = Guid.CreateVersion7();
            var language = frenchSpeaking ? "fr" : "en";
            var externalId = string.Create(CultureInfo.InvariantCulture, $"NW-{1_000_000 + i}");
            db.Add(new Customer
            {
                WorkspaceId = workspaceId,
                Id = id,
                ExternalId = externalId,
                Name = first + " " + last,
                Email = string.Create(CultureInfo.InvariantCulture, $"{Ascii(first)}.{Ascii(last)}{i % 97}@{(i % 3) switch { 0 => "example.com", 1 => "example.net", _ => "example.org" }}"),
                Language = language,
                AttributesJson = JsonSerializer.Serialize(attributes),
                CreatedAt = createdAt,
            });
            var shift = (tier switch { "High" => 0.04, "Low" => -0.03, _ => 0 }) + (plan == "Summit Club" ? 0.04 : 0);
            result.Add(new DemoCustomer(id, language, plan != "Guest", shift, externalId, plan));

            if ((i + 1) % 1000 == 0 || i + 1 == total)
            {
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
                progress?.Report(new DemoProgress(DemoStep.Customers, i + 1, total));
            }
        }

        return result;
    }

    private async Task AddResponsesAsync(
        Guid workspaceId,
        DemoOptions options,
        DemoCalendar calendar,
        Dictionary<DemoSurvey, Guid> surveyIds,
        Dictionary<string, Guid> touchpointIds,
        List<DemoCustomer> customers,
        IProgress<DemoProgress>? progress,
        CancellationToken ct)
    {
        var generator = new DemoResponses(options.Seed, calendar, surveyIds, touchpointIds, customers);
        var definitions = surveyIds.ToDictionary(s => s.Value, s => DemoSurveys.Definition(s.Key));
        var completed = new List<ResponseToStore>(options.ChunkSize);
        var partials = new List<DemoPartial>();
        var done = 0L;
        progress?.Report(new DemoProgress(DemoStep.Responses, 0, options.Responses));
        foreach (var (day, touchpoint, count) in generator.Plan(options.Responses))
        {
            for (var i = 0; i < count; i++)
            {
                var (response, abandoned) = generator.Next(day, touchpoint);
                completed.Add(response);
                if (abandoned is not null)
                {
                    partials.Add(abandoned);
                }

                if (completed.Count == options.ChunkSize)
                {
                    await StoreAsync(workspaceId, completed, partials, definitions, ct);
                    done += completed.Count;
                    completed.Clear();
                    partials.Clear();
                    progress?.Report(new DemoProgress(DemoStep.Responses, done, options.Responses));
                }
            }
        }

        await StoreAsync(workspaceId, completed, partials, definitions, ct);
        done += completed.Count;
        progress?.Report(new DemoProgress(DemoStep.Responses, done, options.Responses));
    }

    /// <summary>One chunk in one transaction: the abandoned responses with their started counts, then the completed ones.</summary>
    private async Task StoreAsync(
        Guid workspaceId,
        List<ResponseToStore> completed,
        List<DemoPartial> partials,
        Dictionary<Guid, SurveyDefinition> definitions,
        CancellationToken ct)
    {
        if (completed.Count == 0 && partials.Count == 0)
        {
            return;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var delta = new RollupDelta();
        foreach (var partial in partials)
        {
            db.Add(new SurveyResponse
            {
                WorkspaceId = workspaceId,
                Id = partial.Id,
                SurveyId = partial.SurveyId,
                SurveyVersion = 1,
                TouchpointId = partial.TouchpointId,
                CustomerId = partial.CustomerId,
                Channel = partial.Channel,
                Language = partial.Language,
                StartedAt = partial.StartedAt,
                AnswersJson = SurveyJson.Serialize(partial.Answers),
            });
            delta.AddStarted(partial.SurveyId, partial.TouchpointId, partial.StartedAt);
        }

        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        await writer.ApplyAsync(workspaceId, delta, ct);
        await writer.WriteCompletedAsync(workspaceId, completed, definitions, ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>
    /// Deletes every row of the workspace from every tenant table the model knows, dependents before the tables they
    /// reference, keeping the workspace itself (its id stays the same). People stay too: they are global.
    /// </summary>
    private async Task DeleteWorkspaceRowsAsync(Guid workspaceId, CancellationToken ct)
    {
        var tenantTypes = db.Model.GetEntityTypes().Where(t => typeof(ITenantOwned).IsAssignableFrom(t.ClrType)).ToList();
        var ordered = new List<string>();
        var remaining = tenantTypes.ToHashSet();
        while (remaining.Count > 0)
        {
            // A table may go once no remaining table references it.
            var free = remaining
                .Where(t => !remaining.Any(other => other != t && other.GetForeignKeys().Any(fk => fk.PrincipalEntityType == t)))
                .ToList();
            if (free.Count == 0)
            {
                free = [.. remaining]; // a cycle: let the database say so
            }

            foreach (var type in free.OrderBy(t => t.GetTableName(), StringComparer.Ordinal))
            {
                remaining.Remove(type);
                if (type.GetTableName() is { } table && !ordered.Contains(table, StringComparer.Ordinal))
                {
                    ordered.Add(table);
                }
            }
        }

        await db.Database.OpenConnectionAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var connection = db.Database.GetDbConnection();
        var workspace = new SqlValue(db.IsPostgres).Of(workspaceId);
        foreach (var table in ordered)
        {
            await using DbCommand command = connection.CreateCommand();
            command.Transaction = transaction.GetDbTransaction();
#pragma warning disable CA2100 // Table names come from the EF model, never from input.
            command.CommandText = "DELETE FROM " + table + " WHERE workspace_id = @w";
#pragma warning restore CA2100
            var parameter = command.CreateParameter();
            parameter.ParameterName = "w";
            parameter.Value = workspace;
            command.Parameters.Add(parameter);
            await command.ExecuteNonQueryAsync(ct);
        }

        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
    }

    private static string Weighted(Random random, IReadOnlyList<string> items, double[] weights)
    {
        var roll = random.NextDouble() * weights.Sum();
        for (var i = 0; i < items.Count; i++)
        {
            roll -= weights[i];
            if (roll < 0)
            {
                return items[i];
            }
        }

        return items[^1];
    }

    /// <summary>An e-mail-safe lower-case form of a name (accents dropped, other characters removed).</summary>
    private static string Ascii(string name)
    {
        const string accented = "àâäáãåçéèêëíìîïñóòôöõúùûüýÿœæ";
        const string plain = "aaaaaaceeeeiiiinooooouuuuyyoa";
        var builder = new System.Text.StringBuilder(name.Length);
        foreach (var c in name.ToLowerInvariant())
        {
            var index = accented.IndexOf(c, StringComparison.Ordinal);
            if (index >= 0)
            {
                builder.Append(plain[index]);
            }
            else if (c is >= 'a' and <= 'z')
            {
                builder.Append(c);
            }
        }

        return builder.Length > 0 ? builder.ToString() : "customer";
    }

    private sealed class DemoCommentsProgress(IProgress<DemoProgress>? progress) : IProgress<(int Done, int Total)>
    {
        public void Report((int Done, int Total) value) => progress?.Report(new DemoProgress(DemoStep.Comments, value.Done, value.Total));
    }
}
