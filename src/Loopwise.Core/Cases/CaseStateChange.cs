namespace Loopwise.Core.Cases;

/// <summary>A case entered <paramref name="State"/> at <paramref name="At"/> (UTC). The first change of a case is its creation.</summary>
public readonly record struct CaseStateChange(DateTime At, CaseState State);
