using System.Collections.Concurrent;
using Loopwise.Core.Surveys;
using Loopwise.Data;
using Loopwise.Features.Surveys;
using Microsoft.EntityFrameworkCore;

namespace Loopwise.Features.Responses;

/// <summary>
/// Parsed survey definitions by survey id and version (singleton). A definition changes only with a new version,
/// so parsing it once per version is safe and keeps JSON parsing off the per-response path.
/// </summary>
public sealed class SurveyDefinitions
{
    private const int MaxEntries = 2_000;
    private readonly ConcurrentDictionary<(Guid SurveyId, int Version), SurveyDefinition> _parsed = new();

    public SurveyDefinition Of(Survey survey)
    {
        if (_parsed.TryGetValue((survey.Id, survey.Version), out var definition))
        {
            return definition;
        }

        if (_parsed.Count >= MaxEntries)
        {
            _parsed.Clear();
        }

        definition = SurveyJson.Deserialize(survey.DefinitionJson);
        _parsed[(survey.Id, survey.Version)] = definition;
        return definition;
    }

    /// <summary>The survey of the current workspace with this id, or with this link token.</summary>
    public static async Task<Survey?> FindAsync(LoopwiseDbContext db, string idOrToken, CancellationToken ct)
    {
        var trimmed = idOrToken.Trim();
        if (Guid.TryParse(trimmed, out var id))
        {
            return await db.Set<Survey>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
        }

        return await db.Set<Survey>().AsNoTracking().FirstOrDefaultAsync(s => s.LinkToken == trimmed, ct);
    }
}
