namespace Loopwise.Data;

/// <summary>
/// The workspace the current unit of work acts in: filled once per request from the signed-in user or API key,
/// or set explicitly by a CLI verb or a job. The EF query filter reads it, so no query can cross tenants.
/// </summary>
public sealed class WorkspaceScope
{
    private Guid? _workspaceId;

    public bool HasWorkspace => _workspaceId is not null;

    /// <summary>The current workspace; reading it before one is set is a programming error.</summary>
    public Guid WorkspaceId => _workspaceId ?? throw new InvalidOperationException("No workspace is set for this unit of work.");

    /// <summary>Used by the query filter: an unset scope matches no tenant row at all.</summary>
    internal Guid FilterId => _workspaceId ?? Guid.Empty;

    public Guid? UserId { get; private set; }

    public void Set(Guid workspaceId, Guid? userId = null)
    {
        if (_workspaceId is { } current && current != workspaceId)
        {
            throw new InvalidOperationException("The workspace of a unit of work cannot change once set.");
        }

        _workspaceId = workspaceId;
        UserId = userId;
    }
}
