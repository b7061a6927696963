using Loopwise.Data;
using Microsoft.EntityFrameworkCore;

namespace Loopwise.Features.Support;

/// <summary>Reads and saves the current workspace's <see cref="SupportSettings"/>.</summary>
public sealed class SupportSettingsService(LoopwiseDbContext db, TimeProvider clock)
{
    public async Task<SupportRules> RulesAsync(CancellationToken ct)
    {
        var row = await db.Set<SupportSettings>().AsNoTracking().FirstOrDefaultAsync(ct);
        if (row is null)
        {
            return SupportRules.Default;
        }

        var (calendar, _) = CalendarInput.Parse(row.CalendarJson).ToCalendar(string.Empty);
        return new SupportRules(calendar ?? Core.Support.BusinessCalendar.Default, row.FcrWindowDays, row.SlaFirstResponseSeconds);
    }

    public async Task SaveAsync(Guid workspaceId, CalendarInput calendar, int windowDays, long slaSeconds, CancellationToken ct)
    {
        var row = await db.Set<SupportSettings>().FirstOrDefaultAsync(ct);
        if (row is null)
        {
            row = new SupportSettings { WorkspaceId = workspaceId, CalendarJson = calendar.ToJson() };
            db.Add(row);
        }

        row.CalendarJson = calendar.ToJson();
        row.FcrWindowDays = windowDays;
        row.SlaFirstResponseSeconds = slaSeconds;
        row.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
    }
}
