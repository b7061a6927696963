using System.Text.Json;
using Loopwise.Data;
using Loopwise.Features.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Loopwise.Features.Alerts;

/// <summary>
/// An alert rule (issue 5): conditions on a new response and the actions taken when they all hold. Evaluated by the
/// <c>alerts.evaluate</c> job that the response's write queued, so nothing is lost if the process dies.
/// </summary>
public sealed class AlertRule : ITenantOwned
{
    public Guid WorkspaceId { get; init; }

    public Guid Id { get; init; }

    public required string Name { get; set; }

    public bool Enabled { get; set; } = true;

    /// <summary>An <see cref="AlertConditions"/> as JSON.</summary>
    public required string ConditionsJson { get; set; }

    /// <summary>An <see cref="AlertActions"/> as JSON.</summary>
    public required string ActionsJson { get; set; }

    public DateTime CreatedAt { get; init; }

    public DateTime UpdatedAt { get; set; }

    public AlertConditions Conditions => JsonSerializer.Deserialize<AlertConditions>(ConditionsJson, CaseJson.Options)!;

    public AlertActions Actions => JsonSerializer.Deserialize<AlertActions>(ActionsJson, CaseJson.Options)!;
}

/// <summary>A rule fired on a response: stored with the rule's effects, so a job that runs again fires nothing twice.</summary>
public sealed class AlertFiring : ITenantOwned
{
    public Guid WorkspaceId { get; init; }

    public Guid RuleId { get; init; }

    public Guid ResponseId { get; init; }

    public DateTime FiredAt { get; init; }

    /// <summary>The case opened (or the open case it was folded into), if the rule opens cases.</summary>
    public Guid? CaseId { get; init; }
}

/// <summary>A label put on a response by an alert rule (or by hand).</summary>
public sealed class ResponseTag : ITenantOwned
{
    public Guid WorkspaceId { get; init; }

    public Guid ResponseId { get; init; }

    public required string Tag { get; init; }

    public DateTime TaggedAt { get; init; }
}

internal sealed class AlertRuleConfiguration : IEntityTypeConfiguration<AlertRule>
{
    public void Configure(EntityTypeBuilder<AlertRule> builder)
    {
        builder.ToTable("alert_rules");
        builder.HasKey(r => new { r.WorkspaceId, r.Id });
        builder.Property(r => r.Name).HasMaxLength(200);
        builder.Ignore(r => r.Conditions);
        builder.Ignore(r => r.Actions);
    }
}

internal sealed class AlertFiringConfiguration : IEntityTypeConfiguration<AlertFiring>
{
    public void Configure(EntityTypeBuilder<AlertFiring> builder)
    {
        builder.ToTable("alert_firings");
        builder.HasKey(f => new { f.WorkspaceId, f.RuleId, f.ResponseId });
        builder.HasIndex(f => new { f.WorkspaceId, f.ResponseId });
    }
}

internal sealed class ResponseTagConfiguration : IEntityTypeConfiguration<ResponseTag>
{
    public void Configure(EntityTypeBuilder<ResponseTag> builder)
    {
        builder.ToTable("response_tags");
        builder.HasKey(t => new { t.WorkspaceId, t.ResponseId, t.Tag });
        builder.HasIndex(t => new { t.WorkspaceId, t.Tag });
        builder.Property(t => t.Tag).HasMaxLength(64);
    }
}
