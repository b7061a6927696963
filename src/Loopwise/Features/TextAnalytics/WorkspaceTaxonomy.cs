using Loopwise.Core.Text.Topics;

namespace Loopwise.Features.TextAnalytics;

/// <summary>
/// A workspace's taxonomy as in force: <see cref="Version"/> 0 is the unsaved starter of <see cref="Industry"/>; saved
/// versions count from 1.
/// </summary>
public sealed record WorkspaceTaxonomy(string Industry, int Version, IReadOnlyList<TopicDefinition> Topics, DateTime? UpdatedAt, string? UpdatedBy)
{
    public bool IsStarter => Version == 0;
}
