namespace Loopwise.Core.Drivers;

/// <summary>A reason, warning or note attached to a key driver result.</summary>
/// <param name="Code">What happened.</param>
/// <param name="Predictor">The predictor concerned, or null when the message is about the whole analysis.</param>
/// <param name="Text">A plain English explanation for the analyst (invariant formatting).</param>
public sealed record DriverMessage(DriverMessageCode Code, string? Predictor, string Text);
