namespace Loopwise.Core.Text.Topics;

/// <summary>An error in one topic's definition; <paramref name="Position"/> is the character in its rule, or −1.</summary>
public sealed record TaxonomyError(string Key, int Position, string Message);
