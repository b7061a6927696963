using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Loopwise.Data;

/// <summary>
/// The one EF Core context. Entity mappings live beside their entities in the feature slices and are found by
/// <see cref="ModelBuilder.ApplyConfigurationsFromAssembly"/>. Every <see cref="ITenantOwned"/> entity gets a
/// query filter on the current <see cref="WorkspaceScope"/>: tenant isolation is enforced here, in one place.
/// </summary>
public sealed class LoopwiseDbContext(DbContextOptions<LoopwiseDbContext> options, WorkspaceScope scope) : DbContext(options)
{
    /// <summary>Read by the query filters; EF evaluates it per query, so a scope set after creation still applies.</summary>
    internal Guid CurrentWorkspaceId => scope.FilterId;

    public WorkspaceScope Scope => scope;

    private bool? _isPostgres;

    /// <summary>True on PostgreSQL (raw-SQL paths differ by provider); read once per context.</summary>
    public bool IsPostgres => _isPostgres ??= Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL";

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(LoopwiseDbContext).Assembly);

        foreach (var entityType in modelBuilder.Model.GetEntityTypes())
        {
            foreach (var property in entityType.GetProperties())
            {
                // A column named in a configuration (the month rollups' period column) keeps its name.
                if (property.FindAnnotation(RelationalAnnotationNames.ColumnName) is null)
                {
                    property.SetColumnName(SnakeCase.From(property.Name));
                }
            }

            if (typeof(ITenantOwned).IsAssignableFrom(entityType.ClrType))
            {
                var entity = Expression.Parameter(entityType.ClrType, "e");
                var filter = Expression.Lambda(
                    Expression.Equal(
                        Expression.Property(entity, nameof(ITenantOwned.WorkspaceId)),
                        Expression.Property(Expression.Constant(this), nameof(CurrentWorkspaceId))),
                    entity);
                modelBuilder.Entity(entityType.ClrType).HasQueryFilter(filter);
            }
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }
}
