namespace Loopwise.Cli;

/// <summary>
/// Reports progress on the caller's thread, for Spectre progress bars: <see cref="Progress{T}"/> would post to the
/// thread pool and could report after the run ended.
/// </summary>
internal sealed class SyncProgress(Action<(int Done, int Total)> report) : IProgress<(int Done, int Total)>
{
    public void Report((int Done, int Total) value) => report(value);
}
