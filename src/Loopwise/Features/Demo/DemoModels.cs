namespace Loopwise.Features.Demo;

/// <summary>What to build. <see cref="Customers"/> defaults to a tenth of <see cref="Responses"/> (at least 100).</summary>
public sealed record DemoOptions
{
    public string Slug { get; init; } = DemoCompany.Slug;

    /// <summary>Completed responses to create over the last 12 months (partials come on top, about 10%).</summary>
    public int Responses { get; init; } = 50_000;

    public int Seed { get; init; } = 42;

    /// <summary>Delete the workspace's rows and build again, instead of reusing a finished build.</summary>
    public bool Reset { get; init; }

    public int? Customers { get; init; }

    /// <summary>Responses stored per transaction.</summary>
    public int ChunkSize { get; init; } = 5_000;

    public int CustomerCount => Customers ?? Math.Max(100, Responses / 10);
}

public enum DemoStep
{
    Workspace,
    Customers,
    Responses,

    /// <summary>Support tickets, memberships and acquisitions.</summary>
    Operations,

    /// <summary>The comments' analysis (sentiment, topics, emotions), in responses.</summary>
    Comments,
}

/// <summary>Progress of one step: <see cref="Done"/> of <see cref="Total"/> items.</summary>
public readonly record struct DemoProgress(DemoStep Step, long Done, long Total);

/// <summary>What the demo workspace holds, and how to get in.</summary>
public sealed record DemoResult(
    Guid WorkspaceId,
    string Slug,
    string Name,
    bool AlreadyBuilt,
    int Touchpoints,
    int Channels,
    int Surveys,
    int Customers,
    long Completed,
    long Partial,
    DateOnly From,
    DateOnly To,
    IReadOnlyList<DemoAccount> Accounts,
    string Password,
    string? ApiKey,
    TimeSpan Elapsed);

/// <summary>Reports progress synchronously on the generator's thread (unlike <see cref="Progress{T}"/>, which posts).</summary>
public sealed class DemoProgressSink(Action<DemoProgress> report) : IProgress<DemoProgress>
{
    public void Report(DemoProgress value) => report(value);
}
