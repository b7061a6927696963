using System.Text.Json;
using Loopwise.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Loopwise.Features.Cases;

/// <summary>
/// One line of the ordered assignment list (cx-reference.md §7): the first rule whose conditions all hold gives the
/// case to its team (or person). Empty conditions match everything.
/// </summary>
public sealed class AssignmentRule : ITenantOwned
{
    public Guid WorkspaceId { get; init; }

    public Guid Id { get; init; }

    public int Position { get; set; }

    public required string Name { get; set; }

    /// <summary>The conditions, an <see cref="AssignmentMatch"/> as JSON.</summary>
    public required string MatchJson { get; set; }

    public Guid? TeamId { get; set; }

    /// <summary>A named owner instead of a team.</summary>
    public Guid? UserId { get; set; }

    public AssignmentMatch Match => JsonSerializer.Deserialize<AssignmentMatch>(MatchJson, CaseJson.Options) ?? AssignmentMatch.Any;
}

/// <summary>
/// What an assignment rule matches: touchpoint keys (any of), dimension values of the customer (each listed dimension
/// any of its values: region, segment, plan...), topic keys (any of; a parent covers its children). Empty lists match all.
/// </summary>
public sealed record AssignmentMatch(IReadOnlyList<string>? Touchpoints, IReadOnlyDictionary<string, IReadOnlyList<string>>? Dimensions, IReadOnlyList<string>? Topics)
{
    public static AssignmentMatch Any { get; } = new([], new Dictionary<string, IReadOnlyList<string>>(), []);

    public bool Matches(string? touchpoint, IReadOnlyDictionary<string, string> dimensions, string? topic) =>
        (Touchpoints is not { Count: > 0 } || (touchpoint is not null && Touchpoints.Contains(touchpoint, StringComparer.OrdinalIgnoreCase)))
        && (Dimensions is not { Count: > 0 } || Dimensions.All(d =>
            d.Value.Count == 0 || (dimensions.TryGetValue(d.Key, out var value) && d.Value.Contains(value, StringComparer.OrdinalIgnoreCase))))
        && (Topics is not { Count: > 0 } || (topic is not null && Topics.Any(t =>
            topic.Equals(t, StringComparison.OrdinalIgnoreCase) || topic.StartsWith(t + "/", StringComparison.OrdinalIgnoreCase))));
}

internal sealed class AssignmentRuleConfiguration : IEntityTypeConfiguration<AssignmentRule>
{
    public void Configure(EntityTypeBuilder<AssignmentRule> builder)
    {
        builder.ToTable("case_assignment_rules");
        builder.HasKey(r => new { r.WorkspaceId, r.Id });
        builder.Property(r => r.Name).HasMaxLength(200);
        builder.Ignore(r => r.Match);
    }
}
