using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;
using Loopwise.Core.Text;
using Loopwise.Core.Text.Emotions;
using Loopwise.Core.Text.Language;
using Loopwise.Core.Text.Pii;
using Loopwise.Core.Text.Sentiment;
using Loopwise.Core.Text.Tokenization;
using Loopwise.Core.Text.Topics;

namespace Loopwise.TextEval;

/// <summary>
/// Plain single-threaded throughput on one core (the issue's target: ≥ 50 000 comments/s for sentiment + topics +
/// PII redaction on 20–40-word comments): each stage loops over the corpus for a fixed time after a warm-up and
/// prints comments/s. The process is pinned to one CPU where the OS allows it.
/// </summary>
internal static class Throughput
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static void Run(string? dataDirectory, TimeSpan duration, TextWriter output)
    {
        var pinned = PinToOneCpu();
        var (corpus, source) = Corpus(dataDirectory);
        var taxonomy = TopicTaxonomy.Compile(StarterTaxonomies.For("retail")).Taxonomy
            ?? throw new InvalidOperationException("The retail starter taxonomy does not compile.");
        var analyzer = new TextAnalyzer(taxonomy);
        var tokens = new TokenizedText();
        var sentiment = VaderStyleSentimentAnalyzer.Instance;
        var hits = new List<TopicHit>();

        output.WriteLine("Loopwise text throughput, single-threaded");
        output.WriteLine(Machine(pinned));
        output.WriteLine(Load());
        output.WriteLine(string.Create(Invariant, $"corpus: {corpus.Length} comments, {corpus.Average(Words):F1} words on average ({source}); taxonomy: retail starter, {taxonomy.Topics.Count} topics; model {TextAnalyzer.ModelVersion}"));
        output.WriteLine();
        output.WriteLine("  comments/s is by the wall clock; per CPU-second counts only the time the process ran (other load on the machine");
        output.WriteLine("  stretches the wall clock, not the CPU time). µs and bytes are per comment.");
        output.WriteLine();
        output.WriteLine("  stage                                                comments/s  per CPU-s   µs (CPU)    bytes");

        Measure("tokenise + split sentences alone", corpus, duration, output, text =>
        {
            tokens.Load(text);
            return tokens.Sentences.Count;
        });
        Measure("sentiment alone (tokenise + sentences + VADER-style)", corpus, duration, output, text =>
        {
            tokens.Load(text);
            return sentiment.Score(tokens).Compound > 0 ? 1 : 0;
        });
        Measure("PII redaction alone", corpus, duration, output, text => PiiRedactor.Redact(text).Redactions.Count);
        var split = corpus.Select(TokenizedText.Create).ToArray();
        var next = 0;
        Measure("topics alone (TopicTaxonomy.Match per sentence)", corpus, duration, output, text =>
        {
            var tokenized = split[next++ % split.Length];
            var count = 0;
            foreach (var sentence in tokenized.Sentences)
            {
                hits.Clear();
                taxonomy.Match(tokenized.Text, sentence.Span, hits);
                count += hits.Count;
            }

            return count;
        });
        Measure("language detection alone (tokenise + detect)", corpus, duration, output, text =>
        {
            tokens.Load(text);
            return StopWordLanguageDetector.Instance.Detect(tokens).Supported ? 1 : 0;
        });
        Measure("emotions alone (tokenise + tag)", corpus, duration, output, text =>
        {
            tokens.Load(text);
            return LexiconEmotionTagger.Instance.Tag(tokens).Count;
        });
        Measure("sentiment + topics + PII (the issue's target)", corpus, duration, output, text =>
        {
            var redacted = PiiRedactor.Redact(text);
            tokens.Load(redacted.Text);
            var count = sentiment.Score(tokens).Compound > 0 ? 1 : 0;
            foreach (var sentence in tokens.Sentences)
            {
                hits.Clear();
                taxonomy.Match(redacted.Text, sentence.Span, hits);
                count += hits.Count;
            }

            return count;
        });
        Measure("full pipeline: TextAnalyzer.Analyze (+ NFC, language, emotions)", corpus, duration, output,
            text => analyzer.Analyze(text).Topics.Count);
    }

    private static void Measure(string name, string[] corpus, TimeSpan duration, TextWriter output, Func<string, int> work)
    {
        var sink = 0;
        var warmUp = Stopwatch.StartNew();
        for (var i = 0; warmUp.Elapsed < TimeSpan.FromSeconds(1.5); i++)
        {
            sink += work(corpus[i % corpus.Length]);
        }

        GC.Collect();
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        long count = 0;
        var cpu = Environment.CpuUsage.TotalTime;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < duration)
        {
            foreach (var text in corpus)
            {
                sink += work(text);
            }

            count += corpus.Length;
        }

        clock.Stop();
        var cpuSeconds = (Environment.CpuUsage.TotalTime - cpu).TotalSeconds;
        var bytes = (double)(GC.GetAllocatedBytesForCurrentThread() - allocated) / count;
        var perSecond = count / clock.Elapsed.TotalSeconds;
        var perCpuSecond = count / cpuSeconds;
        output.WriteLine(string.Create(Invariant,
            $"  {name,-50} {perSecond,12:N0} {perCpuSecond,12:N0}   {1e6 / perCpuSecond,8:F2}   {bytes,8:N0}"));
        GC.KeepAlive(sink);
    }

    /// <summary>The English comments of 20–40 words from the labelled data, or a generated corpus when there is none.</summary>
    private static (string[] Corpus, string Source) Corpus(string? dataDirectory)
    {
        if (dataDirectory is not null && Directory.Exists(dataDirectory) && Directory.GetFiles(dataDirectory, "comments-*.tsv").Length > 0)
        {
            var typical = LabelledComment.ReadAll(dataDirectory)
                .Where(r => r.Language == "en" && Words(r.Text) is >= 20 and <= 40)
                .Select(r => r.Text)
                .ToArray();
            if (typical.Length >= 50)
            {
                return (typical, "the labelled English comments of 20–40 words");
            }
        }

        return (GeneratedComments.Create(2000, seed: 42), "generated 20–40-word comments");
    }

    private static double Words(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    private static bool PinToOneCpu()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsWindows())
        {
            return false;
        }

        try
        {
            Process.GetCurrentProcess().ProcessorAffinity = 1;
            return true;
        }
        catch (Exception e) when (e is PlatformNotSupportedException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    private static string Load() =>
        File.Exists("/proc/loadavg") ? "load average (1, 5, 15 min): " + string.Join(", ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "load average: unknown";

    private static string Machine(bool pinned)
    {
        var cpu = "unknown CPU";
        if (File.Exists("/proc/cpuinfo"))
        {
            cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? cpu;
        }

        return string.Create(Invariant,
            $"machine: {cpu}, {Environment.ProcessorCount} logical CPUs ({(pinned ? "pinned to CPU 0" : "not pinned")}), {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription} {RuntimeInformation.ProcessArchitecture}, {(GCSettings.IsServerGC ? "server" : "workstation")} GC");
    }
}
