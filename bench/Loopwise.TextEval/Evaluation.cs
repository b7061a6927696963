using System.Globalization;
using Loopwise.Core.Text;
using Loopwise.Core.Text.Sentiment;
using Loopwise.Core.Text.Tokenization;
using Loopwise.Core.Text.Topics;

namespace Loopwise.TextEval;

/// <summary>
/// Scores the labelled comments: sentiment accuracy and macro-F1 (3 classes) of the full analyser and of the
/// lexicon-only baseline, on English rows, per split, overall and per industry, with confusion matrices; and the
/// language detection over all rows. Prints misclassified DEV rows on request, never TEST rows.
/// </summary>
internal static class Evaluation
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static void Run(string dataDirectory, bool printDevErrors, TextWriter output)
    {
        var rows = LabelledComment.ReadAll(dataDirectory);
        var analyzer = new TextAnalyzer(TopicTaxonomy.Empty);
        var results = rows.Select(row =>
        {
            var analysis = analyzer.Analyze(row.Text);
            var baseline = LexiconBaselineSentimentAnalyzer.Instance.ScoreText(TokenizedText.Create(row.Text));
            return new Result(row, analysis.Language, analysis.LanguageSupported, analysis.Sentiment, baseline);
        }).ToList();

        output.WriteLine(Format($"Loopwise text evaluation: {rows.Count} comments from {dataDirectory} (model {TextAnalyzer.ModelVersion})"));
        output.WriteLine();
        Sentiment(results.Where(r => r.Row.Language == "en").ToList(), output);
        Language(results, output);
        if (printDevErrors)
        {
            DevErrors(results.Where(r => r.Row.Split == "dev").ToList(), output);
        }
    }

    private static void Sentiment(List<Result> english, TextWriter output)
    {
        output.WriteLine(Format($"Sentiment on the {english.Count} English comments (labels: compound ≥ 0.05 positive, ≤ −0.05 negative)"));
        output.WriteLine("  full = VADER-style rules + CX lexicon (the pipeline); baseline = sum of VADER valences, no rules");
        output.WriteLine();
        output.WriteLine("  split      n   full acc  full F1   base acc  base F1");
        foreach (var (split, subset) in Splits(english))
        {
            var (full, baseline) = Classify(subset);
            output.WriteLine(Format($"  {split,-6} {subset.Count,5}   {full.Accuracy,8:P1}  {full.MacroF1,7:F3}   {baseline.Accuracy,8:P1}  {baseline.MacroF1,7:F3}"));
        }

        output.WriteLine();
        foreach (var (split, subset) in Splits(english))
        {
            var (full, baseline) = Classify(subset);
            output.WriteLine(Format($"  Confusion, {split}, full:"));
            foreach (var line in full.MatrixLines())
            {
                output.WriteLine("  " + line);
            }

            output.WriteLine(Format($"  Confusion, {split}, baseline:"));
            foreach (var line in baseline.MatrixLines())
            {
                output.WriteLine("  " + line);
            }
        }

        output.WriteLine();
        output.WriteLine("  industry             split      n   full acc  full F1   base acc  base F1");
        foreach (var industry in english.Select(r => r.Row.Industry).Distinct().Order(StringComparer.Ordinal))
        {
            foreach (var (split, subset) in Splits(english.Where(r => r.Row.Industry == industry).ToList()))
            {
                if (subset.Count == 0)
                {
                    continue;
                }

                var (full, baseline) = Classify(subset);
                output.WriteLine(Format($"  {industry,-20} {split,-6} {subset.Count,5}   {full.Accuracy,8:P1}  {full.MacroF1,7:F3}   {baseline.Accuracy,8:P1}  {baseline.MacroF1,7:F3}"));
            }
        }

        var flagged = english.Count(r => !r.Supported);
        output.WriteLine();
        output.WriteLine(Format($"  English comments the pipeline flagged as another language (so scored neutral): {flagged}"));
        output.WriteLine();
    }

    private static void Language(List<Result> all, TextWriter output)
    {
        var exact = all.Count(r => r.Detected == r.Row.Language);
        var flag = all.Count(r => r.Supported == (r.Row.Language == "en"));
        output.WriteLine(Format($"Language detection on all {all.Count} comments"));
        output.WriteLine(Format($"  exact code: {(double)exact / all.Count:P1} ({exact}); supported flag right (English scored, others flagged): {(double)flag / all.Count:P1} ({flag})"));
        output.WriteLine("  gold  n     detected");
        foreach (var group in all.GroupBy(r => r.Row.Language).OrderByDescending(g => g.Count()))
        {
            var detected = string.Join(", ", group.GroupBy(r => r.Detected).OrderByDescending(g => g.Count()).Select(g => Format($"{g.Key} {g.Count()}")));
            output.WriteLine(Format($"  {group.Key,-4} {group.Count(),5}  {detected}"));
        }

        output.WriteLine();
    }

    private static void DevErrors(List<Result> dev, TextWriter output)
    {
        output.WriteLine("DEV comments whose language was mis-detected (an English comment read as \"und\" is no error: it is scored)");
        foreach (var r in dev.Where(r => r.Detected != r.Row.Language && !(r.Row.Language == "en" && r.Detected == "und")))
        {
            output.WriteLine(Format($"  {r.Row.Id} {r.Row.Language} → {r.Detected}  {r.Row.Text}"));
        }

        output.WriteLine();
        output.WriteLine("Misclassified DEV comments (full analyser): id, gold → predicted, compound, text");
        foreach (var r in dev.Where(r => r.Row.Language == "en" && r.Full.Label != r.Row.Label).OrderBy(r => r.Row.Id, StringComparer.Ordinal))
        {
            output.WriteLine(Format($"  {r.Row.Id} {r.Row.Label,-8} → {r.Full.Label,-8} {r.Full.Compound,7:F3}  {r.Row.Text}"));
        }
    }

    private static IEnumerable<(string Split, List<Result> Rows)> Splits(List<Result> rows)
    {
        yield return ("dev", rows.Where(r => r.Row.Split == "dev").ToList());
        yield return ("test", rows.Where(r => r.Row.Split == "test").ToList());
        yield return ("all", rows);
    }

    private static (Classification Full, Classification Baseline) Classify(List<Result> rows)
    {
        var full = new Classification();
        var baseline = new Classification();
        foreach (var r in rows)
        {
            full.Add(r.Row.Label, r.Full.Label);
            baseline.Add(r.Row.Label, r.Baseline.Label);
        }

        return (full, baseline);
    }

    private static string Format(FormattableString text) => text.ToString(Invariant);

    private sealed record Result(LabelledComment Row, string Detected, bool Supported, SentimentScore Full, SentimentScore Baseline);
}
