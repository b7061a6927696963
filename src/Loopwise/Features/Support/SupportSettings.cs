using System.Globalization;
using System.Text.Json;
using Loopwise.Core.Support;
using Loopwise.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Loopwise.Features.Support;

/// <summary>
/// A workspace's support settings: the team's business calendar (JSON, see <see cref="CalendarInput"/>), the
/// repeat-contact FCR window W and the first-response SLA target in business seconds. A workspace without a row uses
/// <see cref="BusinessCalendar.Default"/>, W = 7 days and 4 business hours. Settings apply to ticket summaries derived
/// after they change.
/// </summary>
public sealed class SupportSettings : ITenantOwned
{
    public Guid WorkspaceId { get; init; }

    public required string CalendarJson { get; set; }

    public int FcrWindowDays { get; set; } = FirstContactResolution.DefaultWindowDays;

    public long SlaFirstResponseSeconds { get; set; } = Sla.DefaultTargetSeconds;

    public DateTime UpdatedAt { get; set; }
}

internal sealed class SupportSettingsConfiguration : IEntityTypeConfiguration<SupportSettings>
{
    public void Configure(EntityTypeBuilder<SupportSettings> builder)
    {
        builder.ToTable("support_settings");
        builder.HasKey(s => s.WorkspaceId);
    }
}

/// <summary>Settings as the ticket writer uses them.</summary>
public sealed record SupportRules(BusinessCalendar Calendar, int FcrWindowDays, long SlaTargetSeconds)
{
    public static SupportRules Default { get; } = new(BusinessCalendar.Default, FirstContactResolution.DefaultWindowDays, Sla.DefaultTargetSeconds);
}

/// <summary>Calendar JSON and its API shape: <c>{"timeZone":"Europe/Paris","hours":[{"day":"monday","open":"09:00","close":"17:00"}],"holidays":["2026-12-25"]}</c>.</summary>
public sealed record CalendarInput(string? TimeZone, List<HoursInput?>? Hours, List<DateOnly>? Holidays)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static CalendarInput From(BusinessCalendar calendar) => new(
        calendar.TimeZone,
        [.. calendar.Hours.Select(h => new HoursInput(h.Day.ToString().ToLowerInvariant(), Time(h.Open), Time(h.Close)))],
        [.. calendar.Holidays]);

    public static CalendarInput Parse(string json) => JsonSerializer.Deserialize<CalendarInput>(json, Json) ?? throw new JsonException("Empty calendar JSON.");

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>The calendar, or field errors prefixed with <paramref name="prefix"/>.</summary>
    public (BusinessCalendar? Calendar, Dictionary<string, string[]> Errors) ToCalendar(string prefix)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var hours = new List<OpeningHours>();
        for (var i = 0; i < (Hours?.Count ?? 0); i++)
        {
            var h = Hours![i];
            var path = $"{prefix}hours[{i.ToString(CultureInfo.InvariantCulture)}]";
            if (h is null || !Enum.TryParse<DayOfWeek>(h.Day, ignoreCase: true, out var day) || int.TryParse(h.Day, out _))
            {
                errors[path + ".day"] = ["A day is a weekday name such as monday."];
                continue;
            }

            var open = ParseTime(h.Open);
            var close = ParseTime(h.Close);
            if (open is null)
            {
                errors[path + ".open"] = ["A time is HH:mm, e.g. 09:00."];
            }

            if (close is null)
            {
                errors[path + ".close"] = ["A time is HH:mm, e.g. 17:00 (24:00 for midnight)."];
            }

            hours.Add(new OpeningHours(day, open ?? TimeSpan.Zero, close ?? TimeSpan.FromDays(1)));
        }

        if (errors.Count == 0)
        {
            foreach (var error in BusinessCalendar.Validate(Hours is null ? null : hours, TimeZone, Holidays ?? []))
            {
                errors[prefix + error.Path] = [error.Message];
            }
        }

        return errors.Count > 0 ? (null, errors) : (BusinessCalendar.Create(hours, TimeZone!, Holidays ?? []), errors);
    }

    private static string Time(TimeSpan t) => t == TimeSpan.FromDays(1)
        ? "24:00"
        : t.Seconds == 0 ? t.ToString(@"hh\:mm", CultureInfo.InvariantCulture) : t.ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture);

    private static TimeSpan? ParseTime(string? text)
    {
        if (text is "24:00")
        {
            return TimeSpan.FromDays(1);
        }

        return TimeOnly.TryParseExact(text, ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t.ToTimeSpan() : null;
    }
}

/// <summary>One opening interval as JSON: day name, open and close as HH:mm.</summary>
public sealed record HoursInput(string? Day, string? Open, string? Close);
