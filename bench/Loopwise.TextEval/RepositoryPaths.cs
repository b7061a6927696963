namespace Loopwise.TextEval;

internal static class RepositoryPaths
{
    /// <summary>bench/Loopwise.TextEval/data of the repository around the working directory or the executable.</summary>
    public static string? DefaultData()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "Loopwise.slnx")))
                {
                    return Path.Combine(directory.FullName, "bench", "Loopwise.TextEval", "data");
                }
            }
        }

        return null;
    }
}
