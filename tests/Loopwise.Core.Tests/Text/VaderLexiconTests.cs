using System.Diagnostics;

namespace Loopwise.Core.Tests.Text;

/// <summary>
/// The committed vader.tsv must be exactly what scripts/import-vader-lexicon.mjs derives from the pinned npm package,
/// so that nobody edits it by hand and a package upgrade cannot slip in unreviewed.
/// </summary>
public class VaderLexiconTests
{
    [Fact]
    public void Committed_vader_tsv_is_what_the_import_script_derives_from_node_modules()
    {
        var root = RepositoryRoot();
        var package = Path.Combine(root, "node_modules", "vader-sentiment", "vader_lexicon.txt");
        Assert.True(File.Exists(package),
            $"{package} is missing: run `npm ci` in {root} (CI always has node_modules; the build runs it for the web assets).");

        var start = new ProcessStartInfo("node", ["scripts/import-vader-lexicon.mjs", "--stdout"])
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var node = Process.Start(start) ?? throw new InvalidOperationException("node could not be started.");
        var derived = node.StandardOutput.ReadToEnd();
        var errors = node.StandardError.ReadToEnd();
        node.WaitForExit();
        Assert.True(node.ExitCode == 0, $"import-vader-lexicon.mjs failed: {errors}");

        var committed = File.ReadAllText(Path.Combine(root, "src", "Loopwise.Core", "Text", "Sentiment", "Lexicons", "vader.tsv"));
        Assert.True(derived == committed,
            "src/Loopwise.Core/Text/Sentiment/Lexicons/vader.tsv differs from what `node scripts/import-vader-lexicon.mjs` derives: " +
            "run the script and commit its output (never edit vader.tsv by hand).");
        Assert.True(committed.Split('\n').Length > 7000);
    }

    internal static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Loopwise.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Loopwise.slnx above {AppContext.BaseDirectory}.");
    }
}
