namespace Loopwise.Core.Cases;

/// <summary>The outcome of <see cref="CaseWorkflow.Next"/>: the next state, or why the move is refused.</summary>
public readonly record struct CaseMove
{
    private CaseMove(CaseState? state, string? refusal)
    {
        State = state;
        Refusal = refusal;
    }

    /// <summary>The state the case moves to; null when refused.</summary>
    public CaseState? State { get; }

    /// <summary>Why the move is refused, in words for the person who tried; null when allowed.</summary>
    public string? Refusal { get; }

    /// <summary>True when the move is allowed.</summary>
    public bool IsAllowed => State is not null;

    /// <summary>An allowed move to <paramref name="state"/>.</summary>
    public static CaseMove To(CaseState state) => new(state, null);

    /// <summary>A refused move.</summary>
    public static CaseMove Refused(string why) => new(null, why);
}
