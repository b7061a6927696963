using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Loopwise.Core.Surveys;
using Loopwise.Features.Surveys;
using Loopwise.Features.Touchpoints;
using Loopwise.Features.Workspaces;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SurveyEntity = Loopwise.Features.Surveys.Survey;

namespace Loopwise.Features.Respond;

/// <summary>
/// The public links that currently open a survey (singleton): workspace, published survey, parsed definition and pages,
/// and touchpoint, by workspace slug + link token + touchpoint key, so a respondent's GET and POST need no lookups.
/// <para>
/// Freshness rule: an entry is used for at most <see cref="Lifetime"/>, and never after any workspace, survey or
/// touchpoint was saved through EF in this process (<see cref="ChangeSignal"/> bumps a generation that every entry
/// carries). So a survey closed or edited here takes effect on the very next request; one changed by another server
/// process (or by raw SQL) within <see cref="Lifetime"/>. Only surveys that can be answered are cached: a draft,
/// closed or unknown link is looked up every time.
/// </para>
/// </summary>
public sealed class PublishedLinks(TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(2);

    private const int MaxEntries = 4_096;
    private static long s_generation;
    private readonly ConcurrentDictionary<(string Slug, string Token, string TouchpointKey), Entry> _entries = new();

    /// <summary>Invalidates every cached link of this process (any instance).</summary>
    public static void Invalidate() => Interlocked.Increment(ref s_generation);

    /// <summary>The current generation, read before loading what <see cref="Store"/> will keep.</summary>
    public static long Generation => Interlocked.Read(ref s_generation);

    public Entry? Find(string slug, string token, string? touchpointKey)
    {
        if (_entries.TryGetValue((slug, token, touchpointKey ?? string.Empty), out var entry)
            && entry.Generation == Generation && clock.GetTimestamp() < entry.ExpiresAt)
        {
            return entry;
        }

        return null;
    }

    /// <summary>Keeps a published link loaded while the generation was <paramref name="generation"/>.</summary>
    public void Store(string slug, string token, string? touchpointKey, long generation, Entry entry)
    {
        if (generation != Generation || entry.Survey.Status != SurveyStatus.Published)
        {
            return;
        }

        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }

        _entries[(slug, token, touchpointKey ?? string.Empty)] = entry with
        {
            Generation = generation,
            ExpiresAt = clock.GetTimestamp() + (long)(Lifetime.TotalSeconds * clock.TimestampFrequency),
        };
    }

    /// <summary>A published survey as a public link opens it. Shared between requests: never mutate.</summary>
    public sealed record Entry(
        Workspace Workspace,
        SurveyEntity Survey,
        SurveyDefinition Definition,
        IReadOnlyList<IReadOnlyList<Question>> Pages,
        Touchpoint? Touchpoint)
    {
        public long Generation { get; init; }

        public long ExpiresAt { get; init; }
    }

    /// <summary>Bumps the generation after EF saves a workspace, survey or touchpoint (registered on every context).</summary>
    public sealed class ChangeSignal : SaveChangesInterceptor
    {
        public static readonly ChangeSignal Instance = new();

        // A save that touches a workspace, survey or touchpoint bumps the generation before it runs (so a load racing
        // with it cannot be stored under the new generation) and again once it is done (so a load that read the old row
        // just before the write is dropped too).
        private readonly ConditionalWeakTable<DbContext, object> _saving = [];

        public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
        {
            Before(eventData.Context);
            return result;
        }

        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Before(eventData.Context);
            return ValueTask.FromResult(result);
        }

        public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
        {
            After(eventData.Context);
            return result;
        }

        public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
        {
            After(eventData.Context);
            return ValueTask.FromResult(result);
        }

        public override void SaveChangesFailed(DbContextErrorEventData eventData) => After(eventData.Context);

        public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
        {
            After(eventData.Context);
            return Task.CompletedTask;
        }

        private void Before(DbContext? context)
        {
            if (context is null)
            {
                return;
            }

            foreach (var entry in context.ChangeTracker.Entries())
            {
                if (entry.State is EntityState.Modified or EntityState.Deleted or EntityState.Added
                    && entry.Entity is SurveyEntity or Touchpoint or Workspace)
                {
                    Invalidate();
                    _saving.AddOrUpdate(context, this);
                    return;
                }
            }
        }

        private void After(DbContext? context)
        {
            if (context is not null && _saving.Remove(context))
            {
                Invalidate();
            }
        }
    }
}
