namespace Loopwise.Features.Initiatives;

public sealed record InitiativeInput(
    string? Title,
    string? Description,
    Guid? OwnerUserId,
    string? RootCause,
    string? TouchpointKey,
    string? Kpi,
    double? ExpectedImpact,
    double? Effort,
    int? Version = null);

/// <summary>A status change {status, deliveredOn?}; moving to Measured takes the before/after snapshot.</summary>
public sealed record InitiativeStatusInput(string? Status, DateOnly? DeliveredOn = null, int? Version = null);

/// <summary>The KPI at the touchpoint over one window, in the units people read (NPS points, percentages, means).</summary>
public sealed record KpiWindowDto(DateOnly From, DateOnly To, long N, double? Value, double? Lower, double? Upper);

/// <summary>
/// Before (the <see cref="InitiativeService.WindowDays"/> days before delivery) against after (from delivery, up to as
/// many days or today): the change, and whether it is significant at 95 % (z from the two intervals' standard errors).
/// </summary>
public sealed record MeasurementDto(string Kpi, KpiWindowDto Before, KpiWindowDto After, double? Change, double? Z, bool? Significant, string Verdict);

public sealed record InitiativeDto(
    Guid Id,
    string Title,
    string? Description,
    Guid? OwnerUserId,
    string? OwnerName,
    string? RootCause,
    Guid? TouchpointId,
    string? TouchpointName,
    string Kpi,
    double ExpectedImpact,
    double Effort,
    double Priority,
    InitiativeStatus Status,
    int LinkedCases,
    DateOnly? DeliveredOn,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    MeasurementDto? Measurement,
    int Version);
