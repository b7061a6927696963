using System.Text.Json;
using Loopwise.Core.Cases;
using Loopwise.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Loopwise.Features.Cases;

/// <summary>
/// A workspace's case settings: its working calendar, SLA targets by priority, and the counter that numbers its
/// cases. A workspace without a row uses <see cref="CaseSettingsDto.Default"/>.
/// </summary>
public sealed class CaseSettings : ITenantOwned
{
    public Guid WorkspaceId { get; init; }

    /// <summary>The last case number given out.</summary>
    public int LastNumber { get; set; }

    /// <summary>A <see cref="CaseSettingsDto"/> as JSON.</summary>
    public required string SettingsJson { get; set; }

    public DateTime UpdatedAt { get; set; }

    public CaseSettingsDto Settings => JsonSerializer.Deserialize<CaseSettingsDto>(SettingsJson, CaseJson.Options) ?? CaseSettingsDto.Default;
}

/// <summary>How case settings and rules are stored as JSON: web casing, enums by name.</summary>
public static class CaseJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };
}

/// <summary>The editable settings: calendar (IANA or Windows time zone id, weekly windows "HH:mm", holidays) and SLA targets in working hours.</summary>
public sealed record CaseSettingsDto(
    string TimeZone,
    IReadOnlyList<BusinessHoursDto> Hours,
    IReadOnlyList<DateOnly> Holidays,
    IReadOnlyDictionary<CasePriority, SlaTargetsDto> Targets,
    int CloseResolvedAfterDays)
{
    /// <summary>Monday to Friday 09:00–17:00 UTC, the default targets of <see cref="SlaTargets.DefaultFor"/>, close after 7 days.</summary>
    public static CaseSettingsDto Default { get; } = new(
        "UTC",
        [.. new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }.Select(d => new BusinessHoursDto(d, "09:00", "17:00"))],
        [],
        Enum.GetValues<CasePriority>().ToDictionary(p => p, p => SlaTargetsDto.From(SlaTargets.DefaultFor(p))),
        7);

    /// <summary>The working calendar, or the reason it cannot be built (an unknown time zone, a bad window).</summary>
    public (BusinessCalendar? Calendar, string? Error) Calendar()
    {
        TimeZoneInfo zone;
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return (null, $"Unknown time zone '{TimeZone}': use an IANA id such as Europe/Paris or UTC.");
        }

        var windows = new List<BusinessHours>();
        foreach (var h in Hours)
        {
            if (!TryTime(h.Opens, out var opens) || !TryTime(h.Closes, out var closes))
            {
                return (null, $"The {h.Day} window '{h.Opens}'–'{h.Closes}' is not HH:mm to HH:mm (24:00 allowed as a closing time).");
            }

            windows.Add(new BusinessHours(h.Day, opens, closes));
        }

        try
        {
            return (new BusinessCalendar(zone, windows, Holidays), null);
        }
        catch (ArgumentException e)
        {
            return (null, e.Message.Split(" (Parameter", 2)[0]);
        }
    }

    private static bool TryTime(string text, out TimeSpan time)
    {
        time = default;
        if (text == "24:00")
        {
            time = TimeSpan.FromHours(24);
            return true;
        }

        if (!TimeOnly.TryParseExact(text, "HH:mm", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var t))
        {
            return false;
        }

        time = t.ToTimeSpan();
        return true;
    }

    /// <summary>The targets of a priority (the default when the settings lack it).</summary>
    public SlaTargets TargetsFor(CasePriority priority) =>
        Targets.TryGetValue(priority, out var t) ? new(TimeSpan.FromHours(t.FirstResponseHours), TimeSpan.FromHours(t.ResolutionHours)) : SlaTargets.DefaultFor(priority);
}

public sealed record BusinessHoursDto(DayOfWeek Day, string Opens, string Closes);

public sealed record SlaTargetsDto(double FirstResponseHours, double ResolutionHours)
{
    public static SlaTargetsDto From(SlaTargets targets) => new(targets.FirstResponse.TotalHours, targets.Resolution.TotalHours);
}

internal sealed class CaseSettingsConfiguration : IEntityTypeConfiguration<CaseSettings>
{
    public void Configure(EntityTypeBuilder<CaseSettings> builder)
    {
        builder.ToTable("case_settings");
        builder.HasKey(s => s.WorkspaceId);
        builder.Ignore(s => s.Settings);
    }
}
