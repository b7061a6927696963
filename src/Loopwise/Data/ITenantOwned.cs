namespace Loopwise.Data;

/// <summary>
/// Marks an entity that holds tenant data. Its table carries <c>workspace_id</c> as the first column of its
/// primary key, and the <see cref="LoopwiseDbContext"/> filters every query by the current workspace.
/// </summary>
public interface ITenantOwned
{
    Guid WorkspaceId { get; }
}
