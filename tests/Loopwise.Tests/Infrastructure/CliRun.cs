using Loopwise.Cli;

namespace Loopwise.Tests.Infrastructure;

/// <summary>Runs the <c>loopwise</c> command line in process with its console captured (one run at a time: the console is global).</summary>
public static class CliRun
{
    private static readonly SemaphoreSlim ConsoleLock = new(1, 1);

    /// <summary>The exit code and everything written to standard output then standard error.</summary>
    public static async Task<(int Exit, string Output)> RunAsync(params string[] args)
    {
        await ConsoleLock.WaitAsync();
        var (original, originalError) = (Console.Out, Console.Error);
        using var writer = new StringWriter();
        using var errors = new StringWriter();
        try
        {
            Console.SetOut(writer);
            Console.SetError(errors);
            var exit = await LoopwiseCli.RunAsync(args);
            return (exit, writer.ToString() + errors);
        }
        finally
        {
            Console.SetOut(original);
            Console.SetError(originalError);
            ConsoleLock.Release();
        }
    }
}
