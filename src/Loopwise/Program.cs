using Loopwise.Cli;

// `loopwise` with no verb, or with only --key=value settings, is `loopwise serve` (that is also how
// WebApplicationFactory starts it in tests). Every other verb is parsed by System.CommandLine.
return await LoopwiseCli.RunAsync(args);

/// <summary>The entry point type, public for <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program;
