namespace Loopwise.Core.Cases;

/// <summary>Why a case was closed (cx-reference.md §7).</summary>
public enum CaseCloseReason
{
    /// <summary>Closed after its resolution: the normal end.</summary>
    Resolved,

    /// <summary>Nothing to do (for example a misread comment).</summary>
    NoAction,

    /// <summary>Another case covers it.</summary>
    Duplicate,

    /// <summary>The customer could not be reached.</summary>
    Unreachable,
}
