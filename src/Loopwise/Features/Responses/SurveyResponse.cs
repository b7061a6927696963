using Loopwise.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Loopwise.Features.Responses;

/// <summary>
/// One respondent's answers to one survey. A response is a fact: once <see cref="CompletedAt"/> is set it is
/// never changed (corrections are new facts). Until then it is a partial response saved page by page, so
/// started versus completed can be measured.
/// </summary>
public sealed class SurveyResponse : ITenantOwned
{
    public Guid WorkspaceId { get; init; }

    public Guid Id { get; init; }

    public Guid SurveyId { get; init; }

    public int SurveyVersion { get; init; }

    /// <summary><see cref="Guid.Empty"/> when the response came through no touchpoint.</summary>
    public Guid TouchpointId { get; init; }

    public Guid? CustomerId { get; init; }

    public Guid? InvitationId { get; init; }

    public DistributionChannel Channel { get; init; }

    public required string Language { get; init; }

    public DateTime StartedAt { get; init; }

    public DateTime? CompletedAt { get; set; }

    /// <summary>Answers in Loopwise's own JSON format (<c>Loopwise.Core.Surveys.SurveyJson</c>).</summary>
    public required string AnswersJson { get; set; }

    /// <summary>The source system's id for imported responses (e.g. a Qualtrics ResponseId): a re-import skips it.</summary>
    public string? ExternalId { get; init; }

    /// <summary>The customer's dimension values (region, plan...) when the response was stored, as a JSON object; null without a customer.</summary>
    public string? DimensionsJson { get; set; }

    /// <summary>Secret that lets the respondent page resume a partial response; null once completed.</summary>
    public string? ResumeToken { get; set; }
}

/// <summary>How a response reached Loopwise.</summary>
public enum DistributionChannel
{
    Link,
    Email,
    Widget,
    InApp,
    Kiosk,
    Qr,
    Sms,
    Api,
    Import,
}

internal sealed class SurveyResponseConfiguration : IEntityTypeConfiguration<SurveyResponse>
{
    public void Configure(EntityTypeBuilder<SurveyResponse> builder)
    {
        builder.ToTable("responses");
        builder.HasKey(r => new { r.WorkspaceId, r.Id });
        builder.HasIndex(r => new { r.WorkspaceId, r.SurveyId, r.CompletedAt });
        builder.HasIndex(r => new { r.WorkspaceId, r.SurveyId, r.ExternalId }).IsUnique().HasFilter("external_id IS NOT NULL");
        builder.Property(r => r.Channel).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Language).HasMaxLength(16);
        builder.Property(r => r.ExternalId).HasMaxLength(100);
        builder.Property(r => r.ResumeToken).HasMaxLength(64);
    }
}
