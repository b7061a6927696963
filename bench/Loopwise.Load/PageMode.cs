namespace Loopwise.Load;

/// <summary>Respondents opening the survey page only (GET, no answer): the cost of rendering the public form.</summary>
internal sealed class PageMode : ILoadMode
{
    private string _path = string.Empty;

    public string Name => "page";

    public Task PrepareAsync(HttpClient client, BenchTarget target, CancellationToken ct)
    {
        _path = $"/s/{target.WorkspaceSlug}/{target.LinkToken}/{target.TouchpointKey}";
        return Task.CompletedTask;
    }

    public async Task<int> SendAsync(HttpClient client, CancellationToken ct)
    {
        _ = await client.GetStringAsync(_path, ct);
        return 0;
    }
}
